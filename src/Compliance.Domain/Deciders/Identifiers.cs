using System.Text.RegularExpressions;

namespace Compliance.Domain.Deciders;

/// <summary>
/// The shapes of the ids the ledger keys streams by, for the deciders and for every layer that checks input before them.
/// Patterns end in <c>\z</c>: <c>$</c> would also match before a final newline and let "web-prod\n" be a second web-prod.
/// </summary>
public static partial class Identifiers
{
    /// <summary>A DNS-label-like slug: 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit.</summary>
    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    /// <summary>A CVE id as MITRE writes it: CVE-YYYY-NNNN with four or more digits in the sequence number.</summary>
    public static bool IsCveId(string? value) => value is not null && CvePattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CvePattern();
}
