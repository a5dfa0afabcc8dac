using Compliance.Domain.Catalog;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Catalog;

/// <summary>A small catalog with real Kubernetes 1.29 dates (endoflife.date, August 2026) and hand-made observed versions.</summary>
internal static class CatalogSamples
{
    public static readonly Provenance Source = new("test cycles", "test versions", "MIT", new DateOnly(2026, 8, 22));

    public static DateTimeOffset Day(int year, int month, int day) => CatalogDates.StartOfDay(new DateOnly(year, month, day));

    public static PatchRelease Patch(string product, string cycle, string version, int year, int month, int day) =>
        CatalogDates.Patch(product, cycle, version, new DateOnly(year, month, day));

    public static ProductReleases Kubernetes { get; } = new(
        "kubernetes",
        "Kubernetes",
        Source,
        [
            new ReleaseCycle("kubernetes", "1.29", new DateOnly(2023, 12, 13), new DateOnly(2024, 12, 28), new DateOnly(2025, 2, 28), null),
            new ReleaseCycle("kubernetes", "1.30", new DateOnly(2024, 4, 17), new DateOnly(2025, 4, 28), new DateOnly(2025, 7, 15), null),
        ],
        [
            // deliberately not in version order: the catalog sorts
            Patch("kubernetes", "1.29", "1.29.15", 2025, 3, 11),
            Patch("kubernetes", "1.29", "1.29.0", 2023, 12, 13),
            Patch("kubernetes", "1.29", "1.29.2", 2024, 2, 14),
            Patch("kubernetes", "1.29", "1.29.1", 2024, 1, 17),
            Patch("kubernetes", "1.29", "1.29.3", 2024, 3, 14),
            Patch("kubernetes", "1.29", "1.29.10", 2024, 10, 22),
            Patch("kubernetes", "1.29", "1.29.14", 2025, 2, 12),
            Patch("kubernetes", "1.30", "1.30.0", 2024, 4, 17),
        ]);

    public static ProductReleases Eks { get; } = new(
        "amazon-eks",
        "Amazon EKS",
        Source,
        [new ReleaseCycle("amazon-eks", "1.29", new DateOnly(2024, 1, 23), null, new DateOnly(2025, 3, 23), new DateOnly(2026, 3, 23))],
        [Patch("amazon-eks", "1.29", "1.29-eks-6", 2024, 4, 1)]);

    public static ProductReleases Aks { get; } = new(
        "azure-kubernetes-service",
        "Azure Kubernetes Service",
        Source,
        [new ReleaseCycle("azure-kubernetes-service", "1.29", new DateOnly(2024, 3, 18), null, new DateOnly(2025, 3, 31), new DateOnly(2026, 4, 30))],
        []);

    public static ProductReleases Rhel { get; } = new(
        "rhel",
        "Red Hat Enterprise Linux",
        Source,
        [new ReleaseCycle("rhel", "9", new DateOnly(2022, 5, 18), new DateOnly(2027, 5, 31), new DateOnly(2032, 5, 31), new DateOnly(2036, 5, 31))],
        []);

    public static ProductReleases OpenShift { get; } = new(
        "red-hat-openshift",
        "Red Hat OpenShift",
        Source,
        [new ReleaseCycle("red-hat-openshift", "4.16", new DateOnly(2024, 6, 27), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 27), null)],
        [Patch("red-hat-openshift", "4.16", "4.16.1", 2024, 7, 1), Patch("red-hat-openshift", "4.16", "4.16.2", 2024, 7, 8)]);

    public static ProductReleases Kernel { get; } = new(
        "linux-kernel",
        "Linux Kernel",
        Source,
        [new ReleaseCycle("linux-kernel", "5.15", new DateOnly(2021, 10, 31), null, new DateOnly(2026, 12, 31), null)],
        [Patch("linux-kernel", "5.15", "5.15.1", 2021, 11, 6), Patch("linux-kernel", "5.15", "5.15.2", 2021, 11, 12)]);

    public static ReleaseCatalog SampleCatalog(params Vulnerability[] vulnerabilities) =>
        new([Kubernetes, Eks, Aks, Rhel, OpenShift, Kernel], vulnerabilities);

    public static ObservedVersion Observed(string product, string cycle, string build = "", params long[] key) =>
        new(
            string.Join('.', key),
            product,
            cycle,
            new VersionKey(key),
            string.Join('.', key),
            null,
            null,
            build.Length == 0 ? null : build);

    public static ObservedVersion Kube(params long[] key) => Observed("kubernetes", $"{key[0]}.{key[1]}", "", key);
}
