using System.Globalization;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// How each product's catalog spells a release cycle from a version's numbers. The catalog is not consulted (the parser
/// is pure); these rules were read off the endoflife.date files and a test checks them against every catalog string.
/// </summary>
internal static class ProductCycles
{
    private static readonly HashSet<string> MajorOnly = new(StringComparer.Ordinal)
    {
        "rhel", "rocky-linux", "almalinux", "oracle-linux", "centos", "centos-stream", "fedora", "flatcar", "windows-server",
    };

    /// <summary>The cycle of a version with these numbers, or null when the numbers are too few to name one.</summary>
    public static string? CycleOf(string product, NumberPrefix number)
    {
        if (MajorOnly.Contains(product)) return number.Segments[0];
        return product switch
        {
            // Ubuntu and Amazon Linux AMI spell the month with two digits (22.04, 2018.03).
            "ubuntu" => number.Count >= 2 ? $"{number.Segments[0]}.{Pad2(number.Minor)}" : null,
            // Amazon Linux 1 cycles are dated (2018.03); Amazon Linux 2 and 2022/2023 are named by their major alone.
            "amazon-linux" => number.Major is > 2000 and < 2020
                ? number.Count >= 2 ? $"{number.Segments[0]}.{Pad2(number.Minor)}" : null
                : number.Segments[0],
            // Debian 4 onwards is named by its major number; 3.1 and earlier by major.minor.
            "debian" => number.Major >= 4 ? number.Segments[0] : TwoParts(number),
            // Grafana 6, 7 and 8 are cycles of their own; from 9.0 on every minor is a cycle.
            "grafana" => number.Major <= 8 ? number.Segments[0] : TwoParts(number),
            // SLES 15 (no service pack) is cycle 15.0.
            "sles" => $"{number.Major.ToString(CultureInfo.InvariantCulture)}.{number.Minor.ToString(CultureInfo.InvariantCulture)}",
            // Docker before 20.10 was spelled YY.MM (19.03, 18.09).
            "docker-engine" when number.Major < 20 => number.Count >= 2 ? $"{number.Segments[0]}.{Pad2(number.Minor)}" : null,
            _ => TwoParts(number),
        };
    }

    private static string? TwoParts(NumberPrefix number) =>
        number.Count >= 2
            ? $"{number.Major.ToString(CultureInfo.InvariantCulture)}.{number.Minor.ToString(CultureInfo.InvariantCulture)}"
            : null;

    private static string Pad2(long value) => value.ToString("00", CultureInfo.InvariantCulture);
}
