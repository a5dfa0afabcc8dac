using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// nodeInfo.osImage strings (the PRETTY_NAME of /etc/os-release) to products and cycles. An image that names its
/// distribution but no version (Container-Optimized OS, CBL-Mariner) stays unknown, with the product kept so the
/// verdict can say which catalog it would need.
/// </summary>
internal static partial class OsImages
{
    private sealed record Rule(Regex Pattern, Func<string, Match, ObservedVersion> Parse);

    private static readonly Rule[] Rules =
    [
        new(Ubuntu(), (raw, m) => Versioned(raw, "ubuntu", m.Groups[1].Value)),
        new(Debian(), (raw, m) => Versioned(raw, "debian", m.Groups[1].Value)),
        new(DebianTesting(), (raw, _) => ObservedVersion.Unknown(raw, "Debian testing/unstable has no release cycle", "debian")),
        new(Rhcos(), (raw, m) => Rhcos(raw, m)),
        new(Rhel(), (raw, m) => Versioned(raw, "rhel", m.Groups[1].Value)),
        new(Rocky(), (raw, m) => Versioned(raw, "rocky-linux", m.Groups[1].Value)),
        new(Alma(), (raw, m) => Versioned(raw, "almalinux", m.Groups[1].Value)),
        new(Oracle(), (raw, m) => Versioned(raw, "oracle-linux", m.Groups[1].Value)),
        new(CentOsStream(), (raw, m) => Versioned(raw, "centos-stream", m.Groups[1].Value)),
        new(CentOs(), (raw, m) => Versioned(raw, "centos", m.Groups[1].Value)),
        new(AmazonLinux(), (raw, m) => Versioned(raw, "amazon-linux", m.Groups[1].Value)),
        new(Cos(), (raw, _) => ObservedVersion.Unknown(raw,
            "osImage 'Container-Optimized OS from Google' carries no version; the milestone is in the node image name (cos-109-...)", "cos")),
        new(Bottlerocket(), (raw, m) => Versioned(raw, "bottlerocket", m.Groups[1].Value, NullIfEmpty(m.Groups[2].Value))),
        new(Flatcar(), (raw, m) => Versioned(raw, "flatcar", m.Groups[1].Value)),
        new(Talos(), (raw, m) => Versioned(raw, "talos", m.Groups[1].Value)),
        new(Sles(), (raw, m) => Versioned(raw, "sles",
            m.Groups[1].Value + "." + (m.Groups[2].Success ? m.Groups[2].Value : "0"))),
        new(SlMicro(), (raw, m) => Versioned(raw, "suse-linux-micro", m.Groups[1].Value)),
        new(FedoraCoreOs(), (raw, m) => Versioned(raw, "fedora", m.Groups[1].Value)),
        new(Fedora(), (raw, m) => Versioned(raw, "fedora", m.Groups[1].Value)),
        new(Alpine(), (raw, m) => Versioned(raw, "alpine-linux", m.Groups[1].Value)),
        new(AzureLinux(), (raw, m) => Versioned(raw, "azure-linux", m.Groups[1].Value)),
        new(Mariner(), (raw, _) => ObservedVersion.Unknown(raw,
            "osImage 'CBL-Mariner/Linux' carries no version; the release is in the node image version", "azure-linux")),
        new(WindowsServer(), (raw, m) => Versioned(raw, "windows-server", m.Groups[1].Value)),
        new(Photon(), (raw, _) => ObservedVersion.Unknown(raw, "osImage 'Photon OS' carries no version", "photon")),
    ];

    /// <summary>The parsed image, or null when the string names no known distribution.</summary>
    public static ObservedVersion? TryParse(string raw)
    {
        var text = raw.Trim();
        foreach (var rule in Rules)
        {
            var match = rule.Pattern.Match(text);
            if (match.Success) return rule.Parse(raw, match);
        }
        return null;
    }

    public static ObservedVersion Parse(string raw) =>
        TryParse(raw) ?? ObservedVersion.Unknown(raw, $"'{raw}' is not a known operating system image");

    private static ObservedVersion Versioned(string raw, string product, string version, string? build = null)
    {
        var parsed = GenericVersions.Parse(product, raw, version);
        return build is null || !parsed.IsKnown ? parsed : parsed with { Build = build };
    }

