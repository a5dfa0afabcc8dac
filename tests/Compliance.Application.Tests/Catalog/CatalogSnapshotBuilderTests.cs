using System.Text;
using Compliance.Application.Catalog;
using Compliance.Domain.Catalog;

namespace Compliance.Application.Tests.Catalog;

public sealed class CatalogSnapshotBuilderTests
{
    private const string Kubernetes = """
        {"product":"kubernetes","title":"Kubernetes",
         "source":{"cycles":"products/kubernetes.md at abc (2026-08-22)","versions":"releases/kubernetes.json at def (2026-08-20)","license":"MIT"},
         "cycles":[
          {"releaseCycle":"1.29","releaseDate":"2023-12-13","eoas":"2024-12-28","eol":"2025-02-28"},
          {"releaseCycle":"1.17","releaseDate":"2019-12-09","eoas":true,"eol":"2021-01-13"},
          {"releaseCycle":"1.30","releaseDate":"2024-04-17","eoas":false,"eol":false}],
         "versions":[{"version":"1.29.1","date":"2024-01-17"},{"version":"1.29.0","date":"2023-12-13"},
                     {"version":"1.99.0","date":"2030-01-01"},{"version":"1.29.10","date":"2024-10-22"}]}
        """;

    private const string FluentBit = """
        {"product":"fluent-bit","title":"Fluent Bit",
         "source":{"cycles":"products/fluent-bit.md (2026-08-22)","versions":"releases/fluent-bit.json (2026-08-22)","license":"MIT"},
         "cycles":[{"releaseCycle":"1.7","releaseDate":"2021-01-27","eol":true}],
         "versions":[]}
        """;

    [Fact]
    public void identifiers_go_into_the_snapshot_in_source_order()
    {
        var withIdentifiers = Kubernetes.Replace("\"title\":\"Kubernetes\",",
            "\"title\":\"Kubernetes\",\"identifiers\":[{\"purl\":\"pkg:github/kubernetes/kubernetes\"},{\"repology\":\"kubernetes\"},{\"cpe\":\"cpe:2.3:a:kubernetes:kubernetes\"}],",
            StringComparison.Ordinal);

        var (bytes, _) = CatalogSnapshotBuilder.Build([Source("kubernetes.json", withIdentifiers), Source("fluent-bit.json", FluentBit)]);
        var catalog = CatalogSnapshot.Load(bytes.ShouldNotBeNull()).Catalog;

        catalog.Product("kubernetes")!.Identifiers.ShouldBe([
            new ProductIdentifier(IdentifierKind.Purl, "pkg:github/kubernetes/kubernetes"),
            new ProductIdentifier(IdentifierKind.Repology, "kubernetes"),
            new ProductIdentifier(IdentifierKind.Cpe, "cpe:2.3:a:kubernetes:kubernetes"),
        ]);
        catalog.Product("fluent-bit")!.Identifiers.ShouldBeEmpty();
        catalog.ProductByPurl("pkg:github/kubernetes/kubernetes@v1.29.3")!.Product.ShouldBe("kubernetes");
    }

    [Theory]
    [InlineData("[{\"swid\":\"alpine\"}]", "unknown kind \"swid\"")]
    [InlineData("[{\"purl\":\"pkg:a/b\",\"cpe\":\"cpe:/a:b\"}]", "an object of one string")]
    [InlineData("[\"pkg:a/b\"]", "an object of one string")]
    public void a_malformed_identifier_is_a_problem_naming_the_file_and_the_entry(string identifiers, string problem)
    {
        var source = FluentBit.Replace("\"title\":\"Fluent Bit\",", $"\"title\":\"Fluent Bit\",\"identifiers\":{identifiers},", StringComparison.Ordinal);

        var (bytes, summary) = CatalogSnapshotBuilder.Build([Source("fluent-bit.json", source)]);

        bytes.ShouldBeNull();
        summary.Problems.ShouldHaveSingleItem().ShouldStartWith("fluent-bit.json: identifiers: ");
        summary.Problems[0].ShouldContain(problem);
    }

