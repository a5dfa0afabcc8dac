using System.Globalization;

namespace Compliance.Application.Demo;

/// <summary>An add-on as its system pod shows it: where it runs and the image repository its tag is read from.</summary>
internal sealed record AddOnSpec(string Product, string Namespace, string Workload, string Container, string Repository, bool VPrefix)
{
    public string Image(string version) => $"{Repository}:{(VPrefix ? "v" : "")}{version}";
}

/// <summary>The add-ons of the fleet, and the ingress-nginx releases (a product the shipped catalog does not cover).</summary>
internal static class AddOns
{
    public const string IngressNginx = "ingress-nginx";

    public static readonly AddOnSpec CertManager = new("cert-manager", "cert-manager", "cert-manager", "cert-manager-controller", "quay.io/jetstack/cert-manager-controller", true);
    public static readonly AddOnSpec Ingress = new(IngressNginx, "ingress-nginx", "ingress-nginx-controller", "controller", "registry.k8s.io/ingress-nginx/controller", true);
    public static readonly AddOnSpec Cilium = new("cilium", "kube-system", "cilium", "cilium-agent", "quay.io/cilium/cilium", true);
    public static readonly AddOnSpec FluentBit = new("fluent-bit", "logging", "fluent-bit", "fluent-bit", "cr.fluentbit.io/fluent/fluent-bit", false);

    public static IReadOnlyList<AddOnSpec> For(ClusterSpec spec) =>
        spec.HasCilium ? [CertManager, Ingress, Cilium, FluentBit] : [CertManager, Ingress, FluentBit];

    public static AddOnSpec Spec(string product) => product switch
    {
        "cert-manager" => CertManager,
        IngressNginx => Ingress,
        "cilium" => Cilium,
        "fluent-bit" => FluentBit,
        _ => throw new ArgumentOutOfRangeException(nameof(product), product, "not an add-on of the demo fleet"),
    };

    /// <summary>
    /// ingress-nginx controller tags with approximate release dates (upstream GitHub releases; the shipped catalog has
    /// no ingress-nginx product: the demo's operator records its cycles and their retirement as catalog facts).
    /// </summary>
    private static readonly (string Version, DateOnly Date)[] IngressReleases =
    [
        ("1.11.5", Day("2025-03-24")),
        ("1.12.1", Day("2025-03-24")),
        ("1.12.2", Day("2025-04-29")),
        ("1.13.0", Day("2025-07-03")),
        ("1.13.3", Day("2025-10-01")),
        ("1.14.0", Day("2025-11-04")),
        ("1.14.1", Day("2025-12-02")),
    ];

    /// <summary>The highest ingress-nginx tag released by <paramref name="asOf"/> (the oldest known one before any).</summary>
    public static string IngressVersionAt(DateTimeOffset asOf)
    {
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var released = IngressReleases.Where(r => r.Date <= day).ToList();
        var pick = released.Count == 0 ? IngressReleases[0] : released.MaxBy(r => CatalogLookup.KeyOf(r.Version));
        return pick.Version;
    }

    /// <summary>The ingress-nginx cycles the fleet can run, each with the day its first listed tag was released.</summary>
    public static IEnumerable<(string Cycle, DateOnly Released)> IngressCycles() =>
        IngressReleases.GroupBy(r => FleetState.CycleOf(r.Version)).Select(g => (g.Key, g.Min(r => r.Date)));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
