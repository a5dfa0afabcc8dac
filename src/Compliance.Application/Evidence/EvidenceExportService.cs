using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Application.Catalog;
using Compliance.Application.Files;
using Compliance.Application.Reports;
using Compliance.Application.Store;

namespace Compliance.Application.Evidence;

public enum EvidenceFormat
{
    Csv,
    Json,
}

/// <summary>An export in memory: the report data it was taken from, its bytes, their SHA-256 and the file name it is written under by default.</summary>
public sealed record EvidenceExport(AuditReport Report, EvidenceFormat Format, byte[] Bytes, string Sha256, string FileName);

/// <summary>A written export: where the file and its <c>.sha256</c> are.</summary>
public sealed record WrittenExport(EvidenceExport Export, string Path, string Sha256Path);

/// <summary>The export was not written: the target is in the protected folder, or exists and overwriting was not asked for.</summary>
public sealed class ExportRefusedException(string message) : Exception(message);

/// <summary>
/// Population exports for sampling: the rows of a report (changes, windows, patches, findings), each with its evidence
/// references and actors, for a scope, period and as-of, computed exactly as the report computes them
/// (<see cref="ReportBuilder"/>), as CSV or JSON with a <c>.sha256</c> beside the file. The same ledger and request give
/// the same bytes; each population's SHA-256 is the one the matching report prints.
/// </summary>
public sealed class EvidenceExportService(IEventReader reader, CatalogSnapshot catalog, TimeProvider time)
{
    private const string JsonFormat = "compliance-evidence/1";
    private readonly ReportBuilder builder = new(reader, catalog);

    /// <exception cref="InvalidReportRequestException">the request cannot be produced; the message says why.</exception>
    public async Task<EvidenceExport> ExportAsync(ReportRequest request, EvidenceFormat format, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var report = await builder.BuildAsync(request, time.GetUtcNow(), progress, ct);
        var bytes = format == EvidenceFormat.Csv ? Csv(report) : Json(report);
        return new EvidenceExport(report, format, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), FileNameFor(request, format));
    }

    /// <summary>
    /// Exports and writes to <paramref name="path"/> (or into <paramref name="directory"/> under its own name), with the
    /// <c>.sha256</c> beside it. Never writes over a file in <paramref name="protectedFolder"/> (the data directory), and
    /// over another existing file only with <paramref name="force"/>; nothing is written when refused.
    /// </summary>
    /// <exception cref="ExportRefusedException">the target is protected or exists; the message names it.</exception>
    public async Task<WrittenExport> WriteAsync(
        ReportRequest request, EvidenceFormat format, string? path, string directory, bool force, string? protectedFolder, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = Path.GetFullPath(path ?? Path.Combine(directory, FileNameFor(request, format)));
        var sidecar = target + ".sha256";
        foreach (var file in new[] { target, sidecar })
        {
            if (protectedFolder is not null && Inside(file, protectedFolder) && (File.Exists(file) || Directory.Exists(file)))
                throw new ExportRefusedException($"'{file}' is a file of the data directory {Path.GetFullPath(protectedFolder)}; the export never writes over it");
            if (Directory.Exists(file)) throw new ExportRefusedException($"'{file}' is a folder; give a file name");
            if (File.Exists(file) && !force) throw new ExportRefusedException($"'{file}' exists; pass --force to replace it");
        }

        var export = await ExportAsync(request, format, progress, ct);
        await AtomicFile.WriteAsync(target, export.Bytes, ct);
        await AtomicFile.WriteAsync(sidecar, Encoding.UTF8.GetBytes($"{export.Sha256}  {Path.GetFileName(target)}\n"), ct);
        return new WrittenExport(export, target, sidecar);
    }

    /// <summary><c>evidence-{scope}-{from}_{to}-asof-{instant}.csv</c>, named like the report it matches.</summary>
    public static string FileNameFor(ReportRequest request, EvidenceFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOf.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var extension = format == EvidenceFormat.Csv ? "csv" : "json";
        return string.Create(CultureInfo.InvariantCulture, $"evidence-{request.Scope.Slug}-{request.From:yyyy-MM-dd}_{request.To:yyyy-MM-dd}-asof-{asOf}.{extension}");
    }

    /// <summary>A header line, then every population's rows in turn (UTF-8, LF line ends).</summary>
    public static byte[] Csv(AuditReport report)
    {
        var text = new StringBuilder();
        text.Append(EvidencePopulations.Header).Append('\n');
        foreach (var name in EvidencePopulations.Names)
        {
            foreach (var row in EvidencePopulations.Rows(report, name)) text.Append(EvidencePopulations.CsvLine(row)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>What the export covers (scope, period, as-of, ledger head, chain result), then each population with its digest and rows.</summary>
    public static byte[] Json(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var r = report.Request;
            json.WriteStartObject();
            json.WriteString("format", JsonFormat);
            json.WriteString("scope", r.Scope.ToString());
            json.WriteString("from", r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("to", r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("asOf", EvidencePopulations.Instant(r.AsOf));
            json.WriteStartObject("ledgerHead");
            json.WriteNumber("position", report.Ledger.Position);
            json.WriteString("hash", report.Ledger.Hash);
            json.WriteEndObject();
            json.WriteBoolean("chainVerified", report.Chain.Intact);
            json.WriteStartArray("populations");
            foreach (var digest in report.Export.Populations)
            {
                json.WriteStartObject();
                json.WriteString("name", digest.Name);
                json.WriteNumber("rows", digest.Rows);
                json.WriteString("sha256", digest.Sha256);
                json.WriteStartArray("items");
                foreach (var row in EvidencePopulations.Rows(report, digest.Name)) Item(json, row);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Item(Utf8JsonWriter json, EvidenceItem row)
    {
        json.WriteStartObject();
        json.WriteString("cluster", row.Cluster);
        json.WriteString("environment", row.Environment);
        json.WriteString("owner", row.Owner);
        json.WriteString("item", row.Item);
        json.WriteString("kind", row.Kind);
        json.WriteString("at", EvidencePopulations.Instant(row.At));
        json.WriteString("due", EvidencePopulations.Instant(row.Due));
        json.WriteString("closed", EvidencePopulations.Instant(row.Closed));
        json.WriteString("status", row.Status);
        json.WriteString("detail", row.Detail);
        json.WriteString("evidence", row.Evidence);
        json.WriteString("actors", row.Actors);
        json.WriteEndObject();
    }

    private static bool Inside(string file, string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(file).StartsWith(root, StringComparison.Ordinal);
    }
}
