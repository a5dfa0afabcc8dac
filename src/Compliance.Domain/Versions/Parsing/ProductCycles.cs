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
        "opensearch", "caddy", "jaeger", "teleport",
    };

    /// <summary>Elastic's products: 6 and 7 are cycles of their own; from 8.0 on every minor is a cycle.</summary>
    private static readonly HashSet<string> Elastic = new(StringComparer.Ordinal) { "elasticsearch", "kibana", "logstash" };

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
            // Docker before 20.10 was spelled YY.MM (19.03, 18.09); 20.10 to 26.1 by major.minor; from 27 on by major.
            "docker-engine" when number.Major < 20 => number.Count >= 2 ? $"{number.Segments[0]}.{Pad2(number.Minor)}" : null,
            "docker-engine" when number.Major >= 27 => number.Segments[0],
            // PostgreSQL 10 onwards is named by its major number; 9.6 and earlier by major.minor.
            "postgresql" => number.Major >= 10 ? number.Segments[0] : TwoParts(number),
            _ when Elastic.Contains(product) => number.Major <= 7 ? number.Segments[0] : TwoParts(number),
            // InfluxDB 1 and 2 are cycles of their own; from 3.0 on every minor is a cycle.
            "influxdb" => number.Major <= 2 ? number.Segments[0] : TwoParts(number),
            _ => TwoParts(number),
        };
    }

    private static string? TwoParts(NumberPrefix number) =>
        number.Count >= 2
            ? $"{number.Major.ToString(CultureInfo.InvariantCulture)}.{number.Minor.ToString(CultureInfo.InvariantCulture)}"
            : null;

    private static string Pad2(long value) => value.ToString("00", CultureInfo.InvariantCulture);
}
