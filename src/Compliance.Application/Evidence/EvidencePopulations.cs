using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Compliance.Application.Reports;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Evidence;

/// <summary>
/// One row of a population for sampling: the same columns for every population, so one CSV holds them all. <see cref="At"/>
/// is when it happened (a change's instant, a window's start, a patch's release, a finding's raising), <see cref="Due"/>
/// the deadline (window end, patch due date, finding due date), <see cref="Closed"/> when it ended (window end recorded,
/// patch applied, finding resolved). <see cref="Evidence"/> and <see cref="Actors"/> list the cited events and who
/// recorded them, in the same order.
/// </summary>
public sealed record EvidenceItem(
    string Population, string Cluster, string Environment, string Owner, string Item, string Kind,
    DateTimeOffset? At, DateTimeOffset? Due, DateTimeOffset? Closed, string Status, string Detail, string Evidence, string Actors);

/// <summary>
/// The populations an auditor samples from, built from a report's rows (so they hold exactly what the report counted):
/// <c>changes</c>, <c>windows</c>, <c>patches</c>, <c>findings</c> and <c>exceptions</c> (the risk acceptances).
/// </summary>
public static class EvidencePopulations
{
    public static IReadOnlyList<string> Names { get; } = ["changes", "windows", "patches", "findings", "exceptions"];

    public static IReadOnlyList<string> Columns { get; } =
        ["population", "cluster", "environment", "owner", "item", "kind", "at", "due", "closed", "status", "detail", "evidence", "actors"];

    public static IEnumerable<EvidenceItem> Rows(AuditReport report, string population)
    {
        ArgumentNullException.ThrowIfNull(report);
        var clusters = report.Clusters.ToDictionary(c => c.ClusterId, StringComparer.Ordinal);
        (string Environment, string Owner) Of(string id) => clusters.TryGetValue(id, out var c) ? (c.Environment, c.Owner) : ("", "");
        return population switch
        {
            "changes" => report.Changes.Select(c => Item(population, c.ClusterId, Of(c.ClusterId), c.Component, $"{ComponentNames.Of(c.Kind)} {c.Product} {c.FromVersion} -> {c.ToVersion}",
                c.At, null, null, c.Route switch
                {
                    ChangeRoute.Window => $"window {c.RouteId}",
                    ChangeRoute.Emergency => $"emergency {c.RouteId}",
                    ChangeRoute.Unrecorded => "unrecorded",
                    _ => "not judged",
                }, $"{c.Instances} instance(s)", c.Evidence)),
            "windows" => report.Windows.Select(w => Item(population, w.ClusterId, Of(w.ClusterId), w.WindowId, "maintenance window", w.StartsAt, w.EndsAt,
                w.EndedAt, State(w.State),
                string.Create(CultureInfo.InvariantCulture, $"planned {w.Planned}, upgraded {w.Upgrades}; contingency plan {(w.ContingencyPlan ? "yes" : "no")}; retrospective {(w.RetrospectiveAt is { } r ? Instant(r) : "none")}") +
                (w.Reason is { Length: > 0 } reason ? $"; {reason}" : ""), w.Evidence)),
            "patches" => report.Patches.Select(p => Item(population, p.ClusterId, (p.Environment, p.Owner), $"{p.Product} {p.Version}", p.Component,
                p.ReleasedAt, p.DueAt, p.AppliedAt, p.Status.ToString().ToLowerInvariant(),
                (p.Critical ? "critical; " : "") + (p.Latency is { } l ? string.Create(CultureInfo.InvariantCulture, $"latency {l.TotalHours:0.0} h") : string.Create(CultureInfo.InvariantCulture, $"not applied, {p.Age.TotalDays:0.0} days old")) +
                (p.CarriedOver ? "; released before the period" : ""), p.Evidence)),
            "findings" => report.Findings.Select(f => Item(population, f.ClusterId, (Of(f.ClusterId).Environment, f.Owner), f.Subject, f.Kind, f.RaisedAt, f.DueAt, f.ResolvedAt,
                Status(f, report.Request.PeriodEnd), f.Detail, f.Evidence)),
            "exceptions" => report.Exceptions.Select(x => Item(population, x.ClusterId, Of(x.ClusterId), x.ExceptionId, "exception", x.RequestedAt,
                Days.StartOf(x.ExpiresOn), x.DecidedAt, x.Status,
                $"{x.Subject}: {x.Reason}; requested by {x.RequestedBy}" + (x.DecidedBy is { } by ? $"; decided by {by}" : "") +
                (x.DecisionReason is { Length: > 0 } why ? $" ({why})" : "") + (x.LapseReason is { Length: > 0 } lapse ? $"; lapsed: {lapse}" : ""), x.Evidence)),
            _ => throw new ArgumentOutOfRangeException(nameof(population), population, $"not a population (use {string.Join(", ", Names)})"),
        };
    }

    /// <summary>A finding's state at an instant: open, overdue, resolved, or its exception's state once one is recorded.</summary>
    public static string Status(FindingRow finding, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!finding.IsOpenAt(at)) return "resolved";
        if (finding.Exception is { } exception) return exception.State;
        return finding.IsOverdueAt(at) ? "overdue" : "open";
    }

    public static string State(WindowResult state) => state switch
    {
        WindowResult.NoOutcome => "no outcome",
        WindowResult.InProgress => "in progress",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>The CSV line of a row (RFC 4180 quoting, no line break inside: line breaks in text become spaces).</summary>
    public static string CsvLine(EvidenceItem row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string[] fields =
        [
            row.Population, row.Cluster, row.Environment, row.Owner, row.Item, row.Kind, Instant(row.At), Instant(row.Due), Instant(row.Closed),
            row.Status, row.Detail, row.Evidence, row.Actors,
        ];
        return string.Join(",", fields.Select(Quote));
    }

    public static string Header => string.Join(",", Columns);

    /// <summary>Each population's row count and the SHA-256 of its lines in the CSV export (each line with its LF).</summary>
    public static IReadOnlyList<PopulationDigest> Digests(AuditReport report)
    {
        var digests = new List<PopulationDigest>();
        foreach (var name in Names)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var count = 0;
            foreach (var row in Rows(report, name))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(CsvLine(row) + "\n"));
                count++;
            }

            digests.Add(new PopulationDigest(name, count, Convert.ToHexStringLower(hash.GetHashAndReset())));
        }

        return digests;
    }

    public static string Instant(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static EvidenceItem Item(
        string population, string cluster, (string Environment, string Owner) of, string item, string kind, DateTimeOffset? at, DateTimeOffset? due,
        DateTimeOffset? closed, string status, string detail, IEnumerable<Citation> evidence)
    {
        var cited = evidence.ToList();
        return new EvidenceItem(population, cluster, of.Environment, of.Owner, item, kind, at, due, closed, status, detail,
            string.Join("; ", cited.Select(c => c.Role.Length == 0 ? c.Reference : $"{c.Role} {c.Reference}")), string.Join("; ", cited.Select(c => c.Actor)));
    }

    private static string Quote(string field)
    {
        var text = field.Replace('\r', ' ').Replace('\n', ' ');
        return text.AsSpan().IndexOfAny(",\"") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
