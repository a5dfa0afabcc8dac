using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Catalog;
using Compliance.Application.Demo;
using Compliance.Application.Handling;
using Compliance.Application.Reports;
using Compliance.Application.Serialization;
using Compliance.Domain.Commands;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Adapters.Pdf.Tests;

/// <summary>
/// The demo fleet (seed 7, ending 2026-11-25) written through the command handler into a temporary SQLite ledger, each
/// event recorded at its step's instant; plus helpers that write and render reports against copies of it.
/// </summary>
public sealed class SeededLedger : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly DateTimeOffset AsOf = new(2026, 11, 25, 23, 59, 59, TimeSpan.Zero);
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    public string Folder { get; } = Directory.CreateTempSubdirectory("compliance-pdf-tests-").FullName;

    public string LedgerFile => Path.Combine(Folder, "ledger.db");

    /// <summary>The fleet report over the whole history as of the end of <see cref="Today"/>, rendered from a copy.</summary>
    public RenderedReport Fleet { get; private set; } = null!;

    public PdfText FleetText { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await WriteAsync(LedgerFile, DemoFleet.Generate(CatalogSnapshot.Embedded.Catalog, Today, 7).Select(s => (s.At, s.Command)));
        var copy = Copy();
        Fleet = await RenderAsync(copy, FleetRequest(AsOf));
        FleetText = PdfText.Read(Fleet.Bytes);
    }

    /// <summary>The whole 18 months of the demo (its critical patch falls in the first half), as of <paramref name="asOf"/>.</summary>
    public static ReportRequest FleetRequest(DateTimeOffset asOf) =>
        new(ReportScope.Fleet, Today.AddMonths(-18), Today, asOf, "Example Bank plc");

    /// <summary>Each command decided and appended with the ledger's clock at its instant.</summary>
    public static async Task WriteAsync(string ledgerFile, IEnumerable<(DateTimeOffset At, Command Command)> steps, int sourceSeed = 7)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var store = new SqliteEventStore(ledgerFile, clock, SqliteSynchronous.Normal);
        using var handler = new CommandHandler(store);
        await DemoRecorder.RecordAsync(handler, steps.Select(s => new DemoStep(s.At, s.Command)), EventIds.Derive(Guid.Empty, sourceSeed),
            at =>
            {
                if (at > clock.GetUtcNow()) clock.SetUtcNow(at);
            },
            CancellationToken.None);
    }

    /// <summary>A private copy of the ledger file (tests that append or tamper use one).</summary>
    public string Copy()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-pdf-copy-").FullName;
        var file = Path.Combine(folder, "ledger.db");
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(LedgerFile + suffix)) File.Copy(LedgerFile + suffix, file + suffix);
        }

        return file;
    }

    public static async Task<RenderedReport> RenderAsync(string ledgerFile, ReportRequest request, DateTimeOffset? now = null, PdfReportRenderer? renderer = null)
    {
        var clock = new FakeTimeProvider(now ?? GeneratedAt);
        using var store = new SqliteEventStore(ledgerFile, clock);
        using var handler = new CommandHandler(store);
        var service = new ReportService(store, handler, renderer ?? new PdfReportRenderer(), CatalogSnapshot.Embedded, clock);
        return await service.RenderAsync(request, null, CancellationToken.None);
    }

    /// <summary>Writes <paramref name="steps"/> into a ledger of their own in a scratch folder, renders the report from it, then removes the folder.</summary>
    public static async Task<RenderedReport> RenderFreshAsync(IEnumerable<(DateTimeOffset At, Command Command)> steps, ReportRequest request)
    {
        var folder = Directory.CreateTempSubdirectory("compliance-pdf-fresh-").FullName;
        try
        {
            var ledger = Path.Combine(folder, "ledger.db");
            await WriteAsync(ledger, steps);
            return await RenderAsync(ledger, request);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
