using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>What an auditor needs around the figures: the policy and scope, the controls, the trend, the road ahead, the glossary and a place to sign.</summary>
[Collection(SeededCollection.Name)]
public sealed class FramingTests(SeededLedger seeded)
{
    private AuditReport Report => seeded.Fleet.Report;

    private PdfText Pdf => seeded.FleetText;

    [Fact]
    public void the_policy_and_scope_page_names_each_cluster_and_the_policy_in_force_with_its_overrides()
    {
        var page = Pdf.Section("2. Policy and scope", "3. End-of-life risk");
        foreach (var c in Report.Clusters)
        {
            page.ShouldContain(l => l.StartsWith($"{c.ClusterId} {c.Environment} {c.Owner} {c.Flavour} {c.Staging ?? "-"} {c.PolicyLabel}", StringComparison.Ordinal), c.ClusterId);
        }

        Report.Policies.Sum(p => p.Clusters).ShouldBe(Report.Clusters.Count);
        var production = Report.Policies.Single(p => p.Overrides.Any(o => o.Value == "0 3 8 * *"));
        page.ShouldContain(l => l.StartsWith("window schedule (cron) 0 3 8 * * 0 2 * * 2#1 override", StringComparison.Ordinal));
        page.ShouldContain(l => l.StartsWith("critical patch SLA 72 hours 72 hours", StringComparison.Ordinal));
        page.ShouldContain(l => l.StartsWith("EOL high within 30 days 30 days", StringComparison.Ordinal));
        page.ShouldContain(l => l.StartsWith("extended support counted for amazon-eks only", StringComparison.Ordinal));
        page.ShouldContain(l => l.StartsWith($"Policy {production.Label}: {production.Clusters} cluster(s)", StringComparison.Ordinal));
        page.ShouldContain(l => l.Contains("green from 80, amber from 60 to 79, red below 60", StringComparison.Ordinal));
        page.ShouldContain("What this report does not measure");
        page.ShouldContain(l => l.Contains(Report.Clusters[0].Registered!.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void the_control_appendix_maps_every_finding_kind_from_the_platform_teams_table()
    {
        var table = Report.Controls;
        table.Frameworks.Select(f => f.Id).ShouldBe(["iso27001", "soc2", "nis2", "dora"]);
        foreach (var kind in FindingKinds.All) table.RowFor(kind).ShouldNotBeNull($"{kind} is mapped to a control row");
        table.RowFor(FindingKinds.EolComponent)!.ControlsOf("iso27001").ShouldBe("A.8.8, A.5.37");
        table.RowFor("unrecorded-change")!.ControlsOf("dora").ShouldBe("Art. 17");

        var appendix = Pdf.Section("Appendix A. Control mapping", "Appendix B.");
        appendix.ShouldContain(l => l.StartsWith("C1 EOL risk, upgrade plan A.8.8, A.5.37 CC7.1", StringComparison.Ordinal));
        appendix.ShouldContain(l => l.StartsWith("C4 unrecorded change A.8.32, A.8.9 CC8.1 §6.4 Art. 17 unrecorded change", StringComparison.Ordinal));
        appendix.ShouldContain(l => l.Contains(table.Sha256, StringComparison.Ordinal));
        Pdf.Section("8. Findings and remediation", "9. Forward view").ShouldContain(l => l.Contains(" C3 ", StringComparison.Ordinal) && l.Contains("missed window", StringComparison.Ordinal));
    }

    [Fact]
    public void a_control_table_that_maps_a_kind_twice_or_names_an_unknown_framework_is_refused_with_where()
    {
        var twice = """{"format":"compliance-controls/1","title":"t","note":"n","frameworks":[{"id":"soc2","name":"SOC 2"}],"rows":[{"id":"C1","verdict":"v","controls":{"soc2":"CC7.1"},"findings":["x"],"evidence":"e"},{"id":"C2","verdict":"w","controls":{},"findings":["x"],"evidence":"e"}]}""";
        Should.Throw<FormatException>(() => ControlTable.Parse(System.Text.Encoding.UTF8.GetBytes(twice))).Message.ShouldContain("row C2: finding kind 'x' is mapped by another row too");
        var unknown = twice.Replace("\"soc2\":\"CC7.1\"", "\"iso\":\"A.8.8\"", StringComparison.Ordinal);
        Should.Throw<FormatException>(() => ControlTable.Parse(System.Text.Encoding.UTF8.GetBytes(unknown))).Message.ShouldContain("row C1: framework 'iso' is not among the frameworks");
    }

    [Fact]
    public void the_trend_compares_the_score_and_key_counts_with_the_previous_period_of_equal_length()
    {
        var trend = Report.Trend;
        var r = Report.Request;
        trend.Previous.To.ShouldBe(r.From.AddDays(-1));
        (trend.Previous.To.DayNumber - trend.Previous.From.DayNumber).ShouldBe(r.To.DayNumber - r.From.DayNumber);
        trend.Current.ShouldBe(Report.Summary);
        var table = Pdf.Section("Trend against the previous period", "2. Policy and scope");
        table.ShouldContain(l => l.StartsWith($"score {trend.Previous.Score} {trend.Current.Score}", StringComparison.Ordinal));
        table.ShouldContain(l => l.StartsWith("findings open at the period's end", StringComparison.Ordinal));
        table.ShouldContain(l => l.StartsWith("patches breached", StringComparison.Ordinal));
    }

    [Fact]
    public void the_forward_view_shows_billing_prods_next_window_planning_no_control_plane_change_while_it_is_past_end_of_life()
    {
        var billing = Report.Forward.Single(f => f.ClusterId == "billing-prod");
        billing.WindowId.ShouldNotBeNull();
        billing.StartsAt!.Value.ShouldBeGreaterThan(Report.Request.AsOf);
        billing.Planned.ShouldNotContain(p => p.StartsWith("control plane", StringComparison.Ordinal));
        var deadline = billing.Deadlines.Single(d => d.Component == "control-plane");
        deadline.Level.ShouldBe(EolLevel.Eol);
        deadline.Covered.ShouldBeFalse();
        billing.Mismatch.ShouldBeTrue();
        Pdf.Section("9. Forward view", "Appendix A.").ShouldContain(l => l.StartsWith($"billing-prod team-billing {billing.WindowId}", StringComparison.Ordinal));
        Pdf.All.ShouldContain("control-plane kubernetes 1.34 eol due");
    }

    [Fact]
    public void the_report_ends_with_a_glossary_and_a_sign_off_block()
    {
        var glossary = Pdf.Section("Appendix D. Glossary", "Appendix E.");
        glossary.ShouldContain(l => l.StartsWith("as-of the instant whose knowledge the report states", StringComparison.Ordinal));
        glossary.ShouldContain(l => l.StartsWith("evidence stream@revision (#position)", StringComparison.Ordinal));
        var signOff = Pdf.Section("Sign-off", "\u0000");
        signOff.ShouldContain("Prepared by (platform team)");
        signOff.ShouldContain("Reviewed by (control owner)");
        signOff.ShouldContain("Accepted by (auditor)");
        signOff.Count(l => l.StartsWith("Name Role Date Signature", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public void what_met_its_sla_is_counted_per_cluster_and_only_what_did_not_is_listed()
    {
        var patches = Pdf.Section("4. Patch latency", "5. Maintenance");
        var late = Report.Patches.Where(p => p.Status != SlaStatus.Met).ToList();
        Report.Patches.Count(p => p.Status == SlaStatus.Met).ShouldBeGreaterThan(10 * late.Count);
        patches.Count(l => l.EndsWith(" breached", StringComparison.Ordinal) || l.EndsWith(" open past SLA", StringComparison.Ordinal) || l.EndsWith(" open", StringComparison.Ordinal))
            .ShouldBe(late.Count);
        patches.ShouldNotContain(l => l.EndsWith(" met", StringComparison.Ordinal));
        foreach (var c in Report.Results)
        {
            var total = c.PatchTotal;
            patches.ShouldContain(l => l.StartsWith(c.ClusterId + " ", StringComparison.Ordinal) && l.Contains($"{total.Met} / {total.Due}", StringComparison.Ordinal), c.ClusterId);
        }

        var windows = Pdf.Section("Windows not held as planned", "Notice of major changes");
        var rows = windows.Where(l => Report.Windows.Any(w => l.StartsWith($"{w.ClusterId} {w.WindowId} ", StringComparison.Ordinal))).ToList();
        rows.Count.ShouldBe(Report.Windows.Count(w => !w.AsPlanned || !w.ContingencyPlan || (w.State == WindowResult.Held && w.RetrospectiveAt is null)));
        rows.Count(l => l.Contains(" held ", StringComparison.Ordinal)).ShouldBe(Report.Windows.Count(w => w.State == WindowResult.Held && (!w.ContingencyPlan || w.RetrospectiveAt is null)));
        Report.Windows.Count(w => w.State == WindowResult.Held).ShouldBeGreaterThan(40);
        rows.Count.ShouldBeLessThan(Report.Windows.Count / 2);
    }
}
