namespace Compliance.Domain.Versions.Parsing;

/// <summary>
/// Guessing the product of a bare version string (<c>eol-risk check --version STRING</c>). Only shapes that belong to
/// one kind of component are inferred; a bare <c>1.2.3</c> could be anything, so it asks for the product.
/// </summary>
internal static class Inference
{
    public const string CannotInfer = "cannot infer the product; pass --product";

    public static ObservedVersion Infer(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.Length == 0) return ObservedVersion.Unknown(raw ?? "", "empty version string");
        if (Runtimes.Looks(text)) return Runtimes.Parse(raw!);
        if (LooksLikeKubernetes(text)) return KubernetesVersions.Parse(raw!, null);
        if (CosVersions.Looks(text)) return CosVersions.Parse(raw!, text);
        if (OsImages.TryParse(raw!) is { } os) return os;
        if (Kernels.Looks(text)) return Kernels.Parse(raw!);
        if (ImageReferences.Looks(text))
        {
            var image = ImageReferences.Parse(raw!, null);
            return image.IsKnown || image.Product.Length > 0
                ? image
                : ObservedVersion.Unknown(raw!, $"{image.UnknownReason}; {CannotInfer}");
        }
        return ObservedVersion.Unknown(raw!, CannotInfer);
    }

    /// <summary>A gitVersion: <c>v1.MINOR.PATCH</c> with or without a suffix, or any 1.x string carrying a vendor marker.</summary>
    private static bool LooksLikeKubernetes(string text)
    {
        var hasV = text[0] is 'v' or 'V';
        var number = NumberPrefix.Read(GenericVersions.StripV(text), 3);
        if (number is not { Major: 1, Count: >= 2 }) return false;
        if (hasV && number.Count == 3) return true;
        return text.Contains("-eks-", StringComparison.Ordinal) || text.Contains("-gke.", StringComparison.Ordinal)
            || text.Contains("+k3s", StringComparison.Ordinal) || text.Contains("+rke2", StringComparison.Ordinal);
    }
}
