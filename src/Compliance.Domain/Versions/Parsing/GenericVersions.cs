using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// Versions of the common shape <c>[v]MAJOR.MINOR[.PATCH...][-prerelease][(-|+|.)build]</c>, with the cycle spelled by
/// the product's rules. A build suffix (<c>-debian-12-r3</c>, <c>-eksbuild.4</c>, <c>-0</c>) is kept in
/// <see cref="ObservedVersion.Build"/> and is not part of the key, except Grafana's <c>+security-NN</c> releases, which
/// carry fixes on top of their patch and so sort after it.
/// </summary>
internal static partial class GenericVersions
{
    public static ObservedVersion Parse(string product, string raw, string text)
    {
        var trimmed = StripV(text.Trim());
        var number = NumberPrefix.Read(trimmed);
        if (number is null) return ObservedVersion.Unknown(raw, $"'{text}' is not a version", product);
        var pre = PreRelease.Read(number.Rest, out var rest);
        if (rest.Length > 0 && !IsSeparator(rest[0]))
            return ObservedVersion.Unknown(raw, $"'{text}' is not a version", product);
        var cycle = ProductCycles.CycleOf(product, number);
        if (cycle is null) return ObservedVersion.Unknown(raw, $"'{text}' names no {product} release cycle", product);

        var build = rest.Length == 0 ? null : rest.TrimStart('-', '+', '.', '_', '~');
        if (build is "") build = rest;
        var normalized = number.Joined + (pre is null ? "" : "-" + pre.Spelled.TrimStart('-', '.', '~'));
        long[] tail = [];
        if (product == "grafana" && build is not null && SecurityRelease().Match(build) is { Success: true } security
            && security.Groups[1].Value.Length <= 18)
        {
            tail = [long.Parse(security.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture)];
            normalized += "+" + build;
        }
        var key = new VersionKey(PreRelease.KeyOf(number.Numbers, pre, tail));
        return new(raw, product, cycle, key, normalized, null, null, build);
    }

    public static string StripV(string text) =>
        text.Length > 1 && text[0] is 'v' or 'V' && char.IsAsciiDigit(text[1]) ? text[1..] : text;

    private static bool IsSeparator(char c) => c is '-' or '+' or '.' or '_' or '~';

    [GeneratedRegex(@"^security-(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SecurityRelease();
}
