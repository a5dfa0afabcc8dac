using System.Collections.Immutable;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Deciders;

/// <summary>The documents the <c>reports</c> stream has recorded, by SHA-256.</summary>
public sealed record ReportState(ImmutableHashSet<string> Issued)
{
    public static ReportState Empty { get; } = new(ImmutableHashSet<string>.Empty.WithComparer(StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// Decides <see cref="RecordReportIssued"/> on stream <c>reports</c>. A document is issued once: the same SHA-256
/// recorded again (a rerun that produced the same bytes) records nothing.
/// </summary>
public static class ReportDecider
{
    public static ReportState Initial => ReportState.Empty;

    public static Decision Decide(RecordReportIssued command, ReportState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var report = command.Report;
        if (report is null) return Decision.Reject("report is required");
        if (!Rules.IsSha256(report.Sha256)) return Decision.Reject($"'{report.Sha256}' is not a SHA-256 (64 hex digits)");
        if (Rules.IsBlank(report.Scope)) return Decision.Reject("report has no scope");
        if (Rules.IsBlank(report.FileName)) return Decision.Reject("report has no file name");
        if (report.To < report.From) return Decision.Reject($"report period ends ({report.To:yyyy-MM-dd}) before it starts ({report.From:yyyy-MM-dd})");
        return state.Issued.Contains(report.Sha256) ? Decision.Unchanged : Decision.Accept(report);
    }

    public static ReportState Evolve(ReportState state, DomainEvent @event) => @event switch
    {
        ReportIssued e => state with { Issued = state.Issued.Add(e.Sha256) },
        _ => state,
    };
}
