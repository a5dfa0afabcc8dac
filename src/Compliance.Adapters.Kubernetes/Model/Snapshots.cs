using Compliance.Domain.Deciders;
using Compliance.Contracts.Observations;

namespace Compliance.Adapters.Kubernetes.Model;

/// <summary>What the watcher keeps of a node: exactly what a NodeObserved carries, plus the sizes drain readiness compares.</summary>
internal sealed record NodeSnapshot(
    string Name,
    string ResourceVersion,
    NodeInfo Info,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Allocatable,
    bool Unschedulable,
    IReadOnlyDictionary<string, string> Annotations,
    decimal? Cpu,
    decimal? Memory);

/// <summary>A pod reduced to where it runs, which workload owns it and its containers' images; a finished pod (Succeeded, Failed) runs nothing.</summary>
internal sealed record PodSnapshot(
    string Namespace,
    string Name,
    string ResourceVersion,
    string NodeName,
    string? WorkloadKind,
    string Workload,
    IReadOnlyList<(string Name, string Image)> Containers,
    bool Finished = false);

/// <summary>A Deployment or StatefulSet reduced to what drain readiness reads.</summary>
internal sealed record WorkloadSnapshot(
    string Kind,
    string Namespace,
    string Name,
    int Replicas,
    IReadOnlyDictionary<string, string> Selector,
    bool HasSpreadOrAntiAffinity,
    long? GracePeriodSeconds);

/// <summary>A PodDisruptionBudget: its bounds (as written: "1", "50%") and the disruption controller's status.</summary>
internal sealed record PdbSnapshot(
    string Namespace,
    string Name,
    string? MinAvailable,
    string? MaxUnavailable,
    int DisruptionsAllowed,
    int CurrentHealthy,
    int ExpectedPods);

/// <summary>A Cluster API object's version and phase (Cluster, MachineDeployment, KubeadmControlPlane).</summary>
internal sealed record ClusterApiSnapshot(string Kind, string Namespace, string Name, string Version, string Phase);

/// <summary>
/// What changed since the last <see cref="ClusterModel.TakeChanges"/>: the nodes and add-ons to publish again, and
/// whether drain readiness needs evaluating. <see cref="Complete"/>: every stream had been listed when these were taken,
/// so once they are published, what was published is the whole cluster.
/// </summary>
internal sealed record ModelChanges(
    IReadOnlyDictionary<string, NodeSnapshot?> Nodes,
    IReadOnlyDictionary<AddOnKey, (string Image, long SourceVersion)?> AddOns,
    DrainInputs? Drain,
    long Watermark,
    bool Complete);

/// <summary>Everything drain readiness reads, copied out of the model so rules run without holding its lock.</summary>
internal sealed record DrainInputs(
    IReadOnlyList<NodeSnapshot> Nodes,
    IReadOnlyList<WorkloadSnapshot> Workloads,
    IReadOnlyList<PodSnapshot> Pods,
    IReadOnlyList<PdbSnapshot> Pdbs);
