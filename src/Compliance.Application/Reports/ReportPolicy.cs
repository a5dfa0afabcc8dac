using System.Globalization;

namespace Compliance.Application.Reports;

public enum Rating
{
    Green,
    Amber,
    Red,
}

/// <summary>
/// How a report rates its score and how far ahead it looks, stated on its policy page. The score's colour is green
/// from <see cref="GreenFrom"/>, amber from <see cref="AmberFrom"/>, red below; then capped: red while a production
/// component runs past end of life or the hash chain does not verify, at most amber while more than
/// <see cref="MaxUnknownShareForGreen"/> of the running instances have no known EOL level (E cannot vouch for them).
/// </summary>
public sealed record ReportPolicy(int GreenFrom, int AmberFrom, double MaxUnknownShareForGreen, int HorizonDays)
{
    public static ReportPolicy Default { get; } = new(80, 60, 0.10, 90);

    public const string Weighting = "E, P and M weigh one third each";

    public const string WindowScoring = "a window counts 1 when held (completed as planned), 0.5 when partial, 0 when aborted, failed, missed or without a recorded outcome";

    /// <summary>The rating the thresholds give a score before any cap.</summary>
    public Rating Threshold(int score) => score >= GreenFrom ? Rating.Green : score >= AmberFrom ? Rating.Amber : Rating.Red;

    /// <summary>The thresholds and caps in words, as the policy page states them.</summary>
    public IReadOnlyList<string> Rules =>
    [
        string.Create(CultureInfo.InvariantCulture, $"green from {GreenFrom}, amber from {AmberFrom} to {GreenFrom - 1}, red below {AmberFrom}"),
        "red, whatever the score, while any production component runs past its end of life (or its extended support ended)",
        "red, whatever the score, when the hash chain behind the report does not verify",
        string.Create(CultureInfo.InvariantCulture, $"at most amber while more than {MaxUnknownShareForGreen:0%} of running component instances have an unknown EOL level"),
    ];

    /// <summary>The colour of a score after the caps, and the reason of each cap that applied.</summary>
    public (Rating Rating, IReadOnlyList<string> Caps) Rate(int score, IReadOnlyList<string> productionPastEol, double unknownShare, bool chainIntact)
    {
        var rating = Threshold(score);
        var caps = new List<string>();
        if (!chainIntact)
        {
            rating = Rating.Red;
            caps.Add("capped at red: the hash chain does not verify");
        }

        if (productionPastEol.Count > 0)
        {
            rating = Rating.Red;
            var named = string.Join(", ", productionPastEol.Take(3)) + (productionPastEol.Count > 3 ? $" and {productionPastEol.Count - 3} more" : "");
            caps.Add(string.Create(CultureInfo.InvariantCulture, $"capped at red: {productionPastEol.Count} production component version(s) past end of life ({named})"));
        }

        if (unknownShare > MaxUnknownShareForGreen && rating == Rating.Green)
        {
            rating = Rating.Amber;
            caps.Add(string.Create(CultureInfo.InvariantCulture, $"capped at amber: {unknownShare:0.0%} of running instances have an unknown EOL level (more than {MaxUnknownShareForGreen:0%})"));
        }

        return (rating, caps);
    }
}
