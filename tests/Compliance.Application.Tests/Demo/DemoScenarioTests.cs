using Compliance.Application.Catalog;
using Compliance.Application.Demo;
using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.Tests.Demo;

/// <summary>Each scenario of <see cref="DemoFleet.Scenarios"/>, checked through the verdicts on the folded ledger.</summary>
public sealed class DemoScenarioTests
{
    private static readonly DemoLedger Ledger = DemoLedger.Default;
    private static readonly Lazy<ReleaseCatalog> Catalog = new(() => Ledger.Catalog);
    private static readonly Lazy<IReadOnlyList<Finding>> Findings = new(() => AllFindings(Ledger));

    [Fact]
    public void the_eol_risk_table_shows_every_level()
    {
        var levels = Ledger.ClusterIds.SelectMany(id => EolRisk.Evaluate(Ledger.History(id), Catalog.Value, DemoLedger.Today)).Select(v => v.Level).Distinct();

        levels.Order().ShouldBe([EolLevel.Unknown, EolLevel.Low, EolLevel.Medium, EolLevel.High, EolLevel.Eol]);
    }

    [Fact]
    public void billing_prod_runs_a_control_plane_past_its_end_of_life()
    {
        ControlPlane("billing-prod").Level.ShouldBe(EolLevel.Eol);
        Ledger.ClusterIds.Where(id => ControlPlane(id).Level == EolLevel.Eol).ShouldBe(["billing-prod"]);
    }

    [Fact]
    public void shop_prod_runs_an_eks_cycle_within_thirty_days_of_its_end()
    {
        var verdict = ControlPlane("shop-prod");

        verdict.Product.ShouldBe("amazon-eks");
        verdict.Level.ShouldBe(EolLevel.High);
        var eol = verdict.StandardSupport.ShouldNotBeNull().Ends;
        (eol.DayNumber - DemoLedger.Today.DayNumber).ShouldBeInRange(1, 30);
    }

    [Fact]
    public void ubuntu_nodes_past_standard_support_are_medium_and_current_control_planes_low()
    {
        var web = EolRisk.Evaluate(Ledger.History("web-prod"), Catalog.Value, DemoLedger.Today);

        web.Where(v => v.Kind == ComponentKind.OsImage).ShouldAllBe(v => v.Product == "ubuntu" && v.Level == EolLevel.Medium);
        ControlPlane("web-prod").Level.ShouldBe(EolLevel.Low);
    }

    [Fact]
    public void cos_nodes_without_a_version_are_unknown_not_low()
    {
        var data = EolRisk.Evaluate(Ledger.History("data-prod"), Catalog.Value, DemoLedger.Today);

        data.Where(v => v.Kind == ComponentKind.OsImage).ShouldNotBeEmpty();
        data.Where(v => v.Kind == ComponentKind.OsImage).ShouldAllBe(v => v.Level == EolLevel.Unknown && v.Product == "cos");
    }

    [Fact]
    public void one_window_is_missed_on_data_prod()
    {
        var missed = Findings.Value.Where(f => f.Kind == FindingKind.MissedWindow).ShouldHaveSingleItem();

        missed.ClusterId.ShouldBe("data-prod");
        Findings.Value.Where(f => f.Kind == FindingKind.WindowCadenceGap).ShouldAllBe(f => f.ClusterId == "data-prod");
    }

    [Fact]
    public void one_change_is_unrecorded_on_shop_staging()
    {
        var change = Findings.Value.Where(f => f.Kind == FindingKind.UnrecordedChange).ShouldHaveSingleItem();

        change.ClusterId.ShouldBe("shop-staging");
        change.Subject.ShouldContain("cert-manager");
    }

    [Fact]
    public void payments_prod_took_a_minor_its_staging_cluster_had_not_run()
    {
        var skipped = Findings.Value.Where(f => f.Kind == FindingKind.StagingSkipped);

        var finding = skipped.ShouldHaveSingleItem();
        finding.ClusterId.ShouldBe("payments-prod");
    }

