using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.Testing.Kubernetes;
using static Compliance.Testing.Kubernetes.KubeObjects;

namespace Compliance.Benchmarks.Watcher;

/// <summary>
/// The simulated cluster of <c>compliance-bench watcher</c>: nodes, a cilium agent on every node, a few add-ons, and
/// application Deployments of 10 spread replicas making up the rest of the pods; node changes (kubelet patch flips,
/// each stamped with the instant it was made in the label <see cref="StampLabel"/>).
/// </summary>
internal sealed class WatcherBenchCluster(LocalKubernetesApi api, int nodes, int pods, bool versions)
{
    public const string StampLabel = "bench.compliance/changed-at";

    private long changes;

    public static string NodeName(int i) => $"node-{i:D5}";

    public void Seed()
    {
        for (var i = 0; i < nodes; i++) api.Put(BenchNode(i, "v1.29.3", null));
        var placed = 0;
        for (var i = 0; i < nodes && placed < pods; i++, placed++)
            api.Put(Pod("kube-system", $"cilium-{i:D5}", NodeName(i), [new Container("cilium-agent", "quay.io/cilium/cilium:v1.15.3")], "DaemonSet", "cilium"));
        foreach (var (ns, name, image) in new[]
        {
            ("kube-system", "coredns", "registry.k8s.io/coredns/coredns:v1.11.1"),
            ("cert-manager", "cert-manager", "quay.io/jetstack/cert-manager-controller:v1.14.4"),
            ("ingress-nginx", "ingress-nginx-controller", "registry.k8s.io/ingress-nginx/controller:v1.10.0"),
        })
        {
            api.Put(Deployment(ns, name, 2, Labels(name), antiAffinity: true));
            for (var r = 0; r < 2 && placed < pods; r++, placed++) api.Put(ReplicaPod(ns, name, r, placed % nodes, image));
        }

        for (var app = 0; placed < pods; app++)
        {
            var name = $"app-{app:D4}";
            api.Put(Deployment("apps", name, 10, Labels(name), spread: true));
            for (var r = 0; r < 10 && placed < pods; r++, placed++) api.Put(ReplicaPod("apps", name, r, (app * 10 + r) % nodes, "example.com/apps/" + name + ":1.0.0"));
        }
    }

    /// <summary>
    /// Changes one node (round robin), stamped with now: its kubelet flips between two patches of 1.29 (every change a
    /// new version for the projections), or kured's reboot-needed annotation toggles (a change the watcher publishes
    /// without a version change).
    /// </summary>
    public void ChangeNode()
    {
        var n = Interlocked.Increment(ref changes);
        var i = (int)(n % nodes);
        var flip = (n / nodes) % 2 == 0;
        api.Put(BenchNode(i, versions && flip ? "v1.29.4" : "v1.29.3", DateTimeOffset.UtcNow.UtcTicks, !versions && flip));
    }

    private static JsonObject BenchNode(int i, string kubelet, long? stamp, bool rebootNeeded = false)
    {
        var labels = new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = NodeName(i),
            ["node.kubernetes.io/instance-type"] = "m6i.xlarge",
            ["topology.kubernetes.io/zone"] = $"eu-west-1{"abc"[i % 3]}",
            ["eks.amazonaws.com/nodegroup"] = $"pool-{i % 10}",
        };
        if (stamp is { } s) labels[StampLabel] = s.ToString(CultureInfo.InvariantCulture);
        return Node(NodeName(i), kubeletVersion: kubelet, osImage: "Amazon Linux 2", kernelVersion: "5.10.214-202.855.amzn2.x86_64",
            containerRuntimeVersion: "containerd://1.7.11", labels: labels,
            annotations: rebootNeeded ? new Dictionary<string, string> { ["weave.works/kured-reboot-needed"] = "true" } : null);
    }

    private static JsonObject ReplicaPod(string ns, string name, int replica, int node, string image) =>
        Pod(ns, $"{name}-7f9c8d6b5-{replica:D2}", NodeName(node), [new Container(name, image)], "ReplicaSet", $"{name}-7f9c8d6b5",
            new Dictionary<string, string> { ["app"] = name, ["pod-template-hash"] = "7f9c8d6b5" });

    private static Dictionary<string, string> Labels(string app) => new() { ["app"] = app };
}
