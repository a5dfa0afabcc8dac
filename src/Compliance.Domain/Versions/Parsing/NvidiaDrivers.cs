using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// NVIDIA driver branches as the nvidia-driver catalog spells them (<c>r580-linux</c>, <c>r580-windows</c>: key 580) and
/// Linux driver versions as nvidia-smi and GPU feature discovery report them (<c>580.82.07</c>: branch r580-linux, since
/// a Linux driver's major number is its branch). A two-part version (<c>560.94</c>) stays unknown: Windows drivers are
/// spelled so and their major number need not name the branch (582.78 is r580-windows), and old Linux branches used
/// the same shape (390.157), so the platform cannot be told.
/// </summary>
internal static partial class NvidiaDrivers
{
    private const string Product = "nvidia-driver";

    public static ObservedVersion Parse(string raw)
    {
        var text = raw.Trim();
        if (Branch().Match(text) is { Success: true } branch)
        {
            var number = long.Parse(branch.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var cycle = $"r{branch.Groups[1].Value}-{branch.Groups[2].Value.ToLowerInvariant()}";
            return new(raw, Product, cycle, new VersionKey(number), cycle, null, null);
        }
        var version = NumberPrefix.Read(text);
        if (version is null || version.Rest.Length > 0)
            return ObservedVersion.Unknown(raw, $"'{raw}' is not an NVIDIA driver version (580.82.07) or branch (r580-linux)", Product);
        if (version.Count != 3)
            return ObservedVersion.Unknown(raw,
                $"'{raw}' does not say its platform: a two-part NVIDIA driver version may be a Windows driver, whose number " +
                "does not name its branch; give the branch (r580-linux)", Product);
        return new(raw, Product, $"r{version.Segments[0]}-linux", new VersionKey([.. version.Numbers]), version.Joined, null, null);
    }

    [GeneratedRegex(@"^[rR](\d{3,4})-(linux|windows)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Branch();
}
