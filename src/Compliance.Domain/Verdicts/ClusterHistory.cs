using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Verdicts;

/// <summary>
/// Everything the ledger says about one cluster, folded incrementally from the facts of its streams
/// (<c>cluster-{id}</c>, <c>maintenance-{id}</c>, <c>observations-{id}</c>) in global order. <see cref="Apply"/> is
/// cheap: dictionary updates, and a version string is parsed only when it differs from the one already running.
/// The fold keeps every timestamp, so verdicts can be asked as of any past instant. With a catalog, an add-on observed
/// without a product is mapped by the catalog's package URLs first (<see cref="ImageProducts"/>), then by the image table.
/// </summary>
public sealed partial class ClusterHistory(string clusterId, ReleaseCatalog? catalog = null)
{
    private readonly List<PolicyRecord> policies = [];
    private readonly Dictionary<string, MaintenanceWindowRecord> windows = new(StringComparer.Ordinal);
    private readonly List<MaintenanceWindowRecord> windowOrder = [];
    private readonly List<EmergencyPatch> emergencies = [];
    private readonly List<DrainRiskEpisode> drainRisks = [];
    private readonly Dictionary<string, int> openDrainRisk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExceptionRecord> exceptions = new(StringComparer.Ordinal);
    private readonly List<ExceptionRecord> exceptionOrder = [];
    private readonly List<string> streams = new(4);

    public string ClusterId { get; } = clusterId;

    public ClusterRegistration? Registration { get; private set; }

    /// <summary>The instant of the first fact folded; where cadence counts from when the cluster was never registered.</summary>
    public DateTimeOffset? FirstFactAt { get; private set; }

    public MaintenancePolicy Policy => policies.Count == 0 ? MaintenancePolicy.Default : policies[^1].Policy;

    public IReadOnlyList<PolicyRecord> Policies => policies;

    public IReadOnlyList<MaintenanceWindowRecord> Windows => windowOrder;

    public IReadOnlyList<EmergencyPatch> EmergencyPatches => emergencies;

    public IReadOnlyList<DrainRiskEpisode> DrainRisks => drainRisks;

    /// <summary>The first observation folded (a watcher saw the cluster), registered or not; null before any.</summary>
    public WindowMark? FirstObservation { get; private set; }

    /// <summary>Every exception requested on the cluster, in the order requested.</summary>
    public IReadOnlyList<ExceptionRecord> Exceptions => exceptionOrder;

    public MaintenanceWindowRecord? Window(string windowId) => windows.GetValueOrDefault(windowId);

    /// <summary>The policy in force at an instant (the default before any was set).</summary>
    public MaintenancePolicy PolicyAt(DateTimeOffset at) => policies.LastOrDefault(p => p.At <= at)?.Policy ?? MaintenancePolicy.Default;

    public void Apply(RecordedFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var evidence = new EvidenceRef(StreamName(fact.Stream), fact.Revision, fact.Position);
        var at = fact.Event switch
        {
            ObservationEvent o => o.ObservedAt,
            MaintenanceEvent m => MaintenanceAt(m),
            ClusterRegistered r => r.At,
            MaintenancePolicySet p => p.At,
            ExceptionEvent => (DateTimeOffset?)null,
            _ => fact.RecordedAt,
        };
        // An exception is a decision about the cluster, not a fact of it: cadence does not count from one.
        if (at is { } t && (FirstFactAt is null || t < FirstFactAt)) FirstFactAt = t;
        switch (fact.Event)
        {
            case ClusterRegistered e:
                Registration ??= new ClusterRegistration(e.DisplayName, e.Environment, e.OwnerTeam, e.Flavour, e.StagingClusterId, e.At, evidence);
                break;
            case MaintenancePolicySet e:
                policies.Add(new PolicyRecord(e.Policy, e.At, evidence));
                break;
            case MaintenanceEvent e:
                ApplyMaintenance(e, evidence);
                break;
            case ObservationEvent e:
                FirstObservation ??= new WindowMark(e.ObservedAt, evidence);
                ApplyObservation(e, evidence);
                break;
            case ExceptionEvent e:
                ApplyException(e, evidence);
                break;
        }
    }

    private void ApplyException(ExceptionEvent e, EvidenceRef evidence)
    {
        switch (e)
        {
            case ExceptionRequested x when !exceptions.ContainsKey(x.ExceptionId):
                var record = new ExceptionRecord(x, evidence);
                exceptions.Add(x.ExceptionId, record);
                exceptionOrder.Add(record);
                break;
            case ExceptionApproved x when exceptions.TryGetValue(x.ExceptionId, out var approved):
                approved.Approve(x, evidence);
                break;
            case ExceptionRejected x when exceptions.TryGetValue(x.ExceptionId, out var rejected):
                rejected.Reject(x, evidence);
                break;
        }
    }

