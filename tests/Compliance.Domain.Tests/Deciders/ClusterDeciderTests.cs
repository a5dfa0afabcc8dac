using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Domain.Tests.Deciders;

public sealed class ClusterDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static RegisterCluster Register(
        string id = "prod-eu-1",
        string name = "Production EU 1",
        Environment environment = Environment.Production,
        string owner = "platform",
        string? staging = "stage-eu-1") =>
        new(id, name, environment, owner, Flavour.Eks, staging, "alice", Now);

    private static ClusterRegistered Registered(string? staging = "stage-eu-1") =>
        new("prod-eu-1", "Production EU 1", Environment.Production, "platform", Flavour.Eks, staging, Now);

    private static MaintenancePolicy Policy(string cron = "0 2 * * 2#1", double hours = 4, string zone = "Europe/Berlin") =>
        MaintenancePolicy.Default with { Schedule = new WindowSchedule(cron, TimeSpan.FromHours(hours), zone) };

    [Fact]
    public void registers_a_new_cluster() =>
        Spec.Cluster().When(Register()).Then(Registered());

    [Fact]
    public void registers_a_staging_cluster_without_a_staging_link() =>
        Spec.Cluster()
            .When(Register(id: "stage-eu-1", environment: Environment.Staging, staging: null))
            .Then(new ClusterRegistered("stage-eu-1", "Production EU 1", Environment.Staging, "platform", Flavour.Eks, null, Now));

    [Theory]
    [InlineData("Prod-EU")]
    [InlineData("prod_eu")]
    [InlineData("-prod")]
    [InlineData("prod-")]
    [InlineData("")]
    [InlineData("a-cluster-id-that-is-far-too-long-to-be-a-dns-label-because-it-goes-on")]
    public void rejects_a_cluster_id_that_is_not_a_dns_label(string id) =>
        Spec.Cluster().When(Register(id: id)).ThenRejected("must be a DNS label");

    [Fact]
    public void rejects_a_cluster_without_display_name() =>
        Spec.Cluster().When(Register(name: " ")).ThenRejected("display name is required");

    [Fact]
    public void rejects_a_cluster_without_owner_team() =>
        Spec.Cluster().When(Register(owner: "")).ThenRejected("owner team is required");

    [Fact]
    public void rejects_a_staging_cluster_that_names_a_staging_cluster() =>
        Spec.Cluster()
            .When(Register(id: "stage-eu-1", environment: Environment.Staging, staging: "stage-eu-2"))
            .ThenRejected("only a production cluster may name a staging cluster");

    [Fact]
    public void rejects_a_cluster_that_is_its_own_staging_cluster() =>
        Spec.Cluster().When(Register(staging: "prod-eu-1")).ThenRejected("its own staging cluster");

    [Fact]
    public void rejects_a_command_without_actor() =>
        Spec.Cluster().When(Register() with { Actor = "" }).ThenRejected("actor is required");

    [Fact]
    public void registering_again_with_the_same_data_changes_nothing() =>
        Spec.Cluster().Given(Registered()).When(Register() with { Now = Now.AddDays(1), Actor = "bob" }).ThenUnchanged();

    [Fact]
    public void rejects_registering_again_with_different_data() =>
        Spec.Cluster().Given(Registered()).When(Register(owner: "payments")).ThenRejected("already registered as", "platform");

    [Fact]
    public void sets_a_valid_policy_on_a_registered_cluster() =>
        Spec.Cluster()
            .Given(Registered())
            .When(new SetMaintenancePolicy("prod-eu-1", Policy(), "alice", Now))
            .Then(new MaintenancePolicySet("prod-eu-1", Policy(), Now));

    [Fact]
    public void setting_the_same_policy_again_changes_nothing() =>
        Spec.Cluster()
            .Given(Registered(), new MaintenancePolicySet("prod-eu-1", Policy(), Now))
            .When(new SetMaintenancePolicy("prod-eu-1", Policy(), "alice", Now.AddHours(1)))
            .ThenUnchanged();

    [Fact]
    public void a_changed_policy_is_recorded() =>
        Spec.Cluster()
            .Given(Registered(), new MaintenancePolicySet("prod-eu-1", Policy(), Now))
            .When(new SetMaintenancePolicy("prod-eu-1", Policy(hours: 6), "alice", Now.AddHours(1)))
            .Then(new MaintenancePolicySet("prod-eu-1", Policy(hours: 6), Now.AddHours(1)));

    [Fact]
    public void rejects_a_policy_for_an_unregistered_cluster() =>
        Spec.Cluster().When(new SetMaintenancePolicy("prod-eu-1", Policy(), "alice", Now)).ThenRejected("not registered");

    public static TheoryData<MaintenancePolicy, string> InvalidPolicies() => new()
    {
        { Policy(cron: "0 2 * *"), "5 fields" },
        { Policy(cron: "0 25 * * *"), "hour" },
        { Policy(cron: "0 2 1 * MON"), "restricts both day-of-month ('1') and day-of-week ('MON')" },
        { Policy(cron: "0 2 1-7 * 2"), "restricts both day-of-month ('1-7') and day-of-week ('2')" },
        { Policy(hours: 0), "duration must be positive" },
        { Policy(hours: 25), "at most 24 hours" },
        { Policy(zone: "Mars/Olympus_Mons"), "time zone 'Mars/Olympus_Mons' does not exist" },
        { MaintenancePolicy.Default with { Sla = new PatchSla(TimeSpan.Zero, TimeSpan.FromDays(35)) }, "critical patch SLA must be positive" },
        { MaintenancePolicy.Default with { Sla = new PatchSla(TimeSpan.FromHours(72), TimeSpan.FromDays(-1)) }, "other patches must be positive" },
        { MaintenancePolicy.Default with { NoticeDays = -1 }, "notice days" },
        { MaintenancePolicy.Default with { StagingSoakDays = -3 }, "soak days" },
        { MaintenancePolicy.Default with { Eol = new EolThresholds(90, 30) }, "must be below the medium threshold" },
        { MaintenancePolicy.Default with { Eol = new EolThresholds(30, 30) }, "must be below the medium threshold" },
        { MaintenancePolicy.Default with { Eol = new EolThresholds(0, 90) }, "high threshold must be positive" },
        { MaintenancePolicy.Default with { WindowCadenceDays = 0 }, "cadence" },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void rejects_an_invalid_policy_naming_what_is_wrong(MaintenancePolicy policy, string reason) =>
        Spec.Cluster()
            .Given(Registered())
            .When(new SetMaintenancePolicy("prod-eu-1", policy, "alice", Now))
            .ThenRejected(reason);

    [Fact]
    public void the_default_policy_is_valid() => PolicyValidation.Problem(MaintenancePolicy.Default).ShouldBeNull();

    [Theory]
    [InlineData("0 2 * * 2#1")]
    [InlineData("0 2 8 * *")]
    [InlineData("0 2 */2 * MON")]
    [InlineData("0 2 1 * */2")]
    public void a_policy_restricting_at_most_one_day_field_or_starring_one_is_valid(string cron) =>
        PolicyValidation.Problem(Policy(cron: cron)).ShouldBeNull();

    [Fact]
    public void streams_are_named_by_cluster_and_product()
    {
        Streams.For(Register()).ShouldBe("cluster-prod-eu-1");
        Streams.For(new StartMaintenance("prod-eu-1", "w1", "alice", Now)).ShouldBe("maintenance-prod-eu-1");
        Streams.For(new RecordObservation(new NodeRemoved("prod-eu-1", "n1", Now), "watcher", Now)).ShouldBe("observations-prod-eu-1");
        Streams.For(new RecordCatalogFact(new PatchReleased("kubernetes", "1.29", "1.29.3", Now, Now), "catalog", Now))
            .ShouldBe("catalog-kubernetes");
    }
}
