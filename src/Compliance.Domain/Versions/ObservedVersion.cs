namespace Compliance.Domain.Versions;

/// <summary>
/// A version string as observed, resolved to its catalog product and cycle. Parsing never throws: a string that
/// cannot be understood is an explicit unknown (<see cref="IsKnown"/> false) with the reason in <see cref="UnknownReason"/>.
/// </summary>
/// <param name="Raw">The string exactly as observed.</param>
/// <param name="Product">endoflife.date product slug (kubernetes, amazon-eks, ubuntu, ...); empty when not known.</param>
/// <param name="Cycle">The release cycle key as the catalog spells it (1.29, 22.04, cos-125, 2023); empty when not known.</param>
/// <param name="Key">Comparable numbers; compared only between versions of the same product.</param>
/// <param name="Normalized">The canonical spelling (1.29.3, 22.04.4, 5.15.0); empty when not known.</param>
/// <param name="Flavour">The managed flavour a Kubernetes version string carries; null for other components.</param>
/// <param name="UnknownReason">Why the version is unknown; null when known.</param>
/// <param name="Build">A vendor or distribution build suffix (eks-adc7111, 1057-azure, 201.852.amzn2.x86_64, debian-12-r3);
/// a distribution kernel's patches follow the distribution, not upstream's patch numbers.</param>
/// <param name="MaintainedBy">For a distribution kernel, the OS release that maintains it (its support dates are that
/// release's); null for everything else, and for a kernel on an OS that ships upstream kernels.</param>
public sealed record ObservedVersion(
    string Raw,
    string Product,
    string Cycle,
    VersionKey Key,
    string Normalized,
    Flavour? Flavour,
    string? UnknownReason,
    string? Build = null,
    MaintainedBy? MaintainedBy = null)
{
    public bool IsKnown => UnknownReason is null;

    public static ObservedVersion Unknown(string raw, string reason, string product = "") =>
        new(raw ?? "", product, "", VersionKey.Empty, "", null, reason);

    public override string ToString() => IsKnown ? $"{Product} {Normalized}" : $"unknown ({Raw})";
}

/// <summary>
/// The OS release that maintains a component it ships for the life of the release: a distribution kernel
/// (<c>5.15.0-190-generic</c> on Ubuntu 22.04) gets its fixes as the distribution's own builds until that release ends.
/// <see cref="Cycle"/> is empty, with <see cref="UnknownReason"/>, when the distribution is known but not its release
/// (Container-Optimized OS names no milestone in its osImage; a bare <c>-generic</c> kernel names no Ubuntu release).
/// </summary>
public sealed record MaintainedBy(string Product, string Cycle, string? UnknownReason = null)
{
    public bool IsKnown => UnknownReason is null;

    public override string ToString() => IsKnown ? $"{Product} {Cycle}" : Product;
}
