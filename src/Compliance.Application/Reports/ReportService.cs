using System.Globalization;
using System.Security.Cryptography;
using Compliance.Application.Catalog;
using Compliance.Application.Checkpoints;
using Compliance.Application.Files;
using Compliance.Application.Handling;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Application.Reports;

/// <summary>A rendered report in memory: its data, its bytes, their SHA-256 (lower-case hex) and the file name it is issued under.</summary>
public sealed record RenderedReport(AuditReport Report, byte[] Bytes, string Sha256, string FileName);

/// <summary>An issued report: where the document and its <c>.sha256</c> were written, and whether the ledger recorded it now (false: already recorded).</summary>
public sealed record IssuedReport(RenderedReport Rendered, string Path, string Sha256Path, bool Recorded);

/// <summary>
/// Issues auditor reports: builds the data from the ledger as of the requested instant, renders it, writes the document
/// and a <c>.sha256</c> beside it (the <c>sha256sum</c> format), then records <see cref="ReportIssued"/> on stream
/// <c>reports</c>, so the ledger says which documents were handed out. With <paramref name="checkpoints"/>, the report
/// carries a signed checkpoint of its as-of head (recorded in the ledger with the report). The same history, as-of and
/// key give the same bytes (Ed25519 signatures are deterministic).
/// </summary>
public sealed class ReportService(IEventReader reader, CommandHandler handler, IReportRenderer renderer, CatalogSnapshot catalog, TimeProvider time,
    LedgerCheckpoints? checkpoints = null)
{
    private readonly ReportBuilder builder = new(reader, catalog);

    /// <summary>Builds and renders without writing or recording anything (previews, HTTP responses before <see cref="RecordAsync"/>).</summary>
    /// <exception cref="InvalidReportRequestException">the request cannot be produced; the message says why.</exception>
    public async Task<RenderedReport> RenderAsync(ReportRequest request, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var report = await builder.BuildAsync(request, time.GetUtcNow(), progress, ct);
        if (checkpoints is not null && report.Chain.Intact && report.Ledger is { Position: > 0, RecordedAt: { } at } head)
            report = report with { Checkpoint = checkpoints.Sign(head.Position, head.Hash, at) };
        using var buffer = new MemoryStream();
        await renderer.RenderAsync(report, buffer, progress, ct);
        var bytes = buffer.ToArray();
        return new RenderedReport(report, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), FileNameFor(request, renderer.Extension));
    }

    /// <summary>
    /// Renders, writes the document to <paramref name="path"/> (or to <paramref name="directory"/> under its own file
    /// name) with the <c>.sha256</c> beside it, and records the issue in the ledger.
    /// </summary>
    public async Task<IssuedReport> IssueAsync(ReportRequest request, string? path, string directory, string actor, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var rendered = await RenderAsync(request, progress, ct);
        var target = System.IO.Path.GetFullPath(path ?? System.IO.Path.Combine(directory, rendered.FileName));
        await AtomicFile.WriteAsync(target, rendered.Bytes, ct);
        var sha256Path = target + ".sha256";
        await AtomicFile.WriteAsync(sha256Path, System.Text.Encoding.UTF8.GetBytes($"{rendered.Sha256}  {System.IO.Path.GetFileName(target)}\n"), ct);
        progress?.Report(new ReportProgress("recording the report in the ledger", 0, 0));
        var recorded = await RecordAsync(rendered, System.IO.Path.GetFileName(target), actor, ct);
        return new IssuedReport(rendered, target, sha256Path, recorded);
    }

    /// <summary>Records that <paramref name="rendered"/> was issued under <paramref name="fileName"/>; false when the same document was recorded before.</summary>
    public async Task<bool> RecordAsync(RenderedReport rendered, string fileName, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        if (checkpoints is not null && rendered.Report.Checkpoint is { } checkpoint) await checkpoints.RecordAsync(checkpoint, actor, ct);
        var r = rendered.Report.Request;
        var issued = new ReportIssued(r.Scope.ToString(), r.From, r.To, r.AsOf, rendered.Sha256, fileName, rendered.Report.GeneratedAt);
        // The event id derives from the document's hash: recording the same document twice records it once.
        var source = new Guid(Convert.FromHexString(rendered.Sha256.AsSpan(0, 32)));
        var outcome = await handler.HandleAsync(new RecordReportIssued(issued, actor, time.GetUtcNow()), EventIds.Derive(source, 0), ct);
        return outcome.Rejection is { } reason ? throw new InvalidOperationException($"the ledger refused the report record: {reason}") : outcome.Changed;
    }

    /// <summary><c>compliance-{scope}-{from}_{to}-asof-{instant}.pdf</c>, e.g. <c>compliance-fleet-2025-07-01_2026-06-30-asof-20260630T235959Z.pdf</c>.</summary>
    public static string FileNameFor(ReportRequest request, string extension)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOf.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"compliance-{request.Scope.Slug}-{request.From:yyyy-MM-dd}_{request.To:yyyy-MM-dd}-asof-{asOf}.{extension}");
    }
}
