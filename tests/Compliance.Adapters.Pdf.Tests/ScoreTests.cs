using System.Globalization;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>The score says how it is made, what it leaves out, and is never green while production runs past end of life.</summary>
[Collection(SeededCollection.Name)]
public sealed class ScoreTests(SeededLedger seeded)
{
    private AuditReport Report => seeded.Fleet.Report;

    private PdfText Pdf => seeded.FleetText;

    [Fact]
    public void a_production_component_past_end_of_life_caps_the_colour_at_red()
    {
        var s = Report.Summary;
        Report.Eol.ShouldContain(r => r.ClusterId == "billing-prod" && r.Component == "control-plane" && r.Level == EolLevel.Eol);
        s.Score.ShouldBeGreaterThanOrEqualTo(ReportPolicy.Default.GreenFrom, "the thresholds alone would say green");
        s.Rating.ShouldBe(Rating.Red);
        s.Caps.ShouldContain(c => c.StartsWith("capped at red:", StringComparison.Ordinal) && c.Contains("billing-prod control-plane", StringComparison.Ordinal));
        Pdf.LinesWith($"Compliance score: {s.Score} / 100, RED").ShouldHaveSingleItem();
        Pdf.All.ShouldContain("The thresholds alone give GREEN (green from 80, amber from 60 to 79, red below 60); capped at red:");
    }

    [Theory]
    [InlineData(85, 0, 0.05, true, Rating.Green)]
    [InlineData(79, 0, 0.05, true, Rating.Amber)]
    [InlineData(59, 0, 0.05, true, Rating.Red)]
    [InlineData(95, 1, 0.05, true, Rating.Red)]
    [InlineData(95, 0, 0.12, true, Rating.Amber)]
    [InlineData(70, 0, 0.12, true, Rating.Amber)]
    [InlineData(95, 0, 0.05, false, Rating.Red)]
    public void the_colour_follows_the_stated_thresholds_then_the_caps(int score, int pastEol, double unknown, bool chain, Rating expected)
    {
        var (rating, caps) = ReportPolicy.Default.Rate(score, [.. Enumerable.Repeat("c-1 control-plane kubernetes 1.30.1", pastEol)], unknown, chain);
        rating.ShouldBe(expected);
        caps.Count.ShouldBe(rating == ReportPolicy.Default.Threshold(score) ? 0 : 1);
    }

    [Fact]
    public void the_unknown_share_is_stated_beside_e_not_silently_left_out()
    {
        var s = Report.Summary;
        s.EolUnknown.ShouldBeGreaterThan(0);
        s.EolUnknown.ShouldBe(Report.Eol.Where(r => r.Level == EolLevel.Unknown).Sum(r => r.Instances));
        var share = ((double)s.EolUnknown / (s.EolKnown + s.EolUnknown) * 100).ToString("0.0", CultureInfo.InvariantCulture);
        Pdf.All.ShouldContain($"Not in E: {s.EolUnknown} instance(s) with an unknown level ({share}% of {s.EolKnown + s.EolUnknown} running)");
        Pdf.All.ShouldContain($"Unknown level: {s.EolUnknown} instance(s), {share}% of those running");
        Report.Unknowns.Sum(u => u.Instances).ShouldBe(s.EolUnknown);
    }

    [Fact]
    public void open_findings_count_eol_components_and_sla_breaches_too()
    {
        var s = Report.Summary;
        var end = Report.Request.PeriodEnd;
        s.OpenByKind.ShouldContainKey(FindingKinds.EolComponent);
        // The domain's findings: one per production component (cluster, kind, product, cycle) at eol or high.
        s.OpenByKind[FindingKinds.EolComponent].ShouldBe(Report.Findings.Count(f => f.Kind == FindingKinds.EolComponent && f.IsOpenAt(end)));
        s.OpenByKind[FindingKinds.EolComponent].ShouldBeGreaterThanOrEqualTo(
            Report.Eol.Where(r => r.InProduction && r.Level == EolLevel.Eol).Select(r => (r.ClusterId, r.Product, r.Cycle)).Distinct().Count());
        s.OpenByKind.GetValueOrDefault(FindingKinds.PatchOverdue).ShouldBe(Report.Patches.Count(p => p.OpenPastSla));
        s.OpenFindings.ShouldBe(s.OpenByKind.Values.Sum());
        s.OpenFindings.ShouldBeGreaterThan(Report.Findings.Count(f => !FindingKinds.IsDerived(f.Kind) && f.IsOpenAt(end)));
        Report.Findings.Where(f => FindingKinds.IsDerived(f.Kind)).ShouldAllBe(f => f.DueAt != null && f.Owner.Length > 0);
        Pdf.All.ShouldContain($"{s.OpenFindings} open at the end of the period");
        Pdf.LinesWith("eol component", "C1", s.OpenByKind[FindingKinds.EolComponent].ToString(CultureInfo.InvariantCulture), "section 3").ShouldHaveSingleItem();
    }

    [Fact]
    public void the_score_states_its_formula_weighting_and_window_scoring()
    {
        Pdf.All.ShouldContain("Score = 100 x (E + P + M) / 3");
        Pdf.All.ShouldContain("E, P and M weigh one third each");
        Pdf.All.ShouldContain("0.5 when partial");
        var s = Report.Summary;
        s.WindowPoints.ShouldBe(s.WindowsIn(WindowResult.Held) + (0.5 * s.WindowsIn(WindowResult.Partial)));
    }
}
