using Compliance.Application.Evidence;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>
/// Issue 12, items 3 and 5: the report lists the period's risk acceptances (who asked, who approved, until when, the
/// state at the end of the period), the finding an exception accepts shows as accepted, and the evidence export has
/// an exceptions population.
/// </summary>
[Collection(SeededCollection.Name)]
public sealed class ExceptionsReportTests(SeededLedger seeded)
{
    private AuditReport Report => seeded.Fleet.Report;

    [Fact]
    public void the_report_lists_each_exception_with_requester_approver_expiry_and_state()
    {
        var accepted = Report.Exceptions.Single(x => x.ExceptionId == "ingress-nginx-retired");
        accepted.ClusterId.ShouldBe("web-prod");
        accepted.Status.ShouldBe("accepted");
        accepted.RequestedBy.ShouldNotBe(accepted.DecidedBy);
        accepted.Evidence.Count.ShouldBe(2); // the request and the approval, with their actors
        var expired = Report.Exceptions.Single(x => x.ExceptionId == "invoice-db-pdb");
        expired.Status.ShouldBe("expired");
        // The accepted item is shown as accepted, never hidden; the expired one is open again.
        Report.Findings.ShouldContain(f => f.ClusterId == "web-prod" && f.Kind == FindingKinds.EolComponent && f.Exception != null && f.Exception.State == "accepted");
        Report.Findings.ShouldContain(f => f.ClusterId == "billing-prod" && f.Kind == "pdb-allows-no-disruption" && f.Exception == null && f.IsOpenAt(Report.Request.PeriodEnd));

        var section = seeded.FleetText.Section("Exceptions (risk acceptances)", "9. Forward view");
        section[0].ShouldContain($"Exceptions (risk acceptances): {Report.Exceptions.Count}");
        section.ShouldContain(l => l.Contains("web-prod") && l.Contains("ingress-nginx-retired") && l.Contains("accepted"), string.Join("\n", section));
        section.ShouldContain(l => l.Contains("billing-prod") && l.Contains("invoice-db-pdb") && l.Contains("expired"), string.Join("\n", section));
    }

    [Fact]
    public void an_accepted_component_is_shown_as_accepted_in_the_eol_section()
    {
        var row = Report.Eol.Single(r => r.ClusterId == "web-prod" && r.Product == "ingress-nginx");
        row.Accepted.ShouldNotBeNull();
        row.Accepted.ExceptionId.ShouldBe("ingress-nginx-retired");
        Report.Eol.Where(r => r.ClusterId != "web-prod").ShouldAllBe(r => r.Accepted == null);

        // The status cell wraps inside its column; its exception is named in section 8.
        var section = seeded.FleetText.Section("3. End-of-life risk", "4. Patch latency");
        section.ShouldContain(l => l.Contains("accepted", StringComparison.Ordinal), string.Join("\n", section));
    }

    [Fact]
    public void the_exceptions_are_a_population_of_the_evidence_export_with_their_evidence()
    {
        var rows = EvidencePopulations.Rows(Report, "exceptions").ToList();

        rows.Count.ShouldBe(Report.Exceptions.Count);
        rows.ShouldAllBe(r => r.Evidence.Contains('#') && r.Actors.Length > 0);
        rows.ShouldContain(r => r.Item == "ingress-nginx-retired" && r.Status == "accepted" && r.Owner == "team-web");
        EvidencePopulations.Digests(Report).Select(d => d.Name).ShouldContain("exceptions");
    }
}
