using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Testing;

/// <summary>One instance of every domain event, with every kind of value the serializer must carry (nulls, dates, spans, maps).</summary>
public static class SampleEvents
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 891, TimeSpan.Zero).AddTicks(2345);

    public static IReadOnlyList<DomainEvent> All { get; } =
    [
        new ClusterRegistered("c1", "Cluster one", Environment.Production, "platform", Flavour.Eks, "c1-staging", At),
        new MaintenancePolicySet("c1", MaintenancePolicy.Default with { ExtendedSupport = true }, At),
        new ReleaseCycleRecorded("kubernetes", "1.31", new DateOnly(2024, 8, 13), null, new DateOnly(2025, 10, 28), null, false,
            "endoflife.date", At),
        new PatchReleased("kubernetes", "1.31", "1.31.4", At.AddDays(-2), At),
        new VulnerabilityPublished("kubernetes", "CVE-2025-0001", Severity.Critical, "Escape", "https://example.test/cve",
            ["1.31.5", "1.30.9"], At.AddDays(-1), At),
        new MaintenanceWindowScheduled("c1", "w1", At.AddDays(30), At.AddDays(30).AddHours(4), "roll back the node group",
            [new PlannedChange(ComponentKind.ControlPlane, "kubernetes", "1.31.5", ChangeKind.Patch)], At),
        new MaintenanceAnnounced("c1", "w1", "tenants", [ChangeKind.Patch, ChangeKind.Minor], At),
        new MaintenanceStarted("c1", "w1", At),
        new ComponentUpgraded("c1", "w1", new ComponentRef(ComponentKind.Kubelet, "kubernetes", "node-a"), "1.31.4", "1.31.5",
            ChangeKind.Patch, At),
        new NodeDrained("c1", "w1", "node-a", TimeSpan.FromSeconds(93.5), [DrainProblem.PdbBlocked], At),
        new MaintenanceCompleted("c1", "w1", WindowOutcome.PartiallySucceeded, null, At),
        new MaintenanceAborted("c1", "w2", true, "etcd quorum lost", At),
        new RetrospectiveRecorded("c1", "w1", ["drain was slow"], ["raise PDB budget"], At),
        new EmergencyPatchRecorded("c1", "e1", ["CVE-2025-0001"], ["kubernetes"], At.AddHours(-3), At.AddHours(-1), At),
        new ExceptionRequested("c1", "x1", new AcceptedFinding(Domain.Verdicts.FindingKind.PdbAllowsNoDisruption, "billing/db", At.AddDays(-9)), null,
            "storage migration first", new DateOnly(2025, 6, 1), "ops:erin", At),
        new ExceptionApproved("c1", "x1", "admin:grace", At),
        new ExceptionRejected("c1", "x1", "admin:heidi", "upgrade instead", At),
        new ControlPlaneVersionObserved("c1", "v1.31.4-eks-abc", "linux/amd64", At),
        new NodeObserved("c1", "node-a",
            new NodeInfo("v1.31.4", "v1.31.4", "Bottlerocket", "6.1.0", "containerd://1.7.2", "amd64", "linux", "m", "s", "b"),
            new Dictionary<string, string> { ["Topology.Kubernetes.io/Zone"] = "eu-west-1a", ["role"] = "worker" },
            new Dictionary<string, string> { ["cpu"] = "3920m", ["memory"] = "15Gi" },
            false,
            new Dictionary<string, string>(),
            At),
        new NodeRemoved("c1", "node-b", At),
        new AddOnVersionObserved("c1", "kube-system", "coredns", "coredns", "registry.k8s.io/coredns/coredns:v1.11.1", "coredns", At),
        new AddOnRemoved("c1", "kube-system", "old", "old", At),
        new DrainRiskFound("c1", "r1", DrainRiskKind.LongGracePeriod, "default/web", "grace period 600 s", 600, At),
        new DrainRiskResolved("c1", "r1", At),
        new ReportIssued("cluster:c1", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), At, new string('e', 64), "c1-2025-q1.pdf", At),
        new LedgerCheckpointed(42, new string('f', 64), At, "Ed25519", "sha256:" + new string('0', 64), Convert.ToBase64String(new byte[64])),
    ];
}
