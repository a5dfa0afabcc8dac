using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Versions;

/// <summary>Every cycle and version string of every catalog file parses as its product spells it.</summary>
public sealed class CatalogSpellingTests
{
    /// <summary>
    /// Catalog versions whose cycle is not in the product's cycle table, besides versions older than the oldest cycle
    /// (the version history reaches further back than the cycle table for most products).
    /// </summary>
    private static readonly Dictionary<(string Product, string Cycle), string> CyclesNotInTheCatalog = new(
    [
        .. Allow("alpine-linux", "Alpine Linux 2 ended with 2.7 (3.0 followed); the release data's later 2.x tags are not in the cycle table",
            "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "2.17", "2.18", "2.19", "2.20", "2.21",
            "2.22", "2.23", "2.24", "2.26", "2.27", "2.28", "2.29"),
        .. Allow("amazon-linux", "Amazon Linux 2022 was the preview of Amazon Linux 2023", "2022"),
        .. Allow("amazon-linux", "Amazon Linux 2's release candidate was numbered 2017.12", "2017.12"),
        .. Allow("elasticsearch", "8.x minors before 8.16 are not in the cycle table", EightMinorsBefore(16)),
        .. Allow("kibana", "8.x minors before 8.14 are not in the cycle table", EightMinorsBefore(14)),
        .. Allow("logstash", "8.x minors before 8.17 are not in the cycle table", EightMinorsBefore(17)),
        .. Allow("kyverno", "1.19.0 is listed before its cycle was added", "1.19"),
        .. Allow("kubernetes-csi-node-driver-registrar", "2.17.0 is listed before its cycle was added", "2.17"),
        .. Allow("kubernetes-csi-node-driver-registrar", "the cycle table jumps from 1.2 to 2.0", "1.3"),
        .. Allow("linux-kernel", "non-LTS stable series before 5.10 are not in the cycle table",
            "4.10", "4.11", "4.12", "4.13", "4.15", "4.16", "4.17", "4.18", "4.20", "5.0", "5.1", "5.2", "5.3", "5.5",
            "5.6", "5.7", "5.8", "5.9"),
        .. Allow("mongodb", "odd (development) minors before 5.0 are not in the cycle table",
            "1.1", "1.3", "1.5", "1.7", "1.9", "2.1", "2.3", "2.5", "2.7", "3.1", "3.3", "3.5", "3.7", "4.1", "4.3", "4.5", "4.7"),
        .. Allow("nginx", "odd (mainline) branches before 1.18 are not in the cycle table",
            "1.1", "1.3", "1.5", "1.7", "1.9", "1.11", "1.13", "1.15", "1.17"),
    ]);

    public static TheoryData<string> Products => [.. CatalogFiles.All.Select(p => p.Name)];