    [Fact]
    public void the_critical_patch_is_applied_within_72_hours_except_on_payments_prod()
    {
        var web = CriticalVerdict("web-prod");
        var payments = CriticalVerdict("payments-prod");

        web.Status.ShouldBe(SlaStatus.Met);
        web.Latency.ShouldNotBeNull().ShouldBeLessThan(TimeSpan.FromHours(72));
        payments.Status.ShouldBe(SlaStatus.Breached);
        payments.Latency.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromHours(75), TimeSpan.FromHours(85));
        Ledger.History("payments-prod").EmergencyPatches.ShouldHaveSingleItem();
    }

    [Fact]
    public void patches_are_applied_on_time_late_and_never()
    {
        var verdicts = Ledger.ClusterIds.SelectMany(id => PatchLatency.Evaluate(Ledger.History(id), Catalog.Value, Ledger.AsOf)).ToList();

        verdicts.ShouldContain(v => !v.Critical && v.Status == SlaStatus.Met);
        verdicts.ShouldContain(v => v.ClusterId == "data-prod" && v.AppliedAt != null && v.Status == SlaStatus.Breached);
        verdicts.ShouldContain(v => v.ClusterId == "billing-prod" && v.Kind == ComponentKind.ControlPlane && v.AppliedAt == null && v.Status == SlaStatus.Breached);
    }

    [Fact]
    public void notice_contingency_and_retrospective_lapses_appear_once_each()
    {
        Findings.Value.Where(f => f.Kind == FindingKind.ShortNotice).ShouldHaveSingleItem().ClusterId.ShouldBe("shop-staging");
        Findings.Value.Where(f => f.Kind == FindingKind.MissingContingencyPlan).ShouldHaveSingleItem().ClusterId.ShouldBe("data-staging");
        Findings.Value.Where(f => f.Kind == FindingKind.MissingRetrospective).ShouldHaveSingleItem().ClusterId.ShouldBe("web-staging");
    }

    [Fact]
    public void drain_risks_are_found_and_some_resolved()
    {
        var billing = DrainReadiness.Evaluate(Ledger.History("billing-prod"), Ledger.AsOf);
        var payments = DrainReadiness.Evaluate(Ledger.History("payments-prod"), Ledger.AsOf);

        billing.OpenRisks.ShouldContain(f => f.Kind == FindingKind.PdbAllowsNoDisruption);
        payments.OpenRisks.ShouldNotContain(f => f.Kind == FindingKind.SingleReplica);
        Ledger.History("payments-prod").DrainRisks.ShouldContain(r => r.ResolvedAt != null);
        DrainReadiness.Evaluate(Ledger.History("data-prod"), Ledger.AsOf).OpenRisks.ShouldContain(f => f.Kind == FindingKind.LongGracePeriod);
    }

    [Theory]
    [InlineData("2026-09-01")]
    [InlineData("2026-10-15")]
    [InlineData("2027-01-20")]
    public void the_scenarios_hold_on_other_days_too(string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var ledger = DemoLedger.Fold(DemoFleet.Generate(CatalogSnapshot.Embedded.Catalog, today, 7));
        var catalog = ledger.Catalog;

        ledger.Rejections.ShouldBeEmpty();
        var levels = ledger.ClusterIds.SelectMany(id => EolRisk.Evaluate(ledger.History(id), catalog, today)).Select(v => v.Level).Distinct();
        levels.Order().ShouldBe([EolLevel.Unknown, EolLevel.Low, EolLevel.Medium, EolLevel.High, EolLevel.Eol]);
        var asOf = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var findings = AllFindings(ledger, asOf);
        findings.ShouldContain(f => f.Kind == FindingKind.MissedWindow && f.ClusterId == "data-prod");
        findings.ShouldContain(f => f.Kind == FindingKind.UnrecordedChange && f.ClusterId == "shop-staging");
        findings.ShouldContain(f => f.Kind == FindingKind.StagingSkipped && f.ClusterId == "payments-prod");
    }

    [Fact]
    public void ubuntu_nodes_kernels_are_judged_by_their_ubuntu_release()
    {
        var kernels = EolRisk.Evaluate(Ledger.History("web-prod"), Catalog.Value, DemoLedger.Today).Where(v => v.Kind == ComponentKind.Kernel).ToList();

        kernels.ShouldNotBeEmpty();
        kernels.ShouldAllBe(v => v.Product == "ubuntu" && v.Note != null && v.Note.StartsWith("maintained by Ubuntu"));
    }

    [Fact]
    public void ingress_nginx_is_judged_by_the_cycles_an_operator_recorded_and_is_past_its_end_of_life()
    {
        var ingress = EolRisk.Evaluate(Ledger.History("shop-prod"), Catalog.Value, DemoLedger.Today).Single(v => v.Product == "ingress-nginx");
        var recorded = Ledger.Facts.Select(f => f.Event).OfType<ReleaseCycleRecorded>().Where(c => c.Product == "ingress-nginx").ToList();

        ingress.Level.ShouldBe(EolLevel.Eol);
        ingress.StandardSupport.ShouldNotBeNull().Ends.ShouldBe(new DateOnly(2026, 3, 31));
        recorded.ShouldNotBeEmpty();
        recorded.ShouldAllBe(c => c.Source.Contains("kubernetes.io/blog/2025/11/11/ingress-nginx-retirement"));
    }

    [Fact]
    public void windows_whose_drains_hit_open_risks_are_partial_with_their_reason_not_held()
    {
        var billing = WindowOutcomes.Evaluate(Ledger.History("billing-prod"), Ledger.AsOf);

        var partial = billing.Where(w => w.Result == WindowResult.Partial).ToList();
        partial.ShouldNotBeEmpty();
        partial.ShouldAllBe(w => w.Reason != null && w.Reason.Contains("PdbBlocked"));
        Findings.Value.Where(f => f.Kind == FindingKind.PartialWindow && f.ClusterId == "billing-prod").Count().ShouldBe(partial.Count);
        WindowOutcomes.Score(billing).Share.ShouldNotBeNull().ShouldBeLessThan(1);
    }

    [Fact]
    public void web_prod_accepts_its_ingress_nginx_risk_and_billing_prods_pdb_acceptance_has_expired()
    {
        var web = Judged("web-prod");
        var billing = Judged("billing-prod");

        web.Exceptions.ShouldHaveSingleItem().Status.ShouldBe(ExceptionStatus.Accepted);
        var accepted = web.Findings.Where(f => f.State == FindingState.Accepted).ShouldHaveSingleItem();
        accepted.Subject.ShouldStartWith("add-on ingress-nginx");
        accepted.Accepted.ShouldNotBeNull().ApprovedBy.ShouldBe("admin:grace");
        accepted.Accepted.RequestedBy.ShouldBe("ops:alice");
        billing.Exceptions.ShouldHaveSingleItem().Status.ShouldBe(ExceptionStatus.Expired);
        billing.Findings.Single(f => f.Kind == FindingKind.PdbAllowsNoDisruption).State.ShouldBe(FindingState.Open);
    }

    private static (IReadOnlyList<ExceptionVerdict> Exceptions, IReadOnlyList<FindingStatus> Findings) Judged(string clusterId)
    {
        var history = Ledger.History(clusterId);
        var staging = history.Registration?.StagingClusterId is { } s ? Ledger.History(s) : null;
        var patches = PatchLatency.Evaluate(history, Catalog.Value, Ledger.AsOf);
        var findings = ClusterFindings.Evaluate(history, staging, Catalog.Value, patches, DrainReadiness.Evaluate(history, Ledger.AsOf), Ledger.AsOf);
        var exceptions = Exceptions.Evaluate(history, findings, Ledger.AsOf);
        return (exceptions, [.. findings.Select(f => Exceptions.StatusOf(f, exceptions, Ledger.AsOf))]);
    }

    private static EolRiskVerdict ControlPlane(string clusterId) =>
        EolRisk.Evaluate(Ledger.History(clusterId), Catalog.Value, DemoLedger.Today).Single(v => v.Kind == ComponentKind.ControlPlane);

    private static PatchLatencyVerdict CriticalVerdict(string clusterId) =>
        PatchLatency.Evaluate(Ledger.History(clusterId), Catalog.Value, Ledger.AsOf).Single(v => v.Critical && v.Kind == ComponentKind.ControlPlane);

    private static List<Finding> AllFindings(DemoLedger ledger, DateTimeOffset? asOf = null) =>
        [.. ledger.ClusterIds.SelectMany(id =>
        {
            var history = ledger.History(id);
            var staging = history.Registration?.StagingClusterId is { } s ? ledger.History(s) : null;
            return ProcessChecks.Evaluate(history, staging, asOf ?? ledger.AsOf);
        })];
}
