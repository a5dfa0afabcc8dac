using System.Security.Cryptography;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Projections;
using Compliance.Application.Reports;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Events;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Adapters.Pdf.Tests;

[Collection(SeededCollection.Name)]
public sealed class ReportIssueTests(SeededLedger seeded)
{
    [Fact]
    public async Task two_runs_give_identical_bytes_a_matching_sha256_file_and_one_ledger_record()
    {
        var ledger = seeded.Copy();
        var folder = Path.GetDirectoryName(ledger)!;
        var clock = new FakeTimeProvider(SeededLedger.GeneratedAt);
        using var store = new SqliteEventStore(ledger, clock);
        using var handler = new CommandHandler(store);
        var service = new ReportService(store, handler, new PdfReportRenderer(), CatalogSnapshot.Embedded, clock);
        var request = SeededLedger.FleetRequest(SeededLedger.AsOf);

        var first = await service.IssueAsync(request, Path.Combine(folder, "first.pdf"), folder, "auditor", null, CancellationToken.None);
        var second = await service.IssueAsync(request with { }, Path.Combine(folder, "second.pdf"), folder, "auditor", null, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(first.Path);
        (await File.ReadAllBytesAsync(second.Path)).ShouldBe(bytes, "the same history, as-of and generation instant give the same bytes");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        first.Rendered.Sha256.ShouldBe(sha);
        (await File.ReadAllTextAsync(first.Sha256Path)).ShouldBe($"{sha}  first.pdf\n");
        first.Recorded.ShouldBeTrue();
        second.Recorded.ShouldBeFalse("the ledger already records this exact document");

        var recorded = new List<ReportIssued>();
        await foreach (var e in store.ReadStreamAsync("reports", Direction.Forwards, 0, 10, CancellationToken.None))
            recorded.Add((ReportIssued)EventSerializer.Default.FromStored(e));
        var issued = recorded.ShouldHaveSingleItem();
        issued.ShouldBe(new ReportIssued("fleet", request.From, request.To, request.AsOf, sha, "first.pdf", SeededLedger.GeneratedAt));
    }

    [Fact]
    public async Task the_default_file_name_says_scope_period_and_as_of()
    {
        var name = ReportService.FileNameFor(SeededLedger.FleetRequest(SeededLedger.AsOf), "pdf");
        name.ShouldBe("compliance-fleet-2025-05-25_2026-11-25-asof-20261125T235959Z.pdf");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task projections_read_past_a_recorded_report_without_failing()
    {
        var ledger = seeded.Copy();
        var clock = new FakeTimeProvider(SeededLedger.GeneratedAt);
        using var store = new SqliteEventStore(ledger, clock);
        using var handler = new CommandHandler(store);
        var service = new ReportService(store, handler, new PdfReportRenderer(), CatalogSnapshot.Embedded, clock);
        var rendered = await service.RenderAsync(SeededLedger.FleetRequest(SeededLedger.AsOf), null, CancellationToken.None);
        (await service.RecordAsync(rendered, rendered.FileName, "auditor", CancellationToken.None)).ShouldBeTrue();

        var readModels = new SqliteReadModelStore(Path.Combine(Path.GetDirectoryName(ledger)!, "readmodels.db"));
        var runner = new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock);
        var projected = await runner.RebuildAsync(CancellationToken.None);

        projected.ShouldBe(rendered.Report.Ledger.Position + 1);
        (await readModels.ReadCheckpointAsync(CancellationToken.None)).ShouldBe(projected);
        (await readModels.ClustersAsync(CancellationToken.None)).Count.ShouldBe(10);
    }
}
