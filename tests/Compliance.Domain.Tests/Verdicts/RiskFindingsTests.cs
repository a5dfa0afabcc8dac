using Compliance.Domain.Catalog;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Verdicts.Catalogs;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Domain.Tests.Verdicts;

/// <summary>DOMAIN.md "Process checks": EOL components and patches past their SLA are findings with an owner and a due date.</summary>
public sealed class RiskFindingsTests
{
    private static readonly DateOnly Eol129 = Date(2026, 10, 28);
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);

    private static readonly ReleaseCatalog Catalog = Of(
        Product("kubernetes",
            [Cycle("kubernetes", "1.29", eoas: Date(2026, 6, 28), eol: Eol129), Cycle("kubernetes", "1.30", eoas: Date(2027, 2, 28), eol: Date(2027, 6, 28))],
            Patch("kubernetes", "1.29.3", Ledger.At(2026, 1, 1)), Patch("kubernetes", "1.29.4", Ledger.At(2026, 2, 10, 12))),
        Product("amazon-eks", [Cycle("amazon-eks", "1.29", eoas: null, eol: Eol129, eoes: Date(2027, 10, 28))]));

    private static IReadOnlyList<Finding> Findings(Ledger ledger, DateTimeOffset asOf)
    {
        var history = ledger.History();
        var patches = PatchLatency.Evaluate(history, Catalog, asOf);
        return ClusterFindings.Evaluate(history, null, Catalog, patches, DrainReadiness.Evaluate(history, asOf), asOf);
    }

    [Fact]
    public void a_production_component_at_high_or_eol_is_a_finding_owned_by_the_cluster_team_and_due_on_its_eol_date()
    {
        var ledger = new Ledger().Registered(T, owner: "team-billing").ControlPlane("v1.29.3", T.AddDays(1));

        Findings(ledger, Days.StartOf(Eol129.AddDays(-31))).ShouldNotContain(f => f.Kind == FindingKind.EolComponent);
        var finding = Findings(ledger, Days.StartOf(Eol129.AddDays(37))).Single(f => f.Kind == FindingKind.EolComponent);

        finding.Subject.ShouldBe("control plane on kubernetes 1.29");
        finding.Owner.ShouldBe("team-billing");
        finding.DetectedAt.ShouldBe(Days.StartOf(Eol129.AddDays(-30)));
        finding.DueAt.ShouldBe(Days.StartOf(Eol129));
        finding.ResolvedAt.ShouldBeNull();
        finding.OverdueSinceAt(Days.StartOf(Eol129.AddDays(37))).ShouldBe(Days.StartOf(Eol129));
        finding.OverdueSinceAt(Days.StartOf(Eol129.AddDays(-1))).ShouldBeNull();
        finding.AgeAt(Days.StartOf(Eol129.AddDays(37))).ShouldBe(TimeSpan.FromDays(67));
        finding.Detail.ShouldContain("standard support ends on 2026-10-28");
    }

    [Fact]
    public void moving_to_a_supported_cycle_resolves_the_eol_finding_and_staging_clusters_have_none()
    {
        var moved = Days.StartOf(Eol129.AddDays(5)).AddHours(3);
        var production = new Ledger().Registered(T).ControlPlane("v1.29.3", T.AddDays(1)).ControlPlane("v1.30.2", moved);
        var staging = new Ledger("stage").Registered(T, environment: Environment.Staging).ControlPlane("v1.29.3", T.AddDays(1));

        Findings(production, moved.AddDays(1)).Single(f => f.Kind == FindingKind.EolComponent).ResolvedAt.ShouldBe(moved);
        Findings(staging, moved.AddDays(1)).ShouldNotContain(f => f.Kind == FindingKind.EolComponent);
    }

    [Fact]
    public void where_extended_support_counts_the_eol_finding_is_due_at_its_end()
    {
        var ledger = new Ledger().Registered(T, Flavour.Eks).ControlPlane("v1.29.3-eks-adc7111", T.AddDays(1));

        var finding = Findings(ledger, Days.StartOf(Eol129.AddDays(10))).Single(f => f.Kind == FindingKind.EolComponent);

        finding.DueAt.ShouldBe(Days.StartOf(Date(2027, 10, 28)));
        finding.OverdueSinceAt(Days.StartOf(Eol129.AddDays(10))).ShouldBeNull();
        finding.Detail.ShouldContain("extended support (counted by the policy) on 2027-10-28");
        ledger.PolicySet(MaintenancePolicy.Default with { ExtendedSupport = false }, T);
        Findings(ledger, Days.StartOf(Eol129.AddDays(10))).Single(f => f.Kind == FindingKind.EolComponent).DueAt.ShouldBe(Days.StartOf(Eol129));
    }

    [Fact]
    public void a_patch_open_past_its_sla_is_a_finding_due_at_release_plus_sla_and_resolved_when_applied()
    {
        var released = Ledger.At(2026, 2, 10, 12);
        var applied = released.AddDays(40);
        var ledger = new Ledger().Registered(T, owner: "team-web").ControlPlane("v1.29.3", T.AddDays(1)).ControlPlane("v1.29.4", applied);

        Findings(ledger, released.AddDays(30)).ShouldNotContain(f => f.Kind == FindingKind.PatchOverdue);
        var open = Findings(ledger, released.AddDays(38)).Single(f => f.Kind == FindingKind.PatchOverdue);
        var resolved = Findings(ledger, released.AddDays(45)).Single(f => f.Kind == FindingKind.PatchOverdue);

        open.Subject.ShouldBe("kubernetes 1.29.4 on control plane");
        open.Owner.ShouldBe("team-web");
        open.DetectedAt.ShouldBe(released.AddDays(35));
        open.DueAt.ShouldBe(released.AddDays(35));
        open.ResolvedAt.ShouldBeNull();
        open.OverdueSinceAt(released.AddDays(38)).ShouldBe(released.AddDays(35));
        resolved.ResolvedAt.ShouldBe(applied);
        resolved.Detail.ShouldContain("applied 2026-03-22 12:00 UTC, 5 days late");
    }

    [Fact]
    public void observations_of_a_cluster_nobody_registered_are_a_finding_until_it_is_registered()
    {
        var first = Ledger.At(2026, 2, 1);
        var ledger = new Ledger("stray").ControlPlane("v1.29.3", first);

        var open = Findings(ledger, first.AddDays(1)).Single(f => f.Kind == FindingKind.UnregisteredCluster);
        open.DetectedAt.ShouldBe(first);
        open.ResolvedAt.ShouldBeNull();
        open.Owner.ShouldBe("");

        ledger.Registered(first.AddDays(3));
        Findings(ledger, first.AddDays(4)).Single(f => f.Kind == FindingKind.UnregisteredCluster).ResolvedAt.ShouldBe(first.AddDays(3));
        Findings(new Ledger().Registered(T).ControlPlane("v1.29.3", T.AddDays(1)), T.AddDays(2)).ShouldNotContain(f => f.Kind == FindingKind.UnregisteredCluster);
    }
}
