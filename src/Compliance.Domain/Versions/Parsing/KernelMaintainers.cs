using System.Text.RegularExpressions;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// Who maintains a node's kernel (DOMAIN.md "What runs in a cluster", kernel). The node's osImage decides first: a
/// distribution builds and patches its own kernel for the life of its release, so the kernel is that release's (even
/// unsuffixed, as on Container-Optimized OS and Bottlerocket); an OS that ships upstream kernels (Talos, Flatcar) leaves
/// it upstream. Without an osImage that names a distribution, the kernel's suffix decides (<c>-generic</c>, <c>-aws</c>,
/// <c>-azure</c>, <c>-gcp</c> are Ubuntu's; <c>.el9</c> Enterprise Linux 9's; <c>.amzn2</c> Amazon Linux 2's; Debian's
/// <c>-amd64</c> the Debian release that ships that kernel line). A kernel with neither is upstream (hand-built).
/// </summary>
internal static partial class KernelMaintainers
{
    /// <summary>OS products that build and maintain their own kernels.</summary>
    private static readonly HashSet<string> Distributions = new(StringComparer.Ordinal)
    {
        "ubuntu", "debian", "rhel", "rocky-linux", "almalinux", "oracle-linux", "centos", "centos-stream", "amazon-linux",
        "cos", "bottlerocket", "sles", "suse-linux-micro", "azure-linux", "fedora", "alpine-linux", "photon",
    };

    /// <summary>OS products that ship upstream kernels: the kernel is judged as <c>linux-kernel</c>.</summary>
    private static readonly HashSet<string> UpstreamKernels = new(StringComparer.Ordinal) { "talos", "flatcar" };

    /// <summary>The Debian release that ships each kernel line (4.9 in 9 "stretch" to 6.12 in 13 "trixie").</summary>
    private static readonly Dictionary<string, string> DebianKernelLines = new(StringComparer.Ordinal)
    {
        ["4.9"] = "9", ["4.19"] = "10", ["5.10"] = "11", ["6.1"] = "12", ["6.12"] = "13",
    };

    /// <summary>The maintainer of <paramref name="kernel"/> (its version line is <paramref name="line"/>, e.g. 5.15), or null when it is upstream.</summary>
    public static MaintainedBy? Of(string kernel, string line, string? osImage)
    {
        if (!string.IsNullOrWhiteSpace(osImage) && OsImages.TryParse(osImage) is { } os)
        {
            if (UpstreamKernels.Contains(os.Product)) return null;
            if (Distributions.Contains(os.Product))
            {
                return os.IsKnown
                    ? new MaintainedBy(os.Product, os.Cycle)
                    : new MaintainedBy(os.Product, "", $"the node's osImage names {os.Product} but not its release: {os.UnknownReason}");
            }
        }

        return BySuffix(kernel.Trim(), line);
    }

    private static MaintainedBy? BySuffix(string kernel, string line)
    {
        if (EnterpriseLinux().Match(kernel) is { Success: true } el)
            return new MaintainedBy(el.Groups["uek"].Success ? "oracle-linux" : "rhel", el.Groups["n"].Value);
        if (AmazonLinux().Match(kernel) is { Success: true } amzn)
        {
            return amzn.Groups["n"].Value is "2" or "2023"
                ? new MaintainedBy("amazon-linux", amzn.Groups["n"].Value)
                : new MaintainedBy("amazon-linux", "", $"kernel '{kernel}' names Amazon Linux but no release it has a cycle for");
        }

        if (Fedora().Match(kernel) is { Success: true } fc) return new MaintainedBy("fedora", fc.Groups["n"].Value);
        if (Mariner().Match(kernel) is { Success: true } cm)
            return new MaintainedBy("azure-linux", cm.Groups["n"].Value + ".0");
        if (DebianBackport().Match(kernel) is { Success: true } bpo) return new MaintainedBy("debian", bpo.Groups["n"].Value);
        if (DebianArch().IsMatch(kernel))
        {
            return DebianKernelLines.TryGetValue(line, out var release)
                ? new MaintainedBy("debian", release)
                : new MaintainedBy("debian", "", $"kernel line {line} is not the one of any Debian release (4.9, 4.19, 5.10, 6.1, 6.12)");
        }

        if (Ubuntu().IsMatch(kernel))
        {
            return new MaintainedBy("ubuntu", "",
                $"kernel '{kernel}' is an Ubuntu kernel; which Ubuntu release maintains it is in the node's osImage, not in the kernel string");
        }

        return null;
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    [GeneratedRegex(@"\.el(?<n>\d+)(?:_\d+)?(?<uek>uek)?(?:\.|$)", Options)] private static partial Regex EnterpriseLinux();
    [GeneratedRegex(@"\.amzn(?<n>\d+)(?:\.|$)", Options)] private static partial Regex AmazonLinux();
    [GeneratedRegex(@"\.fc(?<n>\d+)(?:\.|$)", Options)] private static partial Regex Fedora();
    [GeneratedRegex(@"[.-](?:cm|azl)(?<n>\d+)(?:\.|$)", Options)] private static partial Regex Mariner();
    [GeneratedRegex(@"[.-]deb(?<n>\d+)[.u]", Options)] private static partial Regex DebianBackport();
    [GeneratedRegex(@"-(?:cloud-|rt-)?(?:amd64|arm64|686-pae|686)$", Options)] private static partial Regex DebianArch();
    [GeneratedRegex(@"^\d+\.\d+\.\d+-\d+-(?:generic|lowlatency|aws|azure|gcp|gke|gkeop|oracle|kvm|ibm|nvidia|raspi)(?:-fips)?$", Options)]
    private static partial Regex Ubuntu();
}
