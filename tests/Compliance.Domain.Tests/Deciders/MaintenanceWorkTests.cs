using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Deciders.MaintenanceFixture;

namespace Compliance.Domain.Tests.Deciders;

public sealed class MaintenanceWorkTests
{
    private static RecordComponentUpgrade Upgrade(string from, string to, ComponentRef? component = null) =>
        new(Cluster, Window, component ?? Kubelet, from, to, Actor, During);

    [Fact]
    public void records_a_patch_upgrade_in_a_started_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(Upgrade("v1.29.3", "v1.29.6"))
            .Then(new ComponentUpgraded(Cluster, Window, Kubelet, "v1.29.3", "v1.29.6", ChangeKind.Patch, During));

    [Fact]
    public void records_an_upgrade_between_unparseable_versions_as_unknown() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(Upgrade("build-17", "build-18"))
            .Then(new ComponentUpgraded(Cluster, Window, Kubelet, "build-17", "build-18", ChangeKind.Unknown, During));

    [Fact]
    public void rejects_a_downgrade_recorded_as_an_upgrade() =>
        Spec.Maintenance().Given(Scheduled(), Started()).When(Upgrade("v1.29.6", "v1.29.3")).ThenRejected("downgrade recorded as an upgrade");

    [Fact]
    public void rejects_an_upgrade_to_the_same_version() =>
        Spec.Maintenance().Given(Scheduled(), Started()).When(Upgrade("v1.29.3", "v1.29.3")).ThenRejected("same version");

    [Fact]
    public void rejects_an_upgrade_outside_a_started_window() =>
        Spec.Maintenance().Given(Scheduled()).When(Upgrade("build-17", "build-18")).ThenRejected("upgrade outside a started window");

    [Fact]
    public void rejects_an_upgrade_after_the_window_completed() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed())
            .When(Upgrade("build-17", "build-18"))
            .ThenRejected("upgrade outside a started window", "completed");

    [Fact]
    public void rejects_an_upgrade_in_an_unknown_window() =>
        Spec.Maintenance().When(Upgrade("build-17", "build-18")).ThenRejected("unknown window");

    [Fact]
    public void rejects_an_upgrade_without_versions() =>
        Spec.Maintenance().Given(Scheduled(), Started()).When(Upgrade("", "v1.29.6")).ThenRejected("from and the to version");

    [Fact]
    public void rejects_an_upgrade_without_product() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(Upgrade("build-17", "build-18", new ComponentRef(ComponentKind.AddOn, "")))
            .ThenRejected("needs a product");

    [Fact]
    public void recording_the_same_upgrade_again_changes_nothing_even_after_completion() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), new ComponentUpgraded(Cluster, Window, Kubelet, "build-17", "build-18", ChangeKind.Unknown, During), Completed())
            .When(Upgrade("build-17", "build-18"))
            .ThenUnchanged();

    [Fact]
    public void records_a_node_drain() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(new RecordNodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(7), [DrainProblem.PdbBlocked], Actor, During))
            .Then(new NodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(7), [DrainProblem.PdbBlocked], During));

    [Fact]
    public void recording_the_same_drain_again_changes_nothing() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), new NodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(7), [DrainProblem.PdbBlocked], During))
            .When(new RecordNodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(7), [DrainProblem.PdbBlocked], Actor, During.AddMinutes(5)))
            .ThenUnchanged();

    [Fact]
    public void records_a_second_drain_of_the_same_node_with_other_data() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), new NodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(7), [], During))
            .When(new RecordNodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(3), [], Actor, During.AddHours(1)))
            .Then(new NodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(3), [], During.AddHours(1)));

    [Fact]
    public void rejects_a_drain_outside_a_started_window() =>
        Spec.Maintenance()
            .Given(Scheduled())
            .When(new RecordNodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(7), [], Actor, During))
            .ThenRejected("drain outside a started window");

    [Fact]
    public void rejects_a_drain_with_negative_duration() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(new RecordNodeDrained(Cluster, Window, "node-a", TimeSpan.FromMinutes(-1), [], Actor, During))
            .ThenRejected("must not be negative");

    [Fact]
    public void rejects_a_drain_without_node() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(new RecordNodeDrained(Cluster, Window, "", TimeSpan.Zero, [], Actor, During))
            .ThenRejected("node name is required");

    [Fact]
    public void rejects_a_drain_in_an_unknown_window() =>
        Spec.Maintenance()
            .When(new RecordNodeDrained(Cluster, Window, "node-a", TimeSpan.Zero, [], Actor, During))
            .ThenRejected("unknown window");
}
