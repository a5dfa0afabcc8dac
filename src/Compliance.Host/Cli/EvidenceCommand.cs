using System.CommandLine;
using System.Globalization;
using Compliance.Application.Catalog;
using Compliance.Application.Evidence;
using Compliance.Application.Reports;
using Compliance.Application.Store;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance evidence export</c>: the populations an auditor samples (changes, windows, patches, findings), each row
/// with its evidence references and actors, for a scope, period and as-of computed as the report computes them, as CSV
/// or JSON with a <c>.sha256</c> beside the file.
/// </summary>
internal static class EvidenceCommand
{
    public static Command Create(TimeProvider time, TextWriter output)
    {
        var scope = new Option<string>("--scope") { Description = "fleet, environment:NAME or cluster:ID", Required = true };
        var from = new Option<string>("--from") { Description = "First day of the period, YYYY-MM-DD", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period, YYYY-MM-DD", Required = true };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "State what was recorded by the end of this day, YYYY-MM-DD, or by this instant, YYYY-MM-DDTHH:MM:SSZ, as a report names it (default: now)",
        };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        var outFile = new Option<string?>("--out") { Description = $"File to write (default: {ReportCommand.DefaultDirectory}/ in the current folder, named after scope, period and as-of)" };
        var force = new Option<bool>("--force") { Description = "Replace an existing file (never one of the data directory's)" };
        var export = new Command("export", "Write the populations of a report (changes, windows, patches, findings, exceptions) with their evidence, for sampling")
        {
            scope, from, to, asOf, format, outFile, force,
        };
        export.SetAction(async (parse, ct) =>
        {
            var parsedScope = ReportScope.TryParse(parse.GetValue(scope), out var problem) ?? throw new UserError($"--scope: {problem}");
            var now = time.GetUtcNow();
            var firstDay = Arguments.Date("--from", parse.GetValue(from), default);
            var lastDay = Arguments.Date("--to", parse.GetValue(to), default);
            var instant = AsOf(parse.GetValue(asOf), now);
            var chosen = parse.GetValue(format) switch
            {
                "csv" => EvidenceFormat.Csv,
                "json" => EvidenceFormat.Json,
                var other => throw new UserError($"--format: '{other}' is not one of csv, json"),
            };

            await using var services = LocalServices.Open(parse, time);
            var request = new ReportRequest(parsedScope, firstDay, lastDay, instant, ReportCommand.Organisation(null));
            // The paths every CLI output obeys (not the data directory, not a system folder, no device); the export
            // itself refuses an existing file unless --force.
            var path = OutputPath.Check("--out", parse.GetValue(outFile) ?? Path.Combine(ReportCommand.DefaultDirectory, EvidenceExportService.FileNameFor(request, chosen)),
                services.Data, force: true);
            OutputPath.Check("--out", path + ".sha256", services.Data, force: true);
            await LedgerAgreement.ThrowIfDisagreeAsync(services.Store, services.ReadModels, ct);
            var service = new EvidenceExportService(services.Store, CatalogSnapshot.Embedded, time);
            try
            {
                var written = await service.WriteAsync(request, chosen, path, ReportCommand.DefaultDirectory, parse.GetValue(force), services.Data.Path, null, ct);
                output.WriteLine($"Evidence written: {written.Path}");
                output.WriteLine($"SHA-256: {written.Export.Sha256} ({written.Sha256Path})");
                foreach (var p in written.Export.Report.Export.Populations) output.WriteLine($"  {p.Name,-9} {p.Rows,7} rows  sha256 {p.Sha256}");
            }
            catch (Exception e) when (e is InvalidReportRequestException or ExportRefusedException)
            {
                throw new UserError(e.Message);
            }

            return 0;
        });
        return new Command("evidence", "Population exports for sampling") { export };
    }

    /// <summary>The end of the day given (or now while it is still running), or the instant given; never in the future.</summary>
    private static DateTimeOffset AsOf(string? value, DateTimeOffset now)
    {
        if (value is null) return now;
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at <= now ? at : throw new UserError($"--as-of: {value} is in the future (nothing is recorded for it yet)");
        var day = Arguments.Date("--as-of", value, Days.Of(now));
        if (day > Days.Of(now)) throw new UserError($"--as-of: {value} is in the future (nothing is recorded for it yet)");
        return Days.EndOf(day) < now ? Days.EndOf(day) : now;
    }
}
