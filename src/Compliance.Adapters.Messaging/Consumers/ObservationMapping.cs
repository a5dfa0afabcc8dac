using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using C = Compliance.Contracts.Observations;

namespace Compliance.Adapters.Messaging.Consumers;

/// <summary>
/// Contract → domain event for cluster observations. Messages may come from other languages, so missing collections read
/// as empty and missing names as empty strings (the decider then rejects them with a reason); an unknown drain-risk
/// kind cannot be recorded at all. A listing's missing list stays missing (the decider rejects it): read as empty, it
/// would remove everything.
/// </summary>
public static class ObservationMapping
{
    public static ControlPlaneVersionObserved ToDomain(C.ControlPlaneVersionObserved m) =>
        new(Text(m.ClusterId), Text(m.GitVersion), Text(m.Platform), m.ObservedAt);

    public static NodeObserved ToDomain(C.NodeObserved m) =>
        new(Text(m.ClusterId), Text(m.Node), ToDomain(m.NodeInfo), Map(m.Labels), Map(m.Allocatable), m.Unschedulable, Map(m.Annotations), m.ObservedAt);

    public static NodeRemoved ToDomain(C.NodeRemoved m) => new(Text(m.ClusterId), Text(m.Node), m.ObservedAt);

    public static AddOnVersionObserved ToDomain(C.AddOnVersionObserved m) =>
        new(Text(m.ClusterId), Text(m.Namespace), Text(m.Workload), Text(m.Container), Text(m.Image), Text(m.Product), m.ObservedAt);

    public static AddOnRemoved ToDomain(C.AddOnRemoved m) =>
        new(Text(m.ClusterId), Text(m.Namespace), Text(m.Workload), Text(m.Container), m.ObservedAt);

    public static DrainRiskFound ToDomain(C.DrainRiskFound m) =>
        new(Text(m.ClusterId), Text(m.RiskId), Kind(m.Kind), Text(m.Subject), Text(m.Detail), m.GracePeriodSeconds, m.ObservedAt);

    public static DrainRiskResolved ToDomain(C.DrainRiskResolved m) => new(Text(m.ClusterId), Text(m.RiskId), m.ObservedAt);

    public static ClusterInventory ToDomain(C.ClusterInventoryListed m) =>
        new(Text(m.ClusterId), Names(m.Nodes)!, Names(m.AddOnNamespaces)!,
            m.AddOns?.Select(a => new AddOnKey(Text(a?.Namespace), Text(a?.Workload), Text(a?.Container))).ToList()!, Names(m.OpenDrainRisks)!, m.ObservedAt);

    /// <summary>Null when the message has no nodeInfo (the decider rejects it by name).</summary>
    private static NodeInfo ToDomain(C.NodeInfo? i) => i is null
        ? null!
        : new NodeInfo(Text(i.KubeletVersion), Text(i.KubeProxyVersion), Text(i.OsImage), Text(i.KernelVersion),
            Text(i.ContainerRuntimeVersion), Text(i.Architecture), Text(i.OperatingSystem), Text(i.MachineId), Text(i.SystemUuid), Text(i.BootId));

    private static DrainRiskKind Kind(string? kind) =>
        Enum.TryParse<DrainRiskKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)
            ? parsed
            : throw new RejectedMessageException(
                $"drain risk kind '{kind}' is not one of {string.Join(", ", Enum.GetNames<DrainRiskKind>())}");

    internal static string Text(string? value) => value ?? "";

    private static List<string>? Names(IReadOnlyList<string>? names) => names?.Select(Text).ToList();

    private static Dictionary<string, string> Map(IReadOnlyDictionary<string, string>? entries) =>
        entries is null ? new(StringComparer.Ordinal) : entries.ToDictionary(e => e.Key, e => e.Value ?? "", StringComparer.Ordinal);
}
