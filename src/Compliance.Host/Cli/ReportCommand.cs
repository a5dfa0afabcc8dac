using System.CommandLine;
using System.Text.Json;
using Compliance.Adapters.Pdf;
using Compliance.Application.Catalog;
using Compliance.Application.Handling;
using Compliance.Application.Reports;
using Compliance.Application.Store;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance report</c>: an auditor PDF for a scope and period as the ledger recorded it up to as-of, written to
/// <c>reports/</c> (or --out) with a <c>.sha256</c> beside it, and recorded in the ledger as ReportIssued.
/// </summary>
internal static class ReportCommand
{
    public const string DefaultDirectory = "reports";
    public const string OrganisationVariable = "COMPLIANCE_ORGANISATION";

    public static Command Create(TimeProvider time, TextWriter output, TextWriter error)
    {
        var scope = new Option<string>("--scope") { Description = "fleet, environment:NAME or cluster:ID", Required = true };
        var from = new Option<string>("--from") { Description = "First day of the period, YYYY-MM-DD", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period, YYYY-MM-DD", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "State what was recorded by the end of this day, YYYY-MM-DD (default: now)" };
        var outFile = new Option<string?>("--out") { Description = $"PDF file to write (default: {DefaultDirectory}/ in the current folder, named after scope, period and as-of)" };
        var organisation = new Option<string?>("--organisation") { Description = $"Organisation on the cover (default: Compliance:Organisation from appsettings.json or ${OrganisationVariable})" };
        var command = new Command("report", "Write an auditor PDF report (EOL risk, patch latency, maintenance, findings, evidence) and record it in the ledger")
        {
            scope, from, to, asOf, outFile, organisation,
        };
        command.SetAction(async (parse, ct) =>
        {
            var parsedScope = ReportScope.TryParse(parse.GetValue(scope), out var problem) ?? throw new UserError($"--scope: {problem}");
            var now = time.GetUtcNow();
            var firstDay = Arguments.Date("--from", parse.GetValue(from), default);
            var lastDay = Arguments.Date("--to", parse.GetValue(to), default);
            var asOfDay = Arguments.Date("--as-of", parse.GetValue(asOf), Days.Of(now));
            if (asOfDay > Days.Of(now)) throw new UserError($"--as-of: {Text.Day(asOfDay)} is in the future (nothing is recorded for it yet)");
            // The end of the as-of day, or now while that day is still running.
            var asOfInstant = Days.EndOf(asOfDay) < now ? Days.EndOf(asOfDay) : now;
            var path = parse.GetValue(outFile);
            if (path is not null && Directory.Exists(path)) throw new UserError($"--out: '{path}' is a folder; give a file name");

            var data = DataDirectory.Resolve(parse.GetValue(Options.Data)).RequireLedger();
            using var store = data.OpenLedger(time);
            var request = new ReportRequest(parsedScope, firstDay, lastDay, asOfInstant, Organisation(parse.GetValue(organisation)));
            var issued = await IssueAsync(store, time, request, path, new ConsoleProgress(error), ct);
            output.WriteLine($"Report written: {issued.Path}");
            output.WriteLine($"SHA-256: {issued.Rendered.Sha256} ({issued.Sha256Path})");
            output.WriteLine(issued.Recorded
                ? $"Recorded in the ledger (stream reports): {request.Scope}, {Text.Day(request.From)} to {Text.Day(request.To)}, as of {request.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC."
                : "The ledger already records this exact document.");
            return 0;
        });
        return command;
    }

    /// <summary>Builds, renders, writes and records one report on an open ledger (also used by <c>compliance demo</c>).</summary>
    public static async Task<IssuedReport> IssueAsync(IEventStore store, TimeProvider time, ReportRequest request, string? path, IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        using var handler = new CommandHandler(store);
        var service = new ReportService(store, handler, new PdfReportRenderer(), CatalogSnapshot.Embedded, time);
        try
        {
            return await service.IssueAsync(request, path, DefaultDirectory, $"cli/{System.Environment.UserName}", progress, ct);
        }
        catch (InvalidReportRequestException e)
        {
            throw new UserError(e.Message);
        }
    }

    /// <summary>--organisation, else $COMPLIANCE_ORGANISATION, else Compliance:Organisation in appsettings.json beside the binary.</summary>
    public static string Organisation(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option.Trim();
        var variable = System.Environment.GetEnvironmentVariable(OrganisationVariable);
        if (!string.IsNullOrWhiteSpace(variable)) return variable.Trim();
        var settings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(settings))
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(settings), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (json.RootElement.TryGetProperty("Compliance", out var section) && section.TryGetProperty("Organisation", out var name)
                    && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString()))
                    return name.GetString()!.Trim();
            }
            catch (JsonException e)
            {
                throw new UserError($"{settings} is not valid JSON: {e.Message}");
            }
        }

        return "Unnamed organisation";
    }

    /// <summary>
    /// Progress on stderr for large fleets only (a small report stays silent, so a mistake still prints one line): events
    /// read every 50,000, clusters evaluated (at least 50) and pages drawn (at least 300) every tenth of the way.
    /// </summary>
    private sealed class ConsoleProgress(TextWriter error) : IProgress<ReportProgress>
    {
        private const int EventStep = 50_000;
        private const int LargeCount = 50;
        private const int LargePages = 300;
        private string stage = "";
        private int lastStep = -1;

        public void Report(ReportProgress value)
        {
            if (value.Stage != stage)
            {
                stage = value.Stage;
                lastStep = -1;
            }

            var large = value.Stage.Contains("pages", StringComparison.Ordinal) ? LargePages : LargeCount;
            var step = value.Total == 0 ? value.Done / EventStep : value.Total >= large ? value.Done * 10 / value.Total : 0;
            if (step == 0 || step == lastStep) return;
            lastStep = step;
            error.WriteLine(value.Total == 0 ? $"report: {value.Stage}: {value.Done:N0} events" : $"report: {value.Stage}: {value.Done}/{value.Total}");
        }
    }
}