    /// <summary>
    /// RHCOS names its OpenShift release and RHEL base: <c>415.92.202402201450-0</c> is OpenShift 4.15 on RHEL 9.2
    /// (rhel cycle 9, version 9.2); from OpenShift 4.19 on the string starts with the RHEL version (<c>9.6.20250523-0</c>).
    /// The full RHCOS build goes to Build.
    /// </summary>
    private static ObservedVersion Rhcos(string raw, Match match)
    {
        var build = match.Groups[1].Value;
        var number = NumberPrefix.Read(build);
        if (number is null || number.Count < 2)
            return ObservedVersion.Unknown(raw, $"'{raw}' is not an RHCOS version", "rhel");
        var rhel = number.Major >= 100
            ? $"{(number.Minor / 10).ToString(CultureInfo.InvariantCulture)}.{(number.Minor % 10).ToString(CultureInfo.InvariantCulture)}"
            : number.FirstSegments(2);
        return Versioned(raw, "rhel", rhel, build);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    [GeneratedRegex(@"^Ubuntu (\d+\.\d+(?:\.\d+)?)(?:\s|$)", Options)] private static partial Regex Ubuntu();
    [GeneratedRegex(@"^Debian GNU/Linux (\d+(?:\.\d+)?)(?:\s|$)", Options)] private static partial Regex Debian();
    [GeneratedRegex(@"^Debian GNU/Linux [a-z]+/sid", Options)] private static partial Regex DebianTesting();
    [GeneratedRegex(@"^Red Hat Enterprise Linux CoreOS (\d+\.\d+[\w.-]*)", Options)] private static partial Regex Rhcos();
    [GeneratedRegex(@"^Red Hat Enterprise Linux(?: Server)? (\d+(?:\.\d+)?)(?:\s|$)", Options)] private static partial Regex Rhel();
    [GeneratedRegex(@"^Rocky Linux (\d+(?:\.\d+)?)(?:\s|$)", Options)] private static partial Regex Rocky();
    [GeneratedRegex(@"^AlmaLinux (\d+(?:\.\d+)?)(?:\s|$)", Options)] private static partial Regex Alma();
    [GeneratedRegex(@"^Oracle Linux Server (\d+(?:\.\d+)?)(?:\s|$)", Options)] private static partial Regex Oracle();
    [GeneratedRegex(@"^CentOS Stream (\d+)(?:\s|$)", Options)] private static partial Regex CentOsStream();
    [GeneratedRegex(@"^CentOS Linux (\d+(?:\.\d+)*)(?:\s|$)", Options)] private static partial Regex CentOs();
    [GeneratedRegex(@"^Amazon Linux(?: AMI)? (\d+(?:\.\d+)*)(?:\s|$)", Options)] private static partial Regex AmazonLinux();
    [GeneratedRegex(@"^Container-Optimized OS from Google\s*$", Options)] private static partial Regex Cos();
    [GeneratedRegex(@"^Bottlerocket OS (\d+\.\d+\.\d+)(?: \(([^)]*)\))?", Options)] private static partial Regex Bottlerocket();
    [GeneratedRegex(@"^Flatcar Container Linux by Kinvolk (\d+\.\d+\.\d+)", Options)] private static partial Regex Flatcar();
    [GeneratedRegex(@"^Talos \(v(\d+\.\d+\.\d+)\)", Options)] private static partial Regex Talos();
    [GeneratedRegex(@"^SUSE Linux Enterprise Server (\d+)(?:[ -]SP(\d+))?(?:\s|$)", Options)] private static partial Regex Sles();
    [GeneratedRegex(@"^SUSE Linux (?:Enterprise )?Micro (\d+\.\d+)(?:\s|$)", Options)] private static partial Regex SlMicro();
    [GeneratedRegex(@"^Fedora CoreOS (\d+)\.", Options)] private static partial Regex FedoraCoreOs();
    [GeneratedRegex(@"^Fedora Linux (\d+)(?:\s|$)", Options)] private static partial Regex Fedora();
    [GeneratedRegex(@"^Alpine Linux v(\d+\.\d+(?:\.\d+)?)(?:\s|$)", Options)] private static partial Regex Alpine();
    [GeneratedRegex(@"^(?:Microsoft )?Azure Linux (\d+\.\d+)", Options)] private static partial Regex AzureLinux();
    [GeneratedRegex(@"^CBL-Mariner/Linux\s*$", Options)] private static partial Regex Mariner();
    [GeneratedRegex(@"^Windows Server (\d{4})\b", Options)] private static partial Regex WindowsServer();
    [GeneratedRegex(@"^(?:VMware )?Photon OS", Options)] private static partial Regex Photon();
}
