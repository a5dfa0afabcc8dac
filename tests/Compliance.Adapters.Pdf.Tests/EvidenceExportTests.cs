using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Catalog;
using Compliance.Application.Evidence;
using Compliance.Application.Reports;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Microsoft.Extensions.Time.Testing;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>The populations behind a report, every row with its evidence, in a file an auditor can sample and check against the report.</summary>
[Collection(SeededCollection.Name)]
public sealed class EvidenceExportTests(SeededLedger seeded)
{
    private AuditReport Report => seeded.Fleet.Report;

    [Fact]
    public async Task the_csv_holds_every_row_of_the_report_with_its_evidence_and_each_population_hashes_as_the_report_says()
    {
        var export = await ExportAsync(seeded.Copy(), SeededLedger.FleetRequest(SeededLedger.AsOf), EvidenceFormat.Csv);
        var lines = Encoding.UTF8.GetString(export.Bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("population,cluster,environment,owner,item,kind,at,due,closed,status,detail,evidence,actors");
        Count(lines, "changes").ShouldBe(Report.Changes.Count);
        Count(lines, "windows").ShouldBe(Report.Windows.Count);
        Count(lines, "patches").ShouldBe(Report.Patches.Count);
        Count(lines, "findings").ShouldBe(Report.Findings.Count);
        Report.Patches.Count(p => p.Status == SlaStatus.Met).ShouldBeGreaterThan(0, "met rows are exported too");
        lines.Skip(1).ShouldAllBe(l => l.Contains("#", StringComparison.Ordinal) || l.Contains("catalog snapshot", StringComparison.Ordinal), "every row cites its evidence");
        lines.ShouldContain(l => l.StartsWith("windows,billing-prod,production,team-billing,", StringComparison.Ordinal) && l.Contains(",partial,", StringComparison.Ordinal) && l.Contains("ops:", StringComparison.Ordinal));

        export.Report.Export.Populations.ShouldBe(Report.Export.Populations, "the export and the report agree on what they hold");
        foreach (var population in Report.Export.Populations)
        {
            var own = lines.Where(l => l.StartsWith(population.Name + ",", StringComparison.Ordinal)).Select(l => l + "\n");
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(own)))).ShouldBe(population.Sha256, population.Name);
        }

        Report.Export.CsvFileName.ShouldBe("evidence-fleet-2025-05-25_2026-11-25-asof-20261125T235959Z.csv");
        var appendix = seeded.FleetText.Section("Appendix C. Evidence export", "Appendix D.");
        appendix.ShouldContain(l => l.Contains(Report.Export.CsvFileName, StringComparison.Ordinal));
        foreach (var p in Report.Export.Populations) appendix.ShouldContain(l => l.StartsWith($"{p.Name} {p.Rows} {p.Sha256}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_json_carries_the_same_rows_and_digests_with_the_ledger_head()
    {
        var export = await ExportAsync(seeded.Copy(), SeededLedger.FleetRequest(SeededLedger.AsOf), EvidenceFormat.Json);
        using var json = JsonDocument.Parse(export.Bytes);
        var root = json.RootElement;

        root.GetProperty("format").GetString().ShouldBe("compliance-evidence/1");
        root.GetProperty("ledgerHead").GetProperty("hash").GetString().ShouldBe(Report.Ledger.Hash);
        var populations = root.GetProperty("populations").EnumerateArray().ToList();
        populations.Select(p => p.GetProperty("name").GetString()).ShouldBe(["changes", "windows", "patches", "findings", "exceptions"]);
        foreach (var p in populations)
        {
            var digest = Report.Export.Populations.Single(d => d.Name == p.GetProperty("name").GetString());
            p.GetProperty("sha256").GetString().ShouldBe(digest.Sha256);
            p.GetProperty("items").GetArrayLength().ShouldBe(digest.Rows);
        }

        var patch = populations[2].GetProperty("items")[0];
        patch.GetProperty("evidence").GetString()!.ShouldStartWith("release ");
        patch.GetProperty("actors").GetString()!.ShouldNotBeEmpty();
        (await ExportAsync(seeded.Copy(), SeededLedger.FleetRequest(SeededLedger.AsOf), EvidenceFormat.Json)).Bytes.ShouldBe(export.Bytes, "the same ledger and request give the same bytes");
    }

    [Fact]
    public async Task the_export_knows_only_what_was_recorded_by_as_of()
    {
        var ledger = seeded.Copy();
        var juneEnd = Days.EndOf(new DateOnly(2026, 6, 30));
        var before = await ExportAsync(ledger, SeededLedger.FleetRequest(juneEnd), EvidenceFormat.Csv);
        var recordedInJuly = new DateTimeOffset(2026, 7, 15, 10, 0, 0, TimeSpan.Zero);
        var late = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await SeededLedger.WriteAsync(ledger,
        [
            (recordedInJuly, new RegisterCluster("late-cluster", "Late cluster", Environment.Production, "platform", Flavour.Upstream, null, "test", late)),
            (recordedInJuly, new RecordObservation(new ControlPlaneVersionObserved("late-cluster", "v1.30.2", "linux/amd64", late.AddDays(1)), "test", recordedInJuly)),
        ], sourceSeed: 1002);

        var again = await ExportAsync(ledger, SeededLedger.FleetRequest(juneEnd), EvidenceFormat.Csv);
        again.Bytes.ShouldBe(before.Bytes);
        Encoding.UTF8.GetString(again.Bytes).ShouldNotContain("late-cluster");
    }

    [Fact]
    public async Task the_export_is_written_with_its_sha256_and_never_over_an_existing_file_unasked_or_over_the_data_directory()
    {
        var ledger = seeded.Copy();
        var data = Path.GetDirectoryName(ledger)!;
        var outside = Directory.CreateTempSubdirectory("compliance-export-").FullName;
        var request = SeededLedger.FleetRequest(SeededLedger.AsOf);
        try
        {
            var target = Path.Combine(outside, "population.csv");
            var written = await WriteAsync(ledger, request, target, force: false, data);
            var bytes = await File.ReadAllBytesAsync(target);
            (await File.ReadAllTextAsync(target + ".sha256")).ShouldBe($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  population.csv\n");
            written.Export.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));

            (await Should.ThrowAsync<ExportRefusedException>(() => WriteAsync(ledger, request, target, force: false, data)))
                .Message.ShouldBe($"'{target}' exists; pass --force to replace it");
            await File.WriteAllTextAsync(target, "changed");
            await WriteAsync(ledger, request, target, force: true, data);
            (await File.ReadAllBytesAsync(target)).ShouldBe(bytes);

            var ledgerBefore = await File.ReadAllBytesAsync(ledger);
            (await Should.ThrowAsync<ExportRefusedException>(() => WriteAsync(ledger, request, ledger, force: true, data)))
                .Message.ShouldContain("is a file of the data directory");
            (await File.ReadAllBytesAsync(ledger)).ShouldBe(ledgerBefore, "the ledger is untouched");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    private static int Count(string[] lines, string population) => lines.Count(l => l.StartsWith(population + ",", StringComparison.Ordinal));

    private static async Task<EvidenceExport> ExportAsync(string ledger, ReportRequest request, EvidenceFormat format)
    {
        var clock = new FakeTimeProvider(SeededLedger.GeneratedAt);
        using var store = new SqliteEventStore(ledger, clock);
        return await new EvidenceExportService(store, CatalogSnapshot.Embedded, clock).ExportAsync(request, format, null, CancellationToken.None);
    }

    private static async Task<WrittenExport> WriteAsync(string ledger, ReportRequest request, string path, bool force, string data)
    {
        var clock = new FakeTimeProvider(SeededLedger.GeneratedAt);
        using var store = new SqliteEventStore(ledger, clock);
        return await new EvidenceExportService(store, CatalogSnapshot.Embedded, clock).WriteAsync(request, EvidenceFormat.Csv, path, "reports", force, data, null, CancellationToken.None);
    }
}
