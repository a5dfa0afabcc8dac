namespace Compliance.Application.Reports;

/// <summary>
/// Turns report data into a document (the PDF adapter implements it). Must be deterministic: the same data gives the
/// same bytes, so a report can be reproduced and its SHA-256 checked.
/// </summary>
public interface IReportRenderer
{
    /// <summary>The file extension of what <see cref="RenderAsync"/> writes, without the dot ("pdf").</summary>
    string Extension { get; }

    Task RenderAsync(AuditReport report, Stream output, IProgress<ReportProgress>? progress, CancellationToken ct);
}

/// <summary>How far a report is: a stage name and, where countable, done out of total.</summary>
public sealed record ReportProgress(string Stage, int Done, int Total);
