using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Domain.Tests.Verdicts;

/// <summary>Given: the facts of one cluster's streams, recorded in the order they are added.</summary>
internal sealed class Ledger(string clusterId = "prod")
{
    private readonly List<RecordedFact> facts = [];
    private readonly Dictionary<string, long> revisions = [];

    public string ClusterId { get; } = clusterId;

    public IReadOnlyList<RecordedFact> Facts => facts;

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public ClusterHistory History()
    {
        var history = new ClusterHistory(ClusterId);
        foreach (var fact in facts) history.Apply(fact);
        return history;
    }

    public Ledger Registered(DateTimeOffset at, Flavour flavour = Flavour.Upstream, Environment environment = Environment.Production, string? staging = null) =>
        Add($"cluster-{ClusterId}", new ClusterRegistered(ClusterId, ClusterId, environment, "platform", flavour, staging, at), at);

    public Ledger PolicySet(MaintenancePolicy policy, DateTimeOffset at) =>
        Add($"cluster-{ClusterId}", new MaintenancePolicySet(ClusterId, policy, at), at);

    public Ledger ControlPlane(string gitVersion, DateTimeOffset at) =>
        Observed(new ControlPlaneVersionObserved(ClusterId, gitVersion, "linux/amd64", at));

    public Ledger Node(
        string name, string kubelet, DateTimeOffset at, string os = "Ubuntu 22.04.4 LTS", string kernel = "5.15.0-105-generic",
        string runtime = "containerd://1.7.15", string cpu = "4", string memory = "16Gi", bool unschedulable = false)
    {
        var info = new NodeInfo(kubelet, kubelet, os, kernel, runtime, "amd64", "linux", "m-" + name, "u-" + name, "b-" + name);
        var allocatable = new Dictionary<string, string> { ["cpu"] = cpu, ["memory"] = memory };
        return Observed(new NodeObserved(ClusterId, name, info, new Dictionary<string, string>(), allocatable, unschedulable, new Dictionary<string, string>(), at));
    }

    public Ledger NodeRemoved(string name, DateTimeOffset at) => Observed(new NodeRemoved(ClusterId, name, at));

    public Ledger AddOn(string workload, string container, string image, string product, DateTimeOffset at, string ns = "kube-system") =>
        Observed(new AddOnVersionObserved(ClusterId, ns, workload, container, image, product, at));

    public Ledger AddOnRemoved(string workload, string container, DateTimeOffset at, string ns = "kube-system") =>
        Observed(new AddOnRemoved(ClusterId, ns, workload, container, at));

    public Ledger DrainRisk(string riskId, DrainRiskKind kind, DateTimeOffset at, int? graceSeconds = null, string subject = "apps/web") =>
        Observed(new DrainRiskFound(ClusterId, riskId, kind, subject, $"{kind} on {subject}", graceSeconds, at));

    public Ledger DrainRiskResolved(string riskId, DateTimeOffset at) => Observed(new DrainRiskResolved(ClusterId, riskId, at));

    public Ledger Scheduled(
        string windowId, DateTimeOffset startsAt, DateTimeOffset at, string? contingencyPlan = "roll back the node pool",
        IReadOnlyList<PlannedChange>? changes = null, TimeSpan? length = null) =>
        Maintenance(new MaintenanceWindowScheduled(ClusterId, windowId, startsAt, startsAt + (length ?? TimeSpan.FromHours(4)), contingencyPlan, changes ?? [], at));

    public Ledger Announced(string windowId, DateTimeOffset at, params ChangeKind[] kinds) =>
        Maintenance(new MaintenanceAnnounced(ClusterId, windowId, "app-teams", kinds, at));

    public Ledger Started(string windowId, DateTimeOffset at) => Maintenance(new MaintenanceStarted(ClusterId, windowId, at));

    public Ledger Upgraded(string windowId, ComponentKind kind, string product, string from, string to, ChangeKind change, DateTimeOffset at) =>
        Maintenance(new ComponentUpgraded(ClusterId, windowId, new ComponentRef(kind, product), from, to, change, at));

    public Ledger Completed(string windowId, DateTimeOffset at, WindowOutcome outcome = WindowOutcome.Succeeded) =>
        Maintenance(new MaintenanceCompleted(ClusterId, windowId, outcome, null, at));

    public Ledger Aborted(string windowId, DateTimeOffset at) =>
        Maintenance(new MaintenanceAborted(ClusterId, windowId, ContingencyUsed: true, "api server did not come back", at));

    public Ledger Retrospective(string windowId, DateTimeOffset at) =>
        Maintenance(new RetrospectiveRecorded(ClusterId, windowId, ["drain took long"], ["raise PDB budgets"], at));

    public Ledger Emergency(string emergencyId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset at, params string[] products) =>
        Maintenance(new EmergencyPatchRecorded(ClusterId, emergencyId, ["CVE-2026-0001"], products, from, to, at));

    private Ledger Observed(ObservationEvent e) => Add($"observations-{ClusterId}", e, e.ObservedAt);

    private Ledger Maintenance(MaintenanceEvent e) => Add($"maintenance-{ClusterId}", e, DateTimeOffset.MinValue);

    private Ledger Add(string stream, DomainEvent e, DateTimeOffset recordedAt)
    {
        var revision = revisions.GetValueOrDefault(stream);
        revisions[stream] = revision + 1;
        facts.Add(new RecordedFact(e, stream, revision, facts.Count, recordedAt));
        return this;
    }
}
