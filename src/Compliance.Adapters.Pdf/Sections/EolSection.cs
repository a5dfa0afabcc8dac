using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

internal static class EolSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("2. End-of-life risk");
        flow.Paragraph($"Every component version running at the end of {Format.Day(report.EolDay)}, worst first. Instances of one version on several " +
            "nodes or add-on containers are grouped (count in brackets). Days left count to the cycle's end of life (or end of extended support where it applies); " +
            "patches behind counts the cycle's patches released by then and not running.", Theme.Caption);
        var table = new Table(
            new Column("Cluster", 3f), new Column("Env", 1.9f), new Column("Component", 5.0f), new Column("Version", 3.4f), new Column("Cycle", 1.4f),
            new Column("EOL date", 2.4f), new Column("Days left", 1.6f, Right: true), new Column("Level", 2.2f), new Column("Patches behind", 1.8f, Right: true));
        foreach (var row in report.Eol)
        {
            table.Add(row.ClusterId, row.Environment,
                row.Instances > 1 ? $"{row.Component} ({row.Instances})" : row.Component,
                row.Product.Length > 0 ? $"{row.Product} {row.Version}" : row.Version,
                row.Cycle.Length > 0 ? row.Cycle : "-",
                Format.Day(row.Eol), Format.Number(row.DaysLeft),
                new Cell(Format.Level(row.Level), Theme.Level(row.Level), Bold: true),
                Format.Number(row.PatchesBehind));
        }

        if (table.Count == 0) flow.Paragraph("No component was running in scope.");
        else table.Layout(flow);
    }
}
