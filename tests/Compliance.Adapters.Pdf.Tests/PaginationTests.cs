using System.Globalization;
using Compliance.Application.Reports;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Adapters.Pdf.Tests;

public sealed class PaginationTests
{
    private const int Clusters = 300;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_300_cluster_fleet_breaks_its_tables_across_pages_with_the_header_on_every_page()
    {
        var request = new ReportRequest(ReportScope.Fleet, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), "Example Bank plc");

        var rendered = await SeededLedger.RenderFreshAsync(Fleet(), request);
        var pdf = PdfText.Read(rendered.Bytes);

        rendered.Report.Clusters.Count.ShouldBe(Clusters);
        var eolRowPages = pdf.Pages.Where(p => p.Any(IsEolRow)).ToList();
        eolRowPages.Count.ShouldBeGreaterThan(5);
        eolRowPages.ShouldAllBe(p => p.Any(IsEolHeader), "every page the EOL table continues on repeats its header");
        eolRowPages.Sum(p => p.Count(IsEolRow)).ShouldBe(rendered.Report.Eol.Count(r => r.Product == "kubernetes" && r.Level == EolLevel.High), "each row is drawn once, whole");
        pdf.Pages.Count.ShouldBeGreaterThan(eolRowPages.Count);
        pdf.Pages[^1].ShouldContain(l => l.Contains($"Page {pdf.Pages.Count} of {pdf.Pages.Count}"));
    }

    private static bool IsEolHeader(string line) =>
        line.StartsWith("Cluster Owner Component Version End of standard", StringComparison.Ordinal);

    private static bool IsEolRow(string line) =>
        line.StartsWith("c-", StringComparison.Ordinal) && line.Contains(" platform ", StringComparison.Ordinal) && line.Contains("kubernetes 1.32", StringComparison.Ordinal) && line.Contains(" high ", StringComparison.Ordinal)
        && line.Contains("2026-02-28 (", StringComparison.Ordinal);

    /// <summary>300 production clusters, each with its control plane and one node on Kubernetes 1.32.</summary>
    private static IEnumerable<(DateTimeOffset, Command)> Fleet()
    {
        for (var i = 0; i < Clusters; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"c-{i:000}");
            var at = Start.AddMinutes(i);
            yield return (at, new RegisterCluster(id, $"Cluster {i}", Environment.Production, "platform", Flavour.Upstream, null, "test", at));
            yield return (at, new RecordObservation(new ControlPlaneVersionObserved(id, "v1.32.3", "linux/amd64", at), "test", at));
            yield return (at, new RecordObservation(new NodeObserved(id, "node-1",
                new NodeInfo("v1.32.3", "v1.32.3", "Ubuntu 22.04.5 LTS", "5.15.0-1057-aws", "containerd://1.7.20", "amd64", "linux", "m", "u", "b"),
                new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "4", ["memory"] = "16Gi" }, false,
                new Dictionary<string, string>(), at), "test", at));
        }
    }
}
