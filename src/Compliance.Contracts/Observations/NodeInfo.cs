namespace Compliance.Contracts.Observations;

/// <summary>Every field of a node's <c>status.nodeInfo</c>, as the Kubernetes API spells them (empty string when absent).</summary>
public sealed record NodeInfo(
    string KubeletVersion,
    string KubeProxyVersion,
    string OsImage,
    string KernelVersion,
    string ContainerRuntimeVersion,
    string Architecture,
    string OperatingSystem,
    string MachineId,
    string SystemUuid,
    string BootId);
