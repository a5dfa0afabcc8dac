using System.Text.RegularExpressions;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// Container-Optimized OS versions as the cos catalog spells them (<c>cos-125-19216-532-123</c>: milestone 125, build
/// 19216.532.123), also as GKE node image names (<c>cos-stable-109-17800-147-54</c>) and cycles (<c>cos-125</c>).
/// Key: milestone, then the build numbers.
/// </summary>
internal static partial class CosVersions
{
    public static bool Looks(string text) => Full().IsMatch(text.Trim()) || Milestone().IsMatch(text.Trim());

    public static ObservedVersion Parse(string raw, string text)
    {
        var trimmed = text.Trim();
        if (Full().Match(trimmed) is { Success: true } full)
        {
            string[] spelled = [full.Groups[1].Value, full.Groups[2].Value, full.Groups[3].Value, full.Groups[4].Value];
            var number = NumberPrefix.Read(string.Join('.', spelled));
            if (number is null) return ObservedVersion.Unknown(raw, $"'{text}' is not a COS version", "cos");
            return new(raw, "cos", $"cos-{spelled[0]}", new VersionKey([.. number.Numbers]), "cos-" + string.Join('-', spelled), null, null);
        }
        if (Milestone().Match(trimmed) is { Success: true } milestone && NumberPrefix.Read(milestone.Groups[1].Value) is { } m)
            return new(raw, "cos", $"cos-{m.Joined}", new VersionKey([.. m.Numbers]), $"cos-{m.Joined}", null, null);
        if (BuildOnly().IsMatch(trimmed))
            return ObservedVersion.Unknown(raw, $"'{text}' is a COS build number without its milestone (cos-NNN-...)", "cos");
        return ObservedVersion.Unknown(raw, $"'{text}' is not a COS version (cos-MILESTONE-BUILD-N-N)", "cos");
    }

    [GeneratedRegex(@"^(?:cos-(?:(?:stable|beta|dev|lts|arm64)-)*)?(\d{1,9})-(\d{1,9})-(\d{1,9})-(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Full();

    [GeneratedRegex(@"^cos-(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Milestone();

    [GeneratedRegex(@"^\d{1,9}\.\d{1,9}\.\d{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex BuildOnly();
}