    /// <summary>
    /// The one copy of a stream's name that this history's evidence points to (a cluster has three streams): each
    /// event read from the ledger brings its own copy, and the fold keeps evidence for as long as the process runs.
    /// </summary>
    private string StreamName(string stream)
    {
        foreach (var known in streams)
        {
            if (string.Equals(known, stream, StringComparison.Ordinal)) return known;
        }

        if (streams.Count < 8) streams.Add(stream);
        return stream;
    }

    private static DateTimeOffset MaintenanceAt(MaintenanceEvent e) => e switch
    {
        MaintenanceWindowScheduled x => x.At,
        MaintenanceAnnounced x => x.At,
        MaintenanceStarted x => x.At,
        ComponentUpgraded x => x.At,
        NodeDrained x => x.At,
        MaintenanceCompleted x => x.At,
        MaintenanceAborted x => x.At,
        RetrospectiveRecorded x => x.At,
        EmergencyPatchRecorded x => x.At,
        _ => DateTimeOffset.MinValue,
    };

    private void ApplyMaintenance(MaintenanceEvent e, EvidenceRef evidence)
    {
        switch (e)
        {
            case MaintenanceWindowScheduled x: WindowFor(x.WindowId).Schedule(x, evidence); break;
            case MaintenanceAnnounced x: WindowFor(x.WindowId).Announce(x, evidence); break;
            case MaintenanceStarted x: WindowFor(x.WindowId).Start(x.At, evidence); break;
            case ComponentUpgraded x: WindowFor(x.WindowId).Upgrade(x, evidence); break;
            case NodeDrained x: WindowFor(x.WindowId).Drain(x, evidence); break;
            case MaintenanceCompleted x: WindowFor(x.WindowId).Complete(x, evidence); break;
            case MaintenanceAborted x: WindowFor(x.WindowId).Abort(x, evidence); break;
            case RetrospectiveRecorded x: WindowFor(x.WindowId).Retrospective(x.At, evidence); break;
            case EmergencyPatchRecorded x:
                emergencies.Add(new EmergencyPatch(x.EmergencyId, x.CveIds, x.Products, x.StartedAt, x.EndedAt, x.At, evidence));
                break;
        }
    }

    private MaintenanceWindowRecord WindowFor(string windowId)
    {
        if (windows.TryGetValue(windowId, out var window)) return window;
        window = new MaintenanceWindowRecord(windowId);
        windows.Add(windowId, window);
        windowOrder.Add(window);
        return window;
    }

    private void ApplyObservation(ObservationEvent e, EvidenceRef evidence)
    {
        switch (e)
        {
            case ControlPlaneVersionObserved x:
                var flavour = Registration?.Flavour ?? VersionParser.DetectFlavour(x.GitVersion);
                Observe(ControlPlaneId, ComponentKind.ControlPlane, "", x.GitVersion, flavour, x.ObservedAt, evidence);
                break;
            case NodeObserved x:
                ObserveNode(x, evidence);
                break;
            case NodeRemoved x:
                RemoveNode(x.Node, x.ObservedAt);
                break;
            case AddOnVersionObserved x:
                ObserveAddOn(x, evidence);
                break;
            case AddOnRemoved x:
                Close(AddOnId(x.Namespace, x.Workload, x.Container), x.ObservedAt);
                break;
            case DrainRiskFound x:
                FindDrainRisk(x, evidence);
                break;
            case DrainRiskResolved x:
                if (openDrainRisk.Remove(x.RiskId, out var index))
                    drainRisks[index] = drainRisks[index] with { ResolvedAt = x.ObservedAt, ResolvedEvidence = evidence };
                break;
        }
    }

    private void FindDrainRisk(DrainRiskFound x, EvidenceRef evidence)
    {
        if (openDrainRisk.TryGetValue(x.RiskId, out var index))
        {
            // Seen again while open: keep when it was found, take the latest detail.
            drainRisks[index] = drainRisks[index] with { Detail = x.Detail, Subject = x.Subject, GracePeriodSeconds = x.GracePeriodSeconds };
            return;
        }
        openDrainRisk[x.RiskId] = drainRisks.Count;
        drainRisks.Add(new DrainRiskEpisode(x.RiskId, x.Kind, x.Subject, x.Detail, x.GracePeriodSeconds, x.ObservedAt, evidence));
    }
}
