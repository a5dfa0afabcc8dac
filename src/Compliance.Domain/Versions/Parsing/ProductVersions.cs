namespace Compliance.Domain.Versions.Parsing;

/// <summary>Versions spelled as a product's catalog spells them (catalog patch versions, cycles, <c>--product</c> input).</summary>
internal static class ProductVersions
{
    public static ObservedVersion Parse(string product, string version)
    {
        var raw = version ?? "";
        var name = (product ?? "").Trim().ToLowerInvariant();
        if (name.Length == 0) return ObservedVersion.Unknown(raw, "no product given");
        if (raw.Trim().Length == 0) return ObservedVersion.Unknown(raw, "empty version string", name);

        var parsed = name switch
        {
            "cos" => CosVersions.Parse(raw, raw),
            "nvidia-driver" => NvidiaDrivers.Parse(raw),
            "red-hat-openshift" when IsKubernetesNumber(raw) => KubernetesVersions.Parse(raw, Flavour.OpenShift),
            "red-hat-openshift" => GenericVersions.Parse(name, raw, raw) is { IsKnown: true } ocp ? ocp with { Flavour = Flavour.OpenShift } : null,
            _ when Flavours.IsKubernetesFamily(name) => KubernetesVersions.Parse(raw, Flavours.FlavourOfProduct(name)),
            _ => GenericVersions.Parse(name, raw, raw),
        };
        if (parsed is { IsKnown: true })
            return parsed.Product == name ? parsed : parsed with { Product = name };

        // Strings as observed in a cluster (an osImage, a runtime URI, an image) with the product stated.
        var inferred = Inference.Infer(raw);
        if (inferred.IsKnown && Flavours.SameFamily(inferred.Product, name)) return inferred with { Product = name };
        if (!inferred.IsKnown && inferred.Product == name) return inferred;
        return parsed ?? ObservedVersion.Unknown(raw, $"'{raw}' is not a {name} version", name);
    }

    /// <summary>OpenShift's own versions are 4.x; a 1.x string on an OpenShift cluster is its Kubernetes version.</summary>
    private static bool IsKubernetesNumber(string raw) =>
        NumberPrefix.Read(GenericVersions.StripV(raw.Trim())) is { Major: 1, Count: >= 2 };
}
