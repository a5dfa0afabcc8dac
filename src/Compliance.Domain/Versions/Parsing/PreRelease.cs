using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// A pre-release marker (<c>-alpha.1</c>, <c>-beta.0</c>, <c>-rc.1</c>, <c>-rc1</c>). In a <see cref="VersionKey"/> a
/// pre-release adds two parts after the release numbers: a negative stage (alpha -3, beta -2, rc -1) and its number,
/// so <c>1.30.0-rc.1</c> = 1.30.0.-1.1 sorts after every 1.29.x and before 1.30.0 (= 1.30.0.0...).
/// </summary>
internal sealed partial record PreRelease(int Stage, long Number, string Spelled)
{
    public static PreRelease? Read(string rest, out string after)
    {
        after = rest;
        var match = Marker().Match(rest);
        if (!match.Success) return null;
        var stage = match.Groups["stage"].Value.ToLowerInvariant() switch
        {
            "alpha" => -3,
            "beta" => -2,
            _ => -1,
        };
        var digits = match.Groups["n"].Value;
        if (digits.Length > 18) return null;
        var number = digits.Length == 0 ? 0 : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        after = rest[match.Length..];
        return new(stage, number, match.Value);
    }

    /// <summary>The release numbers padded to at least three, then the stage and number.</summary>
    public static long[] KeyOf(IReadOnlyList<long> numbers, PreRelease? pre, params long[] tail)
    {
        var parts = new List<long>(numbers);
        if (pre is not null)
        {
            while (parts.Count < 3) parts.Add(0);
            parts.Add(pre.Stage);
            parts.Add(pre.Number);
        }
        else if (tail.Length > 0)
        {
            while (parts.Count < 3) parts.Add(0);
        }
        parts.AddRange(tail);
        return [.. parts];
    }

    [GeneratedRegex(@"^[-.~]?(?<stage>alpha|beta|rc)(?:[.-]?(?<n>\d+))?(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
