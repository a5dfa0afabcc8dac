using System.Text.Json.Nodes;

namespace Compliance.Testing.Kubernetes;

/// <summary>Objects in the JSON shapes the Kubernetes API serves them (only the fields the watcher reads, spelled as the API spells them).</summary>
internal static class KubeObjects
{
    public sealed record Container(string Name, string Image);

    public static JsonObject Node(
        string name,
        string kubeletVersion = "v1.29.3",
        string osImage = "Ubuntu 22.04.4 LTS",
        string kernelVersion = "5.15.0-1057-azure",
        string containerRuntimeVersion = "containerd://1.7.15",
        string cpu = "4",
        string memory = "16Gi",
        bool unschedulable = false,
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyDictionary<string, string>? annotations = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = Metadata(name, null, labels ?? new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = name,
            ["node.kubernetes.io/instance-type"] = "Standard_D4s_v5",
            ["topology.kubernetes.io/zone"] = "westeurope-1",
            ["agentpool"] = "system",
        }, annotations),
        ["spec"] = unschedulable ? new JsonObject { ["unschedulable"] = true } : new JsonObject(),
        ["status"] = new JsonObject
        {
            ["capacity"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "110" },
            ["allocatable"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "110" },
            ["nodeInfo"] = new JsonObject
            {
                ["machineID"] = "m-" + name,
                ["systemUUID"] = "u-" + name,
                ["bootID"] = "b-" + name,
                ["kernelVersion"] = kernelVersion,
                ["osImage"] = osImage,
                ["containerRuntimeVersion"] = containerRuntimeVersion,
                ["kubeletVersion"] = kubeletVersion,
                ["kubeProxyVersion"] = kubeletVersion,
                ["operatingSystem"] = "linux",
                ["architecture"] = "amd64",
            },
        },
    };

    /// <summary>A running pod on <paramref name="nodeName"/>; <paramref name="ownerKind"/> ReplicaSet names the owner as a Deployment's
    /// ReplicaSet does (<c>{deployment}-{pod-template-hash}</c>).</summary>
    public static JsonObject Pod(
        string ns,
        string name,
        string nodeName,
        IReadOnlyList<Container> containers,
        string? ownerKind = null,
        string? ownerName = null,
        IReadOnlyDictionary<string, string>? labels = null,
        int? terminationGracePeriodSeconds = null,
        string phase = "Running")
    {
        var metadata = Metadata(name, ns, labels, null);
        if (ownerKind is not null)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = ownerKind == "ReplicaSet" || ownerKind == "StatefulSet" || ownerKind == "DaemonSet" ? "apps/v1" : "v1",
                ["kind"] = ownerKind, ["name"] = ownerName, ["uid"] = Guid.NewGuid().ToString(), ["controller"] = true,
            });
        }

        var spec = new JsonObject
        {
            ["nodeName"] = nodeName,
            ["containers"] = new JsonArray(containers.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["image"] = c.Image }).ToArray()),
        };
        if (terminationGracePeriodSeconds is { } grace) spec["terminationGracePeriodSeconds"] = grace;
        return new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = phase },
        };
    }

    public static JsonObject Deployment(string ns, string name, int replicas, IReadOnlyDictionary<string, string> matchLabels,
        int? terminationGracePeriodSeconds = null, bool spread = false, bool antiAffinity = false) =>
        Workload("Deployment", ns, name, replicas, matchLabels, terminationGracePeriodSeconds, spread, antiAffinity);

    public static JsonObject StatefulSet(string ns, string name, int replicas, IReadOnlyDictionary<string, string> matchLabels,
        int? terminationGracePeriodSeconds = null, bool spread = false, bool antiAffinity = false) =>
        Workload("StatefulSet", ns, name, replicas, matchLabels, terminationGracePeriodSeconds, spread, antiAffinity);

    public static JsonObject DaemonSet(string ns, string name, IReadOnlyDictionary<string, string> matchLabels) => new()
    {
        ["apiVersion"] = "apps/v1", ["kind"] = "DaemonSet", ["metadata"] = Metadata(name, ns, matchLabels, null),
        ["spec"] = new JsonObject { ["selector"] = Selector(matchLabels), ["template"] = Template(matchLabels, null, false, false) },
    };

    /// <summary>A PodDisruptionBudget with its status as the disruption controller computes it.</summary>
    public static JsonObject PodDisruptionBudget(string ns, string name, IReadOnlyDictionary<string, string> matchLabels,
        string? minAvailable = null, string? maxUnavailable = null, int disruptionsAllowed = 1, int currentHealthy = 2, int expectedPods = 2)
    {
        var spec = new JsonObject { ["selector"] = Selector(matchLabels) };
        if (minAvailable is not null) spec["minAvailable"] = int.TryParse(minAvailable, out var m) ? m : minAvailable;
        if (maxUnavailable is not null) spec["maxUnavailable"] = int.TryParse(maxUnavailable, out var u) ? u : maxUnavailable;
        return new JsonObject
        {
            ["apiVersion"] = "policy/v1", ["kind"] = "PodDisruptionBudget", ["metadata"] = Metadata(name, ns, null, null), ["spec"] = spec,
            ["status"] = new JsonObject
            {
                ["disruptionsAllowed"] = disruptionsAllowed, ["currentHealthy"] = currentHealthy,
                ["desiredHealthy"] = Math.Max(0, currentHealthy - disruptionsAllowed), ["expectedPods"] = expectedPods,
            },
        };
    }

    public static JsonObject ClusterApiCluster(string ns, string name, string phase, string? version = null) => new()
    {
        ["apiVersion"] = "cluster.x-k8s.io/v1beta1", ["kind"] = "Cluster", ["metadata"] = Metadata(name, ns, null, null),
        ["spec"] = version is null ? new JsonObject() : new JsonObject { ["topology"] = new JsonObject { ["version"] = version, ["class"] = "default" } },
        ["status"] = new JsonObject { ["phase"] = phase },
    };

    public static JsonObject MachineDeployment(string ns, string name, string version, string phase, int replicas) => new()
    {
        ["apiVersion"] = "cluster.x-k8s.io/v1beta1", ["kind"] = "MachineDeployment", ["metadata"] = Metadata(name, ns, null, null),
        ["spec"] = new JsonObject
        {
            ["clusterName"] = "capi", ["replicas"] = replicas,
            ["template"] = new JsonObject { ["spec"] = new JsonObject { ["version"] = version, ["clusterName"] = "capi" } },
        },
        ["status"] = new JsonObject { ["phase"] = phase, ["replicas"] = replicas, ["updatedReplicas"] = replicas },
    };

    public static JsonObject KubeadmControlPlane(string ns, string name, string version, int replicas, bool ready) => new()
    {
        ["apiVersion"] = "controlplane.cluster.x-k8s.io/v1beta1", ["kind"] = "KubeadmControlPlane", ["metadata"] = Metadata(name, ns, null, null),
        ["spec"] = new JsonObject { ["version"] = version, ["replicas"] = replicas },
        ["status"] = new JsonObject { ["version"] = version, ["ready"] = ready, ["replicas"] = replicas, ["updatedReplicas"] = replicas },
    };

    private static JsonObject Workload(string kind, string ns, string name, int replicas, IReadOnlyDictionary<string, string> matchLabels,
        int? grace, bool spread, bool antiAffinity) => new()
    {
        ["apiVersion"] = "apps/v1", ["kind"] = kind, ["metadata"] = Metadata(name, ns, matchLabels, null),
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas, ["selector"] = Selector(matchLabels), ["template"] = Template(matchLabels, grace, spread, antiAffinity),
        },
        ["status"] = new JsonObject { ["replicas"] = replicas, ["readyReplicas"] = replicas },
    };

    private static JsonObject Template(IReadOnlyDictionary<string, string> labels, int? grace, bool spread, bool antiAffinity)
    {
        var spec = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "example.com/app:1.0.0" }) };
        if (grace is { } g) spec["terminationGracePeriodSeconds"] = g;
        if (spread)
        {
            spec["topologySpreadConstraints"] = new JsonArray(new JsonObject
            {
                ["maxSkew"] = 1, ["topologyKey"] = "kubernetes.io/hostname", ["whenUnsatisfiable"] = "DoNotSchedule",
                ["labelSelector"] = Selector(labels),
            });
        }

        if (antiAffinity)
        {
            spec["affinity"] = new JsonObject
            {
                ["podAntiAffinity"] = new JsonObject
                {
                    ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonArray(new JsonObject
                    {
                        ["topologyKey"] = "kubernetes.io/hostname", ["labelSelector"] = Selector(labels),
                    }),
                },
            };
        }

        return new JsonObject { ["metadata"] = new JsonObject { ["labels"] = Map(labels) }, ["spec"] = spec };
    }

    private static JsonObject Selector(IReadOnlyDictionary<string, string> matchLabels) => new() { ["matchLabels"] = Map(matchLabels) };

    private static JsonObject Metadata(string name, string? ns, IReadOnlyDictionary<string, string>? labels, IReadOnlyDictionary<string, string>? annotations)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        if (labels is { Count: > 0 }) metadata["labels"] = Map(labels);
        if (annotations is { Count: > 0 }) metadata["annotations"] = Map(annotations);
        return metadata;
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value))));
}
