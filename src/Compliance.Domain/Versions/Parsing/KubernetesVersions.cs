using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// Kubernetes gitVersions with their vendor suffixes. The key is <c>1.MINOR.PATCH</c>, then the pre-release parts if any
/// (see <see cref="PreRelease"/>), then the vendor's ordered revision when it has one: GKE's build number
/// (<c>-gke.1067004</c>), k3s's <c>+k3s2</c>, RKE2's <c>+rke2r1</c>. EKS's <c>-eks-adc7111</c> and OpenShift's
/// <c>+c79e5e2</c> are commit hashes with no order, so they only go to <see cref="ObservedVersion.Build"/>.
/// </summary>
internal static partial class KubernetesVersions
{
    public static ObservedVersion Parse(string raw, Flavour? hint)
    {
        var text = GenericVersions.StripV(raw.Trim());
        if (text.Length == 0) return ObservedVersion.Unknown(raw, "empty version string", ProductOf(hint));
        if (EksPlatform().Match(text) is { Success: true } platform) return ParseEksPlatform(raw, platform);

        var number = NumberPrefix.Read(text, 3);
        if (number is null || number.Count < 2 || number.Major != 1)
            return ObservedVersion.Unknown(raw, $"'{raw}' is not a Kubernetes version (1.MINOR.PATCH)", ProductOf(hint));
        var pre = PreRelease.Read(number.Rest, out var rest);
        if (ReadSuffix(rest) is not { } suffix)
            return ObservedVersion.Unknown(raw, $"'{raw}' has a suffix that is not a Kubernetes vendor suffix", ProductOf(hint));

        var flavour = suffix.Flavour switch
        {
            Flavour.OpenShift => hint ?? Flavour.OpenShift,
            { } fromSuffix => fromSuffix,
            null => hint ?? Flavour.Upstream,
        };
        var product = Flavours.ControlPlaneProduct(flavour);
        var cycle = flavour == Flavour.OpenShift ? OpenShiftCycle(number.Minor) : $"1.{number.Minor.ToString(CultureInfo.InvariantCulture)}";
        if (cycle is null)
            return ObservedVersion.Unknown(raw, $"Kubernetes 1.{number.Minor} has no OpenShift 4 release", product);

        long[] tail = suffix.Revision is { } revision ? [revision] : [];
        var key = new VersionKey(PreRelease.KeyOf(number.Numbers, pre, tail));
        var normalized = number.Joined + (pre is null ? "" : "-" + pre.Spelled.TrimStart('-', '.', '~')) + suffix.Normalized;
        return new(raw, product, cycle, key, normalized, flavour, null, suffix.Build);
    }

    /// <summary>
    /// OpenShift 4 minor for a Kubernetes minor: 4.1 ships 1.13, 4.2 ships 1.14, and from 4.3 (1.16) on the
    /// OpenShift minor is the Kubernetes minor minus 13 (4.14 ships 1.27). Kubernetes 1.15 had no OpenShift release.
    /// </summary>
    public static string? OpenShiftCycle(long kubernetesMinor) => kubernetesMinor switch
    {
        13 => "4.1",
        14 => "4.2",
        >= 16 => $"4.{(kubernetesMinor - 13).ToString(CultureInfo.InvariantCulture)}",
        _ => null,
    };

    /// <summary>
    /// EKS platform versions (<c>1.29-eks-6</c>) as the amazon-eks catalog lists them: key 1.29.0.6, so platform
    /// versions sort by their number within the cycle. A cluster's gitVersion does not carry its platform version.
    /// </summary>
    private static ObservedVersion ParseEksPlatform(string raw, Match platform)
    {
        var number = NumberPrefix.Read(platform.Groups[1].Value)!;
        var revision = NumberPrefix.Read(platform.Groups[2].Value)!.Major;
        var key = new VersionKey(PreRelease.KeyOf(number.Numbers, null, revision));
        var normalized = $"{number.Joined}-eks-{platform.Groups[2].Value}";
        return new(raw, "amazon-eks", number.Joined, key, normalized, Flavour.Eks, null, $"eks-{platform.Groups[2].Value}");
    }

    private static ObservedSuffix? ReadSuffix(string rest)
    {
        if (rest.Length == 0) return new(null, null, "", null);
        if (Eks().Match(rest) is { Success: true } eks) return new(Flavour.Eks, null, "", eks.Value[1..]);
        if (Gke().Match(rest) is { Success: true } gke) return Revisioned(Flavour.Gke, gke, rest, rest[1..]);
        if (K3s().Match(rest) is { Success: true } k3s) return Revisioned(Flavour.K3s, k3s, rest, rest[1..]);
        if (Rke2().Match(rest) is { Success: true } rke2) return Revisioned(Flavour.Rke2, rke2, rest, rest[1..]);
        if (CommitHash().IsMatch(rest)) return new(Flavour.OpenShift, null, "", rest[1..]);
        if (rest[0] is '-' or '+' or '.' && rest.Length > 1) return new(null, null, "", rest[1..]);
        return null;
    }

    private static ObservedSuffix? Revisioned(Flavour flavour, Match match, string normalized, string build)
    {
        var digits = match.Groups[1].Value;
        if (digits.Length > 18) return null;
        return new(flavour, long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture), normalized, build);
    }

    private static string ProductOf(Flavour? hint) => hint is { } flavour ? Flavours.ControlPlaneProduct(flavour) : "";

    private sealed record ObservedSuffix(Flavour? Flavour, long? Revision, string Normalized, string? Build);

    [GeneratedRegex(@"^(\d{1,9}\.\d{1,9})-eks-(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex EksPlatform();

    [GeneratedRegex(@"^-eks-[0-9a-f]{6,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex Eks();

    [GeneratedRegex(@"^-gke\.(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Gke();

    [GeneratedRegex(@"^\+k3s(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex K3s();

    [GeneratedRegex(@"^\+rke2r(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rke2();

    [GeneratedRegex(@"^\+[0-9a-f]{7,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitHash();
}
