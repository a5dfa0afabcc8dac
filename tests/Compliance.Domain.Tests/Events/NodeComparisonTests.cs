using Compliance.Domain.Events;

namespace Compliance.Domain.Tests.Events;

/// <summary>Every field of a node observation counts in exactly one of the three groups; only the instant counts in none.</summary>
public sealed class NodeComparisonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly NodeInfo Info = new("v1.29.3", "v1.29.3", "Ubuntu 22.04.4 LTS", "5.15.0", "containerd://1.7.13", "amd64", "linux", "m", "s", "b");

    private static readonly NodeObserved Known = new("c1", "node-a", Info,
        new Dictionary<string, string> { ["zone"] = "a" }, new Dictionary<string, string> { ["cpu"] = "4" }, false,
        new Dictionary<string, string> { ["kured/reboot"] = "no" }, T0);

    public static TheoryData<string, NodeObserved, bool, bool> Changes => new()
    {
        { "the instant", Known with { ObservedAt = T0.AddHours(1) }, false, false },
        { "the kubelet", Known with { Info = Info with { KubeletVersion = "v1.29.4" } }, true, false },
        { "kube-proxy", Known with { Info = Info with { KubeProxyVersion = "v1.29.4" } }, true, false },
        { "the OS image", Known with { Info = Info with { OsImage = "Ubuntu 24.04 LTS" } }, true, false },
        { "the kernel", Known with { Info = Info with { KernelVersion = "6.8.0" } }, true, false },
        { "the runtime", Known with { Info = Info with { ContainerRuntimeVersion = "containerd://2.0.0" } }, true, false },
        { "a label", Known with { Labels = new Dictionary<string, string> { ["zone"] = "b" } }, false, true },
        { "allocatable", Known with { Allocatable = new Dictionary<string, string> { ["cpu"] = "8" } }, false, true },
        { "the cordon", Known with { Unschedulable = true }, false, true },
        { "the boot id", Known with { Info = Info with { BootId = "b2" } }, false, false },
        { "the machine id", Known with { Info = Info with { MachineId = "m2" } }, false, false },
        { "an annotation", Known with { Annotations = new Dictionary<string, string> { ["kured/reboot"] = "yes" } }, false, false },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void a_change_is_news_to_the_decider_and_counts_as_a_version_or_status_change_only_where_it_belongs(
        string what, NodeObserved seen, bool versions, bool status)
    {
        NodeComparison.Differs(Known, seen).ShouldBe(what != "the instant", what);
        NodeComparison.SameVersions(Known.Info, seen.Info).ShouldBe(!versions, what);
        NodeComparison.SameStatus(Known.Labels, Known.Allocatable, Known.Unschedulable, seen).ShouldBe(!status, what);
    }
}
