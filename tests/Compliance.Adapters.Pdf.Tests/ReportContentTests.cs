using System.Globalization;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>The fleet report of the seeded demo history, read back from the PDF: each section states the scenario's facts.</summary>
[Collection(SeededCollection.Name)]
public sealed class ReportContentTests(SeededLedger seeded)
{
    private AuditReport Report => seeded.Fleet.Report;

    private PdfText Pdf => seeded.FleetText;

    [Fact]
    public void the_cover_names_organisation_scope_period_as_of_generation_and_the_ledger_head()
    {
        var cover = Pdf.Pages[0];
        cover.ShouldContain(l => l.Contains("Example Bank plc"));
        cover.ShouldContain(l => l.Contains("Whole fleet (fleet); 10 cluster(s)"));
        cover.ShouldContain(l => l.Contains("2025-05-25 to 2026-11-25"));
        cover.ShouldContain(l => l.Contains("As of 2026-11-25 23:59 UTC"));
        cover.ShouldContain(l => l.Contains("Generated at 2026-11-26 08:00 UTC"));
        cover.ShouldContain(l => l.Contains(Report.Ledger.Hash));
        cover.ShouldContain(l => l.Contains("Hash chain verification: PASSED"));
        Report.Ledger.Position.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void the_metadata_carries_title_author_and_the_as_of_instant_as_creation_date()
    {
        Pdf.Info["Title"].ShouldBe("Compliance audit report: Whole fleet, 2025-05-25 to 2026-11-25");
        Pdf.Info["Author"].ShouldBe("Example Bank plc");
        Pdf.Info["Subject"].ShouldContain("as recorded up to 2026-11-25 23:59 UTC");
        Pdf.Info["CreationDate"].ShouldStartWith("D:20261125235959");
        Pdf.Info["ModifiedDate"].ShouldStartWith("D:20261125235959");
    }

    [Fact]
    public void the_summary_states_the_score_with_its_formula_and_the_counts_per_level()
    {
        var s = Report.Summary;
        Pdf.LinesWith($"Compliance score: {s.Score} / 100").ShouldHaveSingleItem();
        Pdf.All.ShouldContain("Score = 100 x (E + P + M) / 3");
        s.EolLevels[EolLevel.Eol].ShouldBeGreaterThan(0);
        Pdf.LinesWith("eol", s.EolLevels[EolLevel.Eol].ToString(CultureInfo.InvariantCulture), "end of life has passed").ShouldHaveSingleItem();
        Pdf.LinesWith($"{s.Sla.AppliedWithinSla} of {s.Sla.Due} patch and cluster pair(s) due were applied within SLA").ShouldHaveSingleItem();
    }

    [Fact]
    public void billing_prod_runs_its_control_plane_past_end_of_life()
    {
        var row = Report.Eol.Single(r => r.ClusterId == "billing-prod" && r.Component == "control-plane");
        row.Level.ShouldBe(EolLevel.Eol);
        Report.Eol[0].Level.ShouldBe(EolLevel.Eol);
        Pdf.LinesWith("billing-prod", "team-billing", "control-plane", $"{row.Product} {row.Version}", Format(row.Eol), "eol").ShouldHaveSingleItem();
    }

    [Fact]
    public void every_level_label_of_the_eol_table_stays_on_one_line()
    {
        // The narrowest label column once wrapped "unknown" into "unkno" / "wn".
        var table = Pdf.Section("3. End-of-life risk", "4. Patch latency");
        foreach (var level in Report.Eol.Select(r => r.Level).Distinct())
        {
            var label = level.ToString().ToLowerInvariant();
            table.ShouldContain(l => l.Split(' ').Contains(label), $"the EOL table shows '{label}' whole");
        }

        Report.Eol.Select(r => r.Level).ShouldContain(EolLevel.Unknown);
    }

    [Fact]
    public void the_late_critical_patch_on_payments_prod_is_breached_with_its_latency()
    {
        var row = Report.Patches.Single(p => p.ClusterId == "payments-prod" && p.Critical);
        row.Status.ShouldBe(SlaStatus.Breached);
        row.Latency!.Value.TotalHours.ShouldBeInRange(75, 85);
        var latency = row.Latency.Value.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + " h";
        row.Component.ShouldBe("control plane, kubelet/proxy");
        Pdf.LinesWith("payments-prod", $"{row.Version} (critical)", latency, "breached").ShouldHaveSingleItem();
    }

    [Fact]
    public void the_missed_window_on_data_prod_is_listed_as_missed()
    {
        var window = Report.Windows.Single(w => w.State == WindowResult.Missed);
        window.ClusterId.ShouldBe("data-prod");
        Pdf.LinesWith("data-prod", window.WindowId, "missed").ShouldNotBeEmpty();
        Report.Findings.ShouldContain(f => f.Kind == FindingKinds.Key(FindingKind.MissedWindow) && f.ClusterId == "data-prod");
    }

    [Fact]
    public void the_unrecorded_change_on_shop_staging_is_in_the_changes_and_the_register_with_its_evidence()
    {
        var finding = Report.Unrecorded.ShouldHaveSingleItem();
        finding.ClusterId.ShouldBe("shop-staging");
        Pdf.Section("6. Changes", "7. Drain readiness").ShouldContain(l => l.Contains("shop-staging") && l.Contains("unrecorded"));
        var register = Pdf.Section("8. Findings and remediation", "9. Forward view");
        register.ShouldContain(l => l.Contains("shop-staging") && l.Contains("unrecorded"));
        register.ShouldContain(l => l.Contains(finding.Evidence[0].ToString()));
    }

    [Fact]
    public void drain_readiness_lists_open_risks_and_an_estimate_per_window()
    {
        var register = Pdf.Section("8. Findings and remediation", "9. Forward view");
        register.ShouldContain(l => l.Contains("data-prod") && l.Contains("long grace period"), string.Join("\n", register));
        register.ShouldContain(l => l.Contains("billing-prod") && l.Contains("pdb allows no"));
        Report.DrainWindows.ShouldNotBeEmpty();
        Report.DrainWindows.ShouldAllBe(d => d.Estimated > TimeSpan.Zero);
        Pdf.Section("7. Drain readiness", "8. Findings").ShouldContain(l => l.StartsWith("Verdict: the estimated drain time", StringComparison.Ordinal));
    }

    [Fact]
    public void maintenance_states_notice_staging_first_and_the_plans_and_retrospectives()
    {
        Report.Notices.ShouldContain(n => n.ClusterId == "shop-staging" && !n.Met);
        Pdf.Section("Notice of major changes", "Staging-first checks").ShouldContain(l => l.Contains("shop-staging") && l.Contains("short"));
        Report.Notices.ShouldContain(n => n.Met);
        Report.Staging.ShouldContain(s => s.ClusterId == "payments-prod" && s.Result == StagingResult.Skipped);
        Pdf.LinesWith("payments-prod", "payments-staging", "staging skipped").ShouldNotBeEmpty();
        Pdf.All.ShouldContain($"Contingency plan recorded for {Report.Windows.Count(w => w.ContingencyPlan)}");
    }

    [Fact]
    public void the_appendix_gives_catalog_provenance_and_the_chain_verification()
    {
        var catalog = Pdf.Section("Appendix B. Release catalog", "Appendix C.");
        var kubernetes = Report.Catalog.Single(c => c.Product == "kubernetes");
        catalog.ShouldContain(l => l.StartsWith("kubernetes ", StringComparison.Ordinal) && l.Contains(Format(kubernetes.RetrievedOn)));
        var chain = Pdf.Section("Appendix E. Hash chain verification", "Sign-off");
        chain.ShouldContain(l => l.Contains("Result PASSED"));
        chain.ShouldContain(l => l.Contains($"Events verified {Report.Ledger.Position}"));
    }

    [Fact]
    public void every_page_says_page_x_of_y()
    {
        var count = Pdf.Pages.Count;
        count.ShouldBeGreaterThan(10);
        for (var i = 0; i < count; i++) Pdf.Pages[i].ShouldContain(l => l.Contains($"Page {i + 1} of {count}"));
    }

    private static string Format(DateOnly? day) => day!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
