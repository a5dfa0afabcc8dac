using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>Every observed version change counted by how it was made; the unrecorded ones (and any the checks did not judge) detailed.</summary>
internal static class ChangesSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("6. Changes", newPage: false);
        var changes = report.Changes;
        int N(ChangeRoute r) => changes.Count(c => c.Route == r);
        flow.Paragraph($"Version changes observed in the period: {changes.Count} (node components of one kind and version move within an hour counted as one). " +
            $"{N(ChangeRoute.Window)} made in a started maintenance window, {N(ChangeRoute.Emergency)} under a recorded emergency patch, " +
            $"{N(ChangeRoute.Unrecorded)} unrecorded (no open window, no emergency patch), {N(ChangeRoute.NotJudged)} not judged.", Theme.Caption);
        var exceptions = changes.Where(c => c.Route is ChangeRoute.Unrecorded or ChangeRoute.NotJudged).ToList();
        if (exceptions.Count == 0)
        {
            flow.Paragraph("No unrecorded change in the period.");
            return;
        }

        var table = new Table(new Column("Cluster", 1, Fit: true), new Column("Observed (UTC)", 2.4f), new Column("Component", 5f), new Column("Change", 4f), new Column("Route", 2f));
        foreach (var c in exceptions)
        {
            table.AddWithNote(Format.Evidence(c.Evidence, shown: 2),
                c.ClusterId, Format.Minute(c.At), c.Component, $"{c.Product} {c.FromVersion} -> {c.ToVersion}",
                new Cell(c.Route == ChangeRoute.Unrecorded ? "unrecorded" : "not judged", Theme.Danger, Bold: true));
        }

        table.Layout(flow);
    }
}
