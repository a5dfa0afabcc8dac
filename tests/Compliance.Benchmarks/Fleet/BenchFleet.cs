using System.Globalization;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Benchmarks.Fleet;

/// <summary>
/// A synthetic ledger shaped like a large fleet's: mostly node status observations (cordons, kured reboot
/// annotations) with a patch upgrade of every node now and then, add-on images, drain risks found and resolved, and
/// the Kubernetes patches being released. Deterministic for a given size.
/// </summary>
internal static class BenchFleet
{
    public const int Clusters = 200;
    public const int NodesPerCluster = 20;

    private static readonly DateTimeOffset Start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Patches = ["1.32.1", "1.32.2", "1.32.3", "1.32.4", "1.32.5", "1.32.6", "1.32.7", "1.32.8", "1.32.9", "1.32.10"];

    /// <summary>Events in ledger order, each with its stream; <paramref name="total"/> events in all.</summary>
    public static IEnumerable<(string Stream, DomainEvent Event)> Generate(int total)
    {
        var emitted = 0;
        for (var c = 0; c < Clusters && emitted < total; c++, emitted += 2)
        {
            var id = Cluster(c);
            yield return ($"cluster-{id}", new ClusterRegistered(id, $"Cluster {c}", c % 2 == 0 ? Environment.Staging : Environment.Production, "platform",
                Flavour.Upstream, c % 2 == 1 ? Cluster(c - 1) : null, Start));
            yield return ($"cluster-{id}", new MaintenancePolicySet(id, MaintenancePolicy.Default, Start));
        }

        // The ten patches are released evenly over the run; each cluster rolls a new patch out a while after its release.
        var phaseLength = Math.Max(total / Patches.Length, 2 * Clusters);
        for (var tick = 0; emitted < total; tick++)
        {
            var at = Start.AddMinutes(tick);
            var phase = Math.Min(tick / phaseLength, Patches.Length - 1);
            var patch = Patches[phase];
            if (tick % phaseLength == 0 && tick / phaseLength < Patches.Length)
            {
                emitted++;
                yield return ("catalog-kubernetes", new PatchReleased("kubernetes", "1.32", patch, at, at));
            }

            var c = tick % Clusters;
            var id = Cluster(c);
            var node = string.Create(CultureInfo.InvariantCulture, $"{id}-node-{tick / Clusters % NodesPerCluster}");
            var upgraded = phase == 0 || tick % phaseLength > phaseLength / 5 + c;
            var version = upgraded ? patch : Patches[phase - 1];
            emitted++;
            yield return ($"observations-{id}", (tick % 97) switch
            {
                0 => new ControlPlaneVersionObserved(id, $"v{version}", "linux/amd64", at),
                1 => new AddOnVersionObserved(id, "cert-manager", "cert-manager", "controller", $"quay.io/jetstack/cert-manager-controller:v1.19.{tick / 20_000 % 4}", "cert-manager", at),
                2 => new DrainRiskFound(id, $"single-replica/payments/api-{tick % 5}", DrainRiskKind.SingleReplica, $"payments/api-{tick % 5}", "1 replica", null, at),
                3 => new DrainRiskResolved(id, $"single-replica/payments/api-{(tick + 1) % 5}", at),
                _ => Node(id, node, version, tick, at),
            });
        }
    }

    private static NodeObserved Node(string cluster, string node, string version, int tick, DateTimeOffset at) => new(
        cluster, node,
        new NodeInfo($"v{version}", $"v{version}", "Ubuntu 22.04.5 LTS", "5.15.0-1057-aws", "containerd://1.7.20", "amd64", "linux",
            "ec2a1b2c3d4e5f60718293a4b5c6d7e8", "ec2a1b2c-3d4e-5f60-7182-93a4b5c6d7e8", "5f0c8f8e-3b1a-4c1e-9d2f-1a2b3c4d5e6f"),
        new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "eu-west-1a", ["node.kubernetes.io/instance-type"] = "m6i.xlarge" },
        new Dictionary<string, string> { ["cpu"] = "3920m", ["memory"] = "15155304Ki", ["pods"] = "58" },
        tick % 7 == 0,
        new Dictionary<string, string> { ["weave.works/kured-node-lock"] = tick % 3 == 0 ? "rebooting" : "" },
        at);

    private static string Cluster(int c) => string.Create(CultureInfo.InvariantCulture, $"bench-{c:000}");
}
