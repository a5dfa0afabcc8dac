using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Evidence;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>
/// The findings register: every process, change and drain-readiness finding of the period with its owner, due date,
/// age, status (accepted under an exception, never hidden), control row and evidence. EOL components and SLA breaches are findings
/// too; they are listed where their facts are (sections 3 and 4) and counted here.
/// </summary>
internal static class FindingsSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("8. Findings and remediation");
        var end = report.Request.PeriodEnd;
        var derived = report.Findings.Where(f => FindingKinds.IsDerived(f.Kind)).ToList();
        var rows = report.Findings.Where(f => !FindingKinds.IsDerived(f.Kind)).ToList();
        flow.Paragraph($"{report.Findings.Count} finding(s) open at some time in the period, {report.Findings.Count(f => f.IsOpenAt(end))} open at its end. The owner is the team the cluster " +
            "is registered with; a due date is set where a rule gives one (EOL components: the end of support; patches: release + SLA), and a finding past it shows as overdue. " +
            $"{derived.Count(f => f.Kind != FindingKinds.PatchOverdue)} EOL or high-risk production component(s) (section 3) and {derived.Count(f => f.Kind == FindingKinds.PatchOverdue)} " +
            "patch(es) past their SLA (section 4) are findings too and are listed there. A finding an exception accepts shows as accepted in the status column, never hidden. " +
            "Control row: Appendix A.", Theme.Caption);
        if (rows.Count == 0) flow.Paragraph("No process, change or drain-readiness finding in the period.");
        else Register(flow, report, rows, end);
        Exceptions(flow, report);
    }

    private static void Register(Flow flow, AuditReport report, List<FindingRow> rows, DateTimeOffset end)
    {
        var table = new Table(new Column("Cluster", 1, Fit: true), new Column("Finding", 3.3f), new Column("Raised (UTC)", 2.2f), new Column("Owner", 1, Fit: true),
            new Column("Due", 1.6f), new Column("Status", 2.4f), new Column("Ctrl", 0.9f), new Column("Detail", 6.0f));
        foreach (var f in rows)
        {
            var status = EvidencePopulations.Status(f, end);
            var text = status == "resolved" && f.ResolvedAt is { } r ? $"resolved {Format.Day(r)}"
                : f.Exception is { } x && status == x.State ? $"{status} until {Format.Day(x.Expires)}, {Format.Days(f.AgeAt(end))} old"
                : $"{status}, {Format.Days(f.AgeAt(end))} old";
            table.AddWithNote(Format.Evidence(f.Evidence, shown: 3),
                f.ClusterId, new Cell(Format.Kind(f.Kind), f.IsOpenAt(end) ? Theme.Danger : null, Bold: f.IsOpenAt(end)), Format.Minute(f.RaisedAt), f.Owner,
                f.DueAt is { } due ? Format.Day(due) : "no rule", new Cell(text, f.IsOpenAt(end) ? Theme.Danger : null),
                report.Controls.RowFor(f.Kind)?.Id ?? "-", f.Detail);
        }

        table.Layout(flow);
    }

    /// <summary>Every risk acceptance of the period as it stood at its end, with who asked, who decided and until when.</summary>
    private static void Exceptions(Flow flow, AuditReport report)
    {
        flow.Heading($"Exceptions (risk acceptances): {report.Exceptions.Count}");
        if (report.Exceptions.Count == 0)
        {
            flow.Paragraph("No exception was requested, or in force, in the period.");
            return;
        }

        flow.Paragraph("An exception is requested with a reason and an expiry, and approved by a different actor holding the admin role; while in force the item it " +
            "names is shown as accepted, and it is open again at expiry or when its subject changes.", Theme.Caption);
        var table = new Table(new Column("Cluster", 1, Fit: true), new Column("Exception", 1, Fit: true), new Column("Subject", 3f), new Column("Requested", 2.2f),
            new Column("Decided", 2.2f), new Column("Until", 1, Fit: true), new Column("State", 1, Fit: true), new Column("Reason", 3.6f));
        foreach (var x in report.Exceptions)
        {
            table.AddWithNote(Format.Evidence(x.Evidence, shown: 3),
                x.ClusterId, x.ExceptionId, x.Subject, $"{x.RequestedBy} {Format.Minute(x.RequestedAt)}",
                x.DecidedAt is { } at ? $"{x.DecidedBy} {Format.Minute(at)}" : "not decided", Format.Day(x.ExpiresOn),
                new Cell(x.Status, x.Status is "accepted" or "requested" ? null : Theme.Danger), x.Reason + (x.LapseReason is { Length: > 0 } lapse ? $" (lapsed: {lapse})" : ""));
        }

        table.Layout(flow);
    }
}