    private static (string, byte[]) Source(string name, string json) => (name, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void versions_go_to_their_cycle_in_version_order_and_those_without_a_cycle_are_kept_as_unassigned()
    {
        var (bytes, summary) = CatalogSnapshotBuilder.Build([Source("kubernetes.json", Kubernetes)]);

        summary.Patches.ShouldBe(3);
        summary.Unassigned.ShouldBe(1);
        summary.UnassignedByProduct["kubernetes"].ShouldBe(1);
        var snapshot = CatalogSnapshot.Load(bytes.ShouldNotBeNull());
        snapshot.Catalog.Product("kubernetes")!.Patches.Where(p => p.Cycle == "1.29").Select(p => p.Version)
            .ShouldBe(["1.29.0", "1.29.1", "1.29.10"]);
        snapshot.Unassigned["kubernetes"].Select(p => p.Version).ShouldBe(["1.99.0"]);
    }

    [Fact]
    public void support_fields_that_are_dates_true_or_false_are_all_read()
    {
        var (bytes, _) = CatalogSnapshotBuilder.Build([Source("kubernetes.json", Kubernetes), Source("fluent-bit.json", FluentBit)]);
        var catalog = CatalogSnapshot.Load(bytes!).Catalog;

        catalog.Cycle("kubernetes", "1.29")!.Eol.ShouldBe(new DateOnly(2025, 2, 28));
        catalog.Cycle("kubernetes", "1.17")!.Eoas.ShouldBeNull();
        catalog.Cycle("kubernetes", "1.17")!.Eol.ShouldBe(new DateOnly(2021, 1, 13));
        var open = catalog.Cycle("kubernetes", "1.30")!;
        (open.Eol, open.Eoas, open.EolReached).ShouldBe((null, null, false));
        var ended = catalog.Cycle("fluent-bit", "1.7")!;
        (ended.Eol, ended.EolReached).ShouldBe((null, true));
    }

    [Fact]
    public void the_retrieval_date_is_the_older_of_the_source_dates_and_patches_are_released_at_midnight_utc()
    {
        var (bytes, _) = CatalogSnapshotBuilder.Build([Source("kubernetes.json", Kubernetes)]);
        var snapshot = CatalogSnapshot.Load(bytes!);

        snapshot.Provenance["kubernetes"].RetrievedOn.ShouldBe(new DateOnly(2026, 8, 20));
        snapshot.Provenance["kubernetes"].License.ShouldBe("MIT");
        snapshot.AgeInDays(new DateOnly(2026, 9, 1)).ShouldBe(12);
        snapshot.Catalog.Product("kubernetes")!.Patches.Single(p => p.Version == "1.29.0").ReleasedAt
            .ShouldBe(new DateTimeOffset(2023, 12, 13, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void a_malformed_source_file_is_reported_and_nothing_is_built()
    {
        var (bytes, summary) = CatalogSnapshotBuilder.Build([
            Source("kubernetes.json", Kubernetes),
            Source("broken.json", """{"product":"broken","source":{"cycles":"no date","versions":"","license":""},"cycles":[]}"""),
            Source("bad-date.json", FluentBit.Replace("\"eol\":true", "\"eol\":\"soon\"", StringComparison.Ordinal)),
        ]);

        bytes.ShouldBeNull();
        summary.Succeeded.ShouldBeFalse();
        summary.Problems.Count.ShouldBe(2);
        summary.Problems.ShouldContain(p => p.StartsWith("broken.json", StringComparison.Ordinal));
    }

    [Fact]
    public void the_same_sources_in_any_order_give_the_same_bytes()
    {
        var sources = Directory.GetFiles(RepositoryPaths.CatalogSource, "*.json").Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        var forward = CatalogSnapshotBuilder.Build(sources).Bytes;
        var backward = CatalogSnapshotBuilder.Build(Enumerable.Reverse(sources)).Bytes;

        forward.ShouldNotBeNull().Length.ShouldBeGreaterThan(0);
        backward.ShouldBe(forward);
    }

    [Fact]
    public async Task the_committed_snapshot_is_what_the_builder_makes_from_the_catalog_data()
    {
        var (built, summary) = await CatalogSnapshotBuilder.BuildBytesAsync(RepositoryPaths.CatalogSource, CancellationToken.None);

        summary.Problems.ShouldBeEmpty();
        var committed = await File.ReadAllBytesAsync(RepositoryPaths.CommittedSnapshot, CancellationToken.None);
        committed.SequenceEqual(built!).ShouldBeTrue(
            "regenerate: compliance catalog build --source data/catalog --out src/Compliance.Application/Catalog/catalog.snapshot.json --force");
    }

    [Fact]
    public async Task build_writes_the_snapshot_file_and_reports_its_counts()
    {
        var folder = Directory.CreateTempSubdirectory("catalog-build-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "kubernetes.json"), Kubernetes, CancellationToken.None);
            var outFile = Path.Combine(folder.FullName, "out", "snapshot.json");

            var summary = await CatalogSnapshotBuilder.BuildAsync(folder.FullName, outFile, CancellationToken.None);

            summary.Written.ShouldBeTrue();
            (summary.Products, summary.Cycles, summary.Patches, summary.Unassigned).ShouldBe((1, 3, 3, 1));
            CatalogSnapshot.Load(await File.ReadAllBytesAsync(outFile, CancellationToken.None)).Catalog.Products.Count.ShouldBe(1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
