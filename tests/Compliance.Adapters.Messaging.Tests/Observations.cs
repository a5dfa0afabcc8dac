using Compliance.Contracts.Observations;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>Observation contracts as a watcher would publish them.</summary>
internal static class Observations
{
    public const string Source = "test-watcher";

    public static ControlPlaneVersionObserved ControlPlane(string clusterId, string gitVersion, DateTimeOffset at) =>
        new(clusterId, gitVersion, "linux/amd64", at, Source);

    public static NodeObserved Node(string clusterId, string node, string kubelet, DateTimeOffset at) =>
        new(clusterId, node,
            new NodeInfo(kubelet, kubelet, "Ubuntu 22.04.4 LTS", "5.15.0-1057-azure", "containerd://1.7.15", "amd64", "linux",
                "machine-" + node, "uuid-" + node, "boot-" + node),
            new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "zone-a" },
            new Dictionary<string, string> { ["cpu"] = "3920m", ["memory"] = "15Gi" },
            false,
            new Dictionary<string, string>(),
            at, Source);
}
