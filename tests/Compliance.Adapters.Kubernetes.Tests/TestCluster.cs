using Compliance.Testing.Kubernetes;
using static Compliance.Testing.Kubernetes.KubeObjects;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>
/// A small cluster with one of each drain-readiness risk the tests look for: cert-manager runs one replica, the checkout
/// PodDisruptionBudget allows no disruption (minAvailable 3 of 3), kafka waits 600 s to stop. coredns and checkout spread
/// their replicas, cilium runs on every node (one add-on, not one per pod).
/// </summary>
internal static class TestCluster
{
    public const string CertManagerImage = "quay.io/jetstack/cert-manager-controller:v1.14.4";
    public const string CiliumImage = "quay.io/cilium/cilium:v1.15.3";
    public const string CoreDnsImage = "registry.k8s.io/coredns/coredns:v1.11.1";

    public static readonly string[] Nodes = ["node-a", "node-b", "node-c"];

    public static void Seed(LocalKubernetesApi api)
    {
        foreach (var node in Nodes) api.Put(Node(node));
        Deployment(api, "kube-system", "coredns", 2, CoreDnsImage, "coredns", antiAffinity: true);
        Deployment(api, "cert-manager", "cert-manager", 1, CertManagerImage, "cert-manager-controller");
        api.Put(DaemonSet("kube-system", "cilium", new Dictionary<string, string> { ["k8s-app"] = "cilium" }));
        foreach (var (node, i) in Nodes.Select((n, i) => (n, i)))
            api.Put(Pod("kube-system", $"cilium-{i}", node, [new Container("cilium-agent", CiliumImage)], "DaemonSet", "cilium",
                new Dictionary<string, string> { ["k8s-app"] = "cilium" }));
        Deployment(api, "shop", "checkout", 3, "example.com/shop/checkout:2.4.1", "checkout", spread: true);
        api.Put(PodDisruptionBudget("shop", "checkout", Labels("checkout"), minAvailable: "3", disruptionsAllowed: 0, currentHealthy: 3, expectedPods: 3));
        StatefulSet(api, "data", "kafka", 3, "example.com/kafka:3.7.0", grace: 600);
    }

    public static Dictionary<string, string> Labels(string app) => new() { ["app"] = app };

    public static void Deployment(LocalKubernetesApi api, string ns, string name, int replicas, string image, string container,
        bool spread = false, bool antiAffinity = false, int? grace = null)
    {
        api.Put(KubeObjects.Deployment(ns, name, replicas, Labels(name), grace, spread, antiAffinity));
        const string hash = "5d8f7c9b4";
        for (var i = 0; i < replicas; i++)
        {
            var labels = new Dictionary<string, string>(Labels(name)) { ["pod-template-hash"] = hash };
            api.Put(Pod(ns, $"{name}-{hash}-{i}", Nodes[i % Nodes.Length], [new Container(container, image)], "ReplicaSet", $"{name}-{hash}", labels, grace));
        }
    }

    public static void StatefulSet(LocalKubernetesApi api, string ns, string name, int replicas, string image, int? grace = null)
    {
        api.Put(KubeObjects.StatefulSet(ns, name, replicas, Labels(name), grace, antiAffinity: true));
        for (var i = 0; i < replicas; i++)
            api.Put(Pod(ns, $"{name}-{i}", Nodes[i % Nodes.Length], [new Container(name, image)], "StatefulSet", name, Labels(name), grace));
    }
}
