using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// A report to produce: the scope, the period [<paramref name="From"/>, <paramref name="To"/>] (whole UTC days), and
/// the instant whose knowledge it states: only events recorded at or before <paramref name="AsOf"/> count.
/// <paramref name="Policy"/> rates the score and sets the forward view's horizon (default <see cref="ReportPolicy.Default"/>).
/// </summary>
public sealed record ReportRequest(ReportScope Scope, DateOnly From, DateOnly To, DateTimeOffset AsOf, string Organisation, ReportPolicy? Policy = null)
{
    public ReportPolicy Rules => Policy ?? ReportPolicy.Default;

    /// <summary>
    /// The period of equal length just before this one, with the same as-of knowledge (the trend compares the two). A
    /// method, not a property: a record prints its properties, and each previous period has one before it.
    /// </summary>
    public ReportRequest PreviousPeriod()
    {
        var days = To.DayNumber - From.DayNumber + 1;
        return this with { From = From.AddDays(-days), To = From.AddDays(-1) };
    }

    /// <summary>The end of the period as the report sees it: the end of <see cref="To"/>, or as-of when that is earlier.</summary>
    public DateTimeOffset PeriodEnd => Days.EndOf(To) < AsOf ? Days.EndOf(To) : AsOf;

    public DateTimeOffset PeriodStart => Days.StartOf(From);

    /// <summary>The first problem with the request in plain words, or null when it can be produced.</summary>
    public string? Problem() =>
        To < From ? $"the period ends ({To:yyyy-MM-dd}) before it starts ({From:yyyy-MM-dd})"
        : PeriodStart > AsOf ? $"the period starts ({From:yyyy-MM-dd}) after the as-of instant ({AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC): nothing was known about it then"
        : string.IsNullOrWhiteSpace(Organisation) ? "the organisation is empty"
        : null;
}

/// <summary>The request cannot be produced (bad period, unknown cluster or environment); the message says why.</summary>
public sealed class InvalidReportRequestException(string message) : Exception(message);
