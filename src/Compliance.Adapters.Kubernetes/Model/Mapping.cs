using System.Text.Json;
using Compliance.Contracts.Observations;
using k8s.Models;

namespace Compliance.Adapters.Kubernetes.Model;

/// <summary>An object the API served that lacks what the watcher needs; it is logged and skipped.</summary>
internal sealed class MalformedObjectException(string message) : Exception(message);

/// <summary>Turns the API's typed objects into the watcher's snapshots, naming what is missing when an object is malformed.</summary>
internal static class Mapping
{
    /// <summary>Annotations a NodeObserved carries: kured's reboot state and Cluster API's machine links (others churn and say nothing about maintenance).</summary>
    public static bool IsMaintenanceAnnotation(string key) =>
        key.Contains("kured", StringComparison.Ordinal) || key.StartsWith("cluster.x-k8s.io/", StringComparison.Ordinal);

    public static NodeSnapshot Node(V1Node node)
    {
        var name = node.Metadata?.Name ?? throw new MalformedObjectException("node without metadata.name");
        var info = node.Status?.NodeInfo ?? throw new MalformedObjectException($"node {name} has no status.nodeInfo");
        if (string.IsNullOrWhiteSpace(info.KubeletVersion)) throw new MalformedObjectException($"node {name} has no nodeInfo.kubeletVersion");
        var allocatable = (node.Status.Allocatable ?? new Dictionary<string, ResourceQuantity>())
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value?.ToString() ?? "", StringComparer.Ordinal);
        return new NodeSnapshot(
            name,
            node.Metadata.ResourceVersion ?? "",
            new NodeInfo(info.KubeletVersion, info.KubeProxyVersion ?? "", info.OsImage ?? "", info.KernelVersion ?? "",
                info.ContainerRuntimeVersion ?? "", info.Architecture ?? "", info.OperatingSystem ?? "", info.MachineID ?? "",
                info.SystemUUID ?? "", info.BootID ?? ""),
            Copy(node.Metadata.Labels),
            allocatable,
            node.Spec?.Unschedulable ?? false,
            Copy(node.Metadata.Annotations, IsMaintenanceAnnotation),
            Size(node.Status.Allocatable, "cpu"),
            Size(node.Status.Allocatable, "memory"));
    }

    public static PodSnapshot Pod(V1Pod pod)
    {
        var name = pod.Metadata?.Name ?? throw new MalformedObjectException("pod without metadata.name");
        var ns = pod.Metadata.NamespaceProperty ?? throw new MalformedObjectException($"pod {name} has no namespace");
        var owner = pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true) ?? pod.Metadata.OwnerReferences?.FirstOrDefault();
        var (kind, workload) = owner switch
        {
            null => ((string?)null, name),
            { Kind: "ReplicaSet" } => DeploymentOf(owner.Name, pod.Metadata.Labels),
            _ => (owner.Kind, owner.Name),
        };
        var containers = (pod.Spec?.Containers ?? throw new MalformedObjectException($"pod {ns}/{name} has no spec.containers"))
            .Select(c => (c.Name ?? "", c.Image ?? ""))
            .ToList();
        return new PodSnapshot(ns, name, pod.Metadata.ResourceVersion ?? "", pod.Spec.NodeName ?? "", kind, workload, containers,
            pod.Status?.Phase is "Succeeded" or "Failed");
    }

    public static WorkloadSnapshot Workload(string kind, V1ObjectMeta? metadata, int? replicas, V1LabelSelector? selector, V1PodTemplateSpec? template)
    {
        var name = metadata?.Name ?? throw new MalformedObjectException($"{kind} without metadata.name");
        var spec = template?.Spec ?? throw new MalformedObjectException($"{kind} {metadata.NamespaceProperty}/{name} has no pod template");
        var spread = spec.TopologySpreadConstraints is { Count: > 0 }
            || spec.Affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution is { Count: > 0 }
            || spec.Affinity?.PodAntiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution is { Count: > 0 };
        return new WorkloadSnapshot(kind, metadata.NamespaceProperty ?? "default", name, replicas ?? 1,
            Copy(selector?.MatchLabels), spread, spec.TerminationGracePeriodSeconds);
    }

    public static PdbSnapshot Pdb(V1PodDisruptionBudget pdb)
    {
        var name = pdb.Metadata?.Name ?? throw new MalformedObjectException("PodDisruptionBudget without metadata.name");
        return new PdbSnapshot(pdb.Metadata.NamespaceProperty ?? "default", name, pdb.Spec?.MinAvailable?.Value, pdb.Spec?.MaxUnavailable?.Value,
            pdb.Status?.DisruptionsAllowed ?? 0, pdb.Status?.CurrentHealthy ?? 0, pdb.Status?.ExpectedPods ?? 0);
    }

    /// <summary>A Cluster API object served as untyped JSON; the version is where each kind keeps it.</summary>
    public static ClusterApiSnapshot ClusterApi(string kind, JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty("metadata", out var metadata) || Text(metadata, "name") is not { } name)
            throw new MalformedObjectException($"{kind} without metadata.name");
        var version = kind switch
        {
            "Cluster" => Text(obj, "spec", "topology", "version"),
            "MachineDeployment" => Text(obj, "spec", "template", "spec", "version"),
            _ => Text(obj, "status", "version") ?? Text(obj, "spec", "version"),
        };
        var phase = Text(obj, "status", "phase")
            ?? (obj.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("ready", out var r)
                && r.ValueKind is JsonValueKind.True or JsonValueKind.False ? (r.GetBoolean() ? "Ready" : "NotReady") : null);
        return new ClusterApiSnapshot(kind, Text(metadata, "namespace") ?? "default", name, version ?? "", phase ?? "");
    }

    public static string ResourceVersionOf(JsonElement obj) => Text(obj, "metadata", "resourceVersion") ?? "";

    private static (string Kind, string Name) DeploymentOf(string replicaSet, IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue("pod-template-hash", out var hash) && replicaSet.EndsWith("-" + hash, StringComparison.Ordinal)
            ? ("Deployment", replicaSet[..^(hash.Length + 1)])
            : ("ReplicaSet", replicaSet);

    private static decimal? Size(IDictionary<string, ResourceQuantity>? quantities, string resource)
    {
        if (quantities is null || !quantities.TryGetValue(resource, out var q) || q is null) return null;
        try
        {
            return q.ToDecimal();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A copy in key order, so that the same entries always make the same message.</summary>
    private static Dictionary<string, string> Copy(IDictionary<string, string>? entries, Func<string, bool>? keep = null) =>
        entries is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : entries.Where(e => keep?.Invoke(e.Key) ?? true).OrderBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(e => e.Key, e => e.Value ?? "", StringComparer.Ordinal);

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var step in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element)) return null;
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
