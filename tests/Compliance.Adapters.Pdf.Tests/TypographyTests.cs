using System.Globalization;
using Compliance.Adapters.Pdf.Sections;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>The report reads as words (a search for a cluster finds it) and its charts draw what the data says.</summary>
[Collection(SeededCollection.Name)]
public sealed class TypographyTests(SeededLedger seeded)
{
    private AuditReport Report => seeded.Fleet.Report;

    private PdfText Pdf => seeded.FleetText;

    [Fact]
    public void every_cluster_name_extracts_as_one_word()
    {
        // Hinted glyph advances once left a gap after wide glyphs: "paym ents-prod" extracted as two words, 170 times.
        foreach (var id in Report.Clusters.Select(c => c.ClusterId))
        {
            Pdf.Words.Count(w => w == id).ShouldBeGreaterThan(2, $"'{id}' is found whole");
            Pdf.Gaps[id].ShouldBeLessThan(0.05, $"no blank inside '{id}' for an extractor to read as a space");
        }

        Pdf.Gaps["component"].ShouldBeLessThan(0.05);

        Pdf.Words.ShouldNotContain("paym");
        Pdf.Words.ShouldNotContain("com");
        Pdf.All.ShouldContain("component");
    }

    [Fact]
    public void cluster_names_never_wrap_across_lines()
    {
        var ids = Report.Clusters.Select(c => c.ClusterId).ToList();
        var prefixes = ids.SelectMany(id => Enumerable.Range(1, id.Length - 1).Where(i => id[i - 1] == '-').Select(i => id[..i])).ToHashSet();
        Pdf.Words.Where(prefixes.Contains).ShouldBeEmpty("a cluster name broken at a hyphen ends a line with its first part");
    }

    [Fact]
    public void the_control_plane_timeline_colours_each_part_by_the_level_it_had_then()
    {
        var billing = Report.Timelines.Single(t => t.ClusterId == "billing-prod");
        var eol = billing.Segments.Select(s => s.Eol).OfType<DateOnly>().Max();
        var eolStart = new DateTimeOffset(eol.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var spans = billing.Segments.SelectMany(s => s.Spans).ToList();

        spans.Where(s => s.Level == EolLevel.Eol).ShouldAllBe(s => s.From >= eolStart, "red only from the end of life on");
        spans.Where(s => s.To <= eolStart).ShouldAllBe(s => s.Level != EolLevel.Eol);
        spans.ShouldContain(s => s.Level == EolLevel.Low);
        spans.ShouldContain(s => s.Level == EolLevel.High && s.To == eolStart, "high in the 30 days before");
        spans.Last().Level.ShouldBe(EolLevel.Eol);
    }

    [Fact]
    public void end_of_life_ticks_never_cross_a_label()
    {
        var rows = Report.Timelines;
        var start = Report.Request.PeriodStart.UtcDateTime;
        var layout = TimelineChart.Lay(rows, start, Report.Request.PeriodEnd.UtcDateTime.AddDays(90), 500);

        layout.Ticks.ShouldNotBeEmpty();
        layout.Labels.ShouldNotBeEmpty();
        foreach (var tick in layout.Ticks)
        {
            layout.Labels.Where(l => l.Row == tick.Row && l.Box.Left <= tick.X && tick.X <= l.Box.Right)
                .ShouldAllBe(l => tick.Bottom < l.Box.Top || tick.Top > l.Box.Bottom, "a tick sits above or below the bar, never across its label");
        }
    }

    [Fact]
    public void latency_bins_are_drawn_as_wide_as_their_range_on_the_axis()
    {
        var bins = LatencyChart.Bins([(2, false), (30, true), (500, false)], 500);
        var interior = bins.Where(b => b.From > 0 && b.To is not null).ToList();
        var perDecade = interior.Select(b => (b.X1 - b.X0) / Math.Log10(b.To!.Value / b.From)).ToList();

        perDecade.Max().ShouldBe(perDecade.Min(), 0.01, "equal widths for equal ratios on the logarithmic axis");
        var week = interior.Single(b => b.From == 168);
        var day = interior.Single(b => b.From == 504);
        (week.X1 - week.X0).ShouldBeGreaterThan(2 * (day.X1 - day.X0), "7 to 14 days is wider than 21 to 28 days");
        bins.Single(b => b.From == 24).Critical.ShouldBe(1);
    }

    [Fact]
    public async Task an_empty_critical_series_says_so_in_words()
    {
        var lastYear = SeededLedger.FleetRequest(SeededLedger.AsOf) with { From = SeededLedger.Today.AddYears(-1) };
        var rendered = await SeededLedger.RenderAsync(seeded.Copy(), lastYear);

        rendered.Report.Patches.ShouldNotContain(p => p.Critical && p.AppliedAt != null);
        PdfText.Read(rendered.Bytes).All.ShouldContain("No critical security patch was applied in the period: the critical series is empty.");
        Pdf.All.ShouldNotContain("the critical series is empty");
    }

    [Fact]
    public void the_drain_estimates_are_summarised_by_a_verdict()
    {
        var drain = Pdf.Section("7. Drain readiness", "8. Findings");
        var verdict = string.Create(CultureInfo.InvariantCulture, $"Verdict: the estimated drain time fits in every one of the {Report.DrainWindows.Count} window(s)");
        drain.ShouldContain(l => l.StartsWith(verdict, StringComparison.Ordinal));
        Report.DrainWindows.ShouldAllBe(d => d.Fits);
        Pdf.All.ShouldNotContain("Estimated drain time per window");
        drain.Count(l => Report.DrainWindows.Any(d => l.Contains(d.WindowId, StringComparison.Ordinal) && l.StartsWith(d.ClusterId, StringComparison.Ordinal))).ShouldBeLessThan(3);
    }
}
