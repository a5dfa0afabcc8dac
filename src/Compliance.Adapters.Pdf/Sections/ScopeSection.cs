using System.Globalization;
using Compliance.Adapters.Pdf.Composition;
using Compliance.Application.Reports;

namespace Compliance.Adapters.Pdf.Sections;

/// <summary>The policy and scope page: the policies in force with their overrides, the report's own rules, the clusters in scope, and what is not measured.</summary>
internal static class ScopeSection
{
    public static void Compose(Flow flow, AuditReport report)
    {
        flow.Section("2. Policy and scope");
        flow.Paragraph($"The policy in force at the end of the period for each cluster in scope, every setting beside the default. {report.Clusters.Count} cluster(s) " +
            $"in scope under {report.Policies.Count} distinct polic{(report.Policies.Count == 1 ? "y" : "ies")}.", Theme.Caption);
        foreach (var policy in report.Policies)
        {
            flow.Heading($"Policy {policy.Label}: {policy.Clusters} cluster(s)" + (policy.Overrides.Any() ? $", {policy.Overrides.Count()} setting(s) differ from the default" : ", the default"), Theme.Strong, 60);
            var table = new Table(new Column("Setting", 3.2f), new Column("In force", 4.2f), new Column("Default", 4.2f), new Column("", 1.4f));
            foreach (var setting in policy.Settings)
            {
                table.Add(setting.Name, new Cell(setting.Value, Bold: setting.Overridden), setting.Default, setting.Overridden ? new Cell("override", Theme.Warning, Bold: true) : "");
            }

            table.Layout(flow);
        }

        var rules = report.Request.Rules;
        flow.Heading("How this report scores and looks ahead");
        flow.KeyValues(
        [
            ("Score", PeriodFigures.Formula),
            ("Weighting", ReportPolicy.Weighting),
            ("Colour", string.Join("; ", rules.Rules)),
            ("Forward view", string.Create(CultureInfo.InvariantCulture, $"deadlines within {rules.HorizonDays} days after as-of")),
        ], keyWidth: 90);

        flow.Heading("Clusters in scope");
        var clusters = new Table(new Column("Cluster", 1, Fit: true), new Column("Environment", 1.6f), new Column("Owner", 2.4f), new Column("Flavour", 1.6f),
            new Column("Staging pair", 1, Fit: true), new Column("Policy", 1.2f), new Column("Policy changes in period", 1.6f, Right: true));
        foreach (var c in report.Clusters)
        {
            clusters.AddWithNote(Format.Evidence([.. new[] { c.Registered, c.PolicySet }.OfType<Citation>()]),
                c.ClusterId, c.Environment, c.Owner, c.Flavour, c.Staging ?? "-", c.PolicyLabel, Format.Number(c.PolicyChangesInPeriod));
        }

        clusters.Layout(flow);

        flow.Heading("What this report does not measure");
        foreach (var limit in ReportNotes.NotMeasured) flow.Paragraph($"- {limit}", Theme.Body, 2);
    }
}
