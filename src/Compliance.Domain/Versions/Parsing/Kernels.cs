using System.Text.RegularExpressions;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// Kernel release strings (<c>uname -r</c>, nodeInfo.kernelVersion): upstream numbers, then the distribution's build
/// (<c>5.15.0-1057-azure</c> → key 5.15.0, build 1057-azure; <c>6.1.58+</c> on COS → build "+"). Distribution kernels
/// backport fixes under their own build numbers, so the upstream key alone does not say which fixes are in; who maintains
/// the kernel (<see cref="ObservedVersion.MaintainedBy"/>) comes from the node's osImage, else the suffix
/// (<see cref="KernelMaintainers"/>).
/// </summary>
internal static partial class Kernels
{
    public static ObservedVersion Parse(string raw, string? osImage = null)
    {
        var text = raw.Trim();
        if (text.Length == 0) return ObservedVersion.Unknown(raw, "empty kernel version", "linux-kernel");
        var number = NumberPrefix.Read(text, 4);
        if (number is null || number.Count < 2)
            return ObservedVersion.Unknown(raw, $"'{raw}' is not a kernel version (MAJOR.MINOR[.PATCH][-build])", "linux-kernel");
        if (number.Major >= 10 && number.Count == 4 && number.Numbers[2] >= 10000)
            return ObservedVersion.Unknown(raw, $"'{raw}' is a Windows build number, not a Linux kernel", "windows-server");
        var pre = PreRelease.Read(number.Rest, out var rest);
        if (rest.Length > 0 && rest[0] is not ('-' or '+' or '.' or '_'))
            return ObservedVersion.Unknown(raw, $"'{raw}' is not a kernel version (MAJOR.MINOR[.PATCH][-build])", "linux-kernel");
        var build = rest switch
        {
            "" => null,
            "+" => "+",
            _ => rest[1..] is { Length: > 0 } b ? b : rest,
        };
        var key = new VersionKey(PreRelease.KeyOf(number.Numbers, pre));
        var normalized = number.Joined + (pre is null ? "" : "-" + pre.Spelled.TrimStart('-', '.', '~'));
        var line = number.FirstSegments(2);
        return new(raw, "linux-kernel", line, key, normalized, null, null, build, KernelMaintainers.Of(text, line, osImage));
    }

    /// <summary>Whether a string without a declared product looks like a kernel: numbers and a distribution suffix.</summary>
    public static bool Looks(string text)
    {
        var number = NumberPrefix.Read(text.Trim(), 4);
        if (number is null || number.Count < 3 || number.Major is < 2 or > 9) return false;
        return number.Rest == "+" || DistroSuffix().IsMatch(number.Rest);
    }

    [GeneratedRegex(@"^[-+.](?:\d+[-.])?.*(?:amzn|\.el\d|azure|aws|gke|gcp|generic|amd64|arm64|x86_64|aarch64|talos|flatcar|cm\d|azl\d|lowlatency|cloud|default|rt|oracle|uek|fc\d|bottlerocket)", RegexOptions.CultureInvariant)]
    private static partial Regex DistroSuffix();
}
