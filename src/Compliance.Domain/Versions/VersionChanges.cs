using Compliance.Domain.Versions.Parsing;

namespace Compliance.Domain.Versions;

/// <summary>How a component's version changed (DOMAIN.md, "Semantic versioning of changes").</summary>
public static class VersionChanges
{
    /// <summary>
    /// None when the keys and builds are equal; Downgrade when the target's key is lower; Patch within one cycle (also
    /// a rebuild with the same numbers and another vendor build, e.g. kernel 5.15.0-1057-azure to 5.15.0-1059-azure);
    /// Major when the product's major number rises, or, for Kubernetes-based products when
    /// <paramref name="kubernetesMinorIsMajor"/> (the default: a Kubernetes minor removes APIs), on any new cycle;
    /// Minor otherwise. Unknown when either side is unknown or they are different products; kubernetes, amazon-eks,
    /// google-kubernetes-engine, azure-kubernetes-service, k3s and rke2 count as one product here (same numbers).
    /// </summary>
    public static ChangeKind Classify(ObservedVersion from, ObservedVersion to, bool kubernetesMinorIsMajor = true)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!from.IsKnown || !to.IsKnown || from.Key.IsEmpty || to.Key.IsEmpty) return ChangeKind.Unknown;
        if (!Flavours.SameFamily(from.Product, to.Product)) return ChangeKind.Unknown;

        var order = from.Key.CompareTo(to.Key);
        if (order > 0) return ChangeKind.Downgrade;
        if (order == 0) return string.Equals(from.Build, to.Build, StringComparison.Ordinal) ? ChangeKind.None : ChangeKind.Patch;
        if (from.Cycle == to.Cycle) return ChangeKind.Patch;
        if (to.Key[0] > from.Key[0]) return ChangeKind.Major;
        var kubernetes = Flavours.IsKubernetesBased(from.Product) && Flavours.IsKubernetesBased(to.Product);
        return kubernetes && kubernetesMinorIsMajor ? ChangeKind.Major : ChangeKind.Minor;
    }
}