    [Fact]
    public void the_catalog_holds_the_seventy_eight_products()
    {
        CatalogFiles.All.Count.ShouldBe(78);
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void every_cycle_parses_to_itself(string product)
    {
        var cycles = CatalogFiles.All.Single(p => p.Name == product).Cycles;

        var wrong = cycles
            .Select(c => (c, parsed: VersionParser.ParseForProduct(product, c)))
            .Where(x => !x.parsed.IsKnown || x.parsed.Cycle != x.c || x.parsed.Normalized != x.c || x.parsed.Product != product)
            .Select(x => $"{x.c} -> {x.parsed.Cycle} {x.parsed.Normalized} {x.parsed.UnknownReason}")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void every_version_parses_into_one_of_its_products_cycles(string product)
    {
        var file = CatalogFiles.All.Single(p => p.Name == product);
        var oldest = file.Cycles.Select(c => VersionParser.ParseForProduct(product, c).Key).Min();

        var wrong = new List<string>();
        foreach (var version in file.Versions)
        {
            var parsed = VersionParser.ParseForProduct(product, version);
            if (!parsed.IsKnown) wrong.Add($"{version}: {parsed.UnknownReason}");
            else if (parsed.Normalized != version) wrong.Add($"{version}: normalized to {parsed.Normalized}");
            else if (!file.Cycles.Contains(parsed.Cycle) && parsed.Key >= oldest && !CyclesNotInTheCatalog.ContainsKey((product, parsed.Cycle)))
                wrong.Add($"{version}: cycle {parsed.Cycle} is not a {product} cycle");
        }

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void every_version_round_trips_through_its_normalized_spelling(string product)
    {
        var file = CatalogFiles.All.Single(p => p.Name == product);

        var wrong = file.Versions.Concat(file.Cycles)
            .Select(v => VersionParser.ParseForProduct(product, v))
            .Select(v => (v, again: VersionParser.ParseForProduct(product, v.Normalized)))
            .Where(x => x.again.Product != x.v.Product || x.again.Cycle != x.v.Cycle || x.again.Key != x.v.Key
                || x.again.Normalized != x.v.Normalized)
            .Select(x => x.v.Raw)
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void every_allowed_exception_still_occurs_in_the_catalog()
    {
        var occurring = CatalogFiles.All
            .SelectMany(p => p.Versions.Select(v => (p.Name, VersionParser.ParseForProduct(p.Name, v).Cycle)))
            .ToHashSet();

        CyclesNotInTheCatalog.Keys.Where(k => !occurring.Contains(k)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("amazon-eks", "1.29-eks-6", "1.29-eks-7")]
    [InlineData("amazon-eks", "1.29-eks-9", "1.29-eks-10")]
    [InlineData("amazon-linux", "2.0.20260727.0", "2.0.20260817.0")]
    [InlineData("amazon-linux", "2023.11.20260710.0", "2023.12.20260724.0")]
    [InlineData("grafana", "12.3.6", "12.3.6+security-01")]
    [InlineData("grafana", "12.3.6+security-01", "12.3.6+security-04")]
    [InlineData("grafana", "12.3.6+security-04", "12.3.7")]
    [InlineData("google-kubernetes-engine", "1.18.16-gke.502", "1.18.16-gke.2100")]
    [InlineData("debian", "12", "12.1")]
    [InlineData("linux-kernel", "7.2", "7.2.1")]
    [InlineData("cos", "cos-125-19216-532-108", "cos-125-19216-532-123")]
    [InlineData("postgresql", "17.9", "17.10")]
    [InlineData("postgresql", "9.6.9", "9.6.24")]
    [InlineData("docker-engine", "29.1.5", "29.7.2")]
    [InlineData("elasticsearch", "8.19.9", "8.19.20")]
    [InlineData("teleport", "18.9.2", "18.10.0")]
    public void catalog_versions_of_one_cycle_sort_in_release_order(string product, string older, string newer)
    {
        var before = VersionParser.ParseForProduct(product, older);
        var after = VersionParser.ParseForProduct(product, newer);

        before.Cycle.ShouldBe(after.Cycle);
        before.Key.ShouldBeLessThan(after.Key);
    }

    [Fact]
    public void an_nvidia_linux_driver_version_names_its_branch_and_a_two_part_version_stays_unknown()
    {
        var latest = CatalogFiles.All.Single(p => p.Name == "nvidia-driver").Latest
            .Select(l => (l.Cycle, l.Version, Parsed: VersionParser.ParseForProduct("nvidia-driver", l.Version)))
            .ToList();

        latest.Where(l => l.Cycle.EndsWith("-windows", StringComparison.Ordinal)).ShouldAllBe(l => !l.Parsed.IsKnown);
        var linux = latest.Where(l => l.Cycle.EndsWith("-linux", StringComparison.Ordinal)).ToList();
        linux.Where(l => l.Parsed.IsKnown).ShouldAllBe(l => l.Parsed.Cycle == l.Cycle);
        linux.Where(l => !l.Parsed.IsKnown).Select(l => l.Version).ShouldBe(["495.46", "390.157"]);
        VersionParser.ParseForProduct("nvidia-driver", "582.78").UnknownReason.ShouldNotBeNull().ShouldContain("Windows");
    }

    private static string[] EightMinorsBefore(int minor) => [.. Enumerable.Range(0, minor).Select(m => $"8.{m}")];

    private static IEnumerable<KeyValuePair<(string, string), string>> Allow(string product, string reason, params string[] cycles) =>
        cycles.Select(c => KeyValuePair.Create((product, c), reason));
}
