using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Adapters.Pdf.Tests;

[Collection(SeededCollection.Name)]
public sealed class ReportAsOfTests(SeededLedger seeded)
{
    private static readonly DateTimeOffset JuneEnd = Days.EndOf(new DateOnly(2026, 6, 30));
    /// <summary>After the seeded history's last event: recorded-at never goes back along the ledger.</summary>
    private static readonly DateTimeOffset RecordedLater = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task events_recorded_after_as_of_are_absent_even_when_they_describe_earlier_days()
    {
        var before = await SeededLedger.RenderAsync(seeded.Copy(), SeededLedger.FleetRequest(JuneEnd));
        var ledger = seeded.Copy();
        // Recorded on 1 December, about days before 30 June: a report as of 30 June must not know them.
        var late = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await SeededLedger.WriteAsync(ledger,
        [
            (RecordedLater, new RegisterCluster("late-cluster", "Late cluster", Environment.Production, "platform", Flavour.Upstream, null, "test", late)),
            (RecordedLater, new RecordObservation(new ControlPlaneVersionObserved("late-cluster", "v1.30.2", "linux/amd64", late.AddDays(1)), "test", RecordedLater)),
            (RecordedLater, new RecordObservation(new DrainRiskFound("billing-prod", "single-replica/leaky/worker", DrainRiskKind.SingleReplica,
                "leaky/worker", "Deployment leaky/worker runs 1 replica", null, late.AddDays(2)), "test", RecordedLater)),
        ], sourceSeed: 1001);

        var asOfJune = await SeededLedger.RenderAsync(ledger, SeededLedger.FleetRequest(JuneEnd));
        var text = PdfText.Read(asOfJune.Bytes).All;
        text.ShouldNotContain("late-cluster");
        text.ShouldNotContain("leaky/worker");
        asOfJune.Bytes.ShouldBe(before.Bytes);

        var asOfDecember = await SeededLedger.RenderAsync(ledger, SeededLedger.FleetRequest(Days.EndOf(new DateOnly(2026, 12, 31))));
        var later = PdfText.Read(asOfDecember.Bytes).All;
        later.ShouldContain("late-cluster");
        later.ShouldContain("leaky/worker");
    }

    [Fact]
    public async Task an_earlier_as_of_reads_only_the_ledger_up_to_its_instant()
    {
        var june = (await SeededLedger.RenderAsync(seeded.Copy(), SeededLedger.FleetRequest(JuneEnd))).Report;
        var full = seeded.Fleet.Report;

        june.Ledger.Position.ShouldBeLessThan(full.Ledger.Position);
        june.Ledger.RecordedAt!.Value.ShouldBeLessThanOrEqualTo(JuneEnd);
        june.Chain.Verified.ShouldBe(june.Ledger.Position);
        june.Patches.ShouldAllBe(p => p.ReleasedAt <= JuneEnd && (p.AppliedAt == null || p.AppliedAt <= JuneEnd));
        june.Findings.ShouldAllBe(f => f.RaisedAt <= JuneEnd);
        june.Windows.ShouldAllBe(w => w.StartsAt <= JuneEnd);
    }

    [Fact]
    public async Task a_period_that_ends_before_it_starts_or_an_unknown_scope_is_refused_with_a_reason()
    {
        var ledger = seeded.Copy();
        var backwards = SeededLedger.FleetRequest(JuneEnd) with { From = new DateOnly(2026, 7, 1), To = new DateOnly(2026, 6, 1) };
        (await Should.ThrowAsync<Application.Reports.InvalidReportRequestException>(() => SeededLedger.RenderAsync(ledger, backwards)))
            .Message.ShouldContain("ends (2026-06-01) before it starts (2026-07-01)");

        var unknown = SeededLedger.FleetRequest(JuneEnd) with { Scope = new(Application.Reports.ScopeKind.Cluster, "nope") };
        (await Should.ThrowAsync<Application.Reports.InvalidReportRequestException>(() => SeededLedger.RenderAsync(ledger, unknown)))
            .Message.ShouldContain("no cluster 'nope'");
    }

    [Fact]
    public async Task a_cluster_scope_reports_that_cluster_alone()
    {
        var request = SeededLedger.FleetRequest(SeededLedger.AsOf) with { Scope = new(Application.Reports.ScopeKind.Cluster, "data-prod") };
        var report = (await SeededLedger.RenderAsync(seeded.Copy(), request)).Report;

        report.Clusters.ShouldHaveSingleItem().ClusterId.ShouldBe("data-prod");
        report.Eol.ShouldAllBe(r => r.ClusterId == "data-prod");
        report.Windows.ShouldContain(w => w.State == WindowResult.Missed);
    }

    [Fact]
    public async Task an_environment_scope_reports_its_clusters_and_still_reads_their_staging_history()
    {
        var request = SeededLedger.FleetRequest(SeededLedger.AsOf) with { Scope = new(Application.Reports.ScopeKind.Environment, "production") };
        var rendered = await SeededLedger.RenderAsync(seeded.Copy(), request);
        var report = rendered.Report;

        report.Clusters.Select(c => c.ClusterId).ShouldBe(["billing-prod", "data-prod", "payments-prod", "shop-prod", "web-prod"]);
        report.Eol.ShouldAllBe(r => r.Environment == "production");
        report.Staging.ShouldContain(s => s.ClusterId == "payments-prod" && s.StagingClusterId == "payments-staging" && s.Result == Application.Reports.StagingResult.Skipped);
        report.Staging.ShouldContain(s => s.Result == Application.Reports.StagingResult.Passed);
        PdfText.Read(rendered.Bytes).Pages[0].ShouldContain(l => l.Contains("Environment production (environment:production); 5 cluster(s)"));
    }
}
