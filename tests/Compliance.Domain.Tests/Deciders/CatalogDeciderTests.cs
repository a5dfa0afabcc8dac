using Compliance.Domain.Catalog;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;

namespace Compliance.Domain.Tests.Deciders;

public sealed class CatalogDeciderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddDays(1);

    private static RecordCatalogFact Record(CatalogEvent fact) => new(fact, "catalog-watcher", T1);

    private static ReleaseCycleRecorded Cycle(DateOnly? eol = null, string source = "endoflife.date", DateTimeOffset? at = null) =>
        new("kubernetes", "1.29", new DateOnly(2023, 12, 13), new DateOnly(2024, 12, 28), eol ?? new DateOnly(2025, 2, 28), null, false, source, at ?? T0);

    private static PatchReleased Patch(string version = "1.29.3", DateTimeOffset? releasedAt = null) =>
        new("kubernetes", "1.29", version, releasedAt ?? new DateTimeOffset(2024, 3, 14, 0, 0, 0, TimeSpan.Zero), T0);

    private static VulnerabilityPublished Cve(IReadOnlyList<string>? fixedIn = null, string id = "CVE-2024-3177") =>
        new("kubernetes", id, Severity.Medium, "Bypassing mountable secrets policy", "https://github.com/kubernetes/kubernetes/issues/124336",
            fixedIn ?? ["1.29.4"], new DateTimeOffset(2024, 4, 22, 0, 0, 0, TimeSpan.Zero), T0);

    [Fact]
    public void records_a_new_release_cycle() => Spec.Catalog().When(Record(Cycle())).Then(Cycle());

    [Fact]
    public void the_same_release_cycle_again_records_nothing() =>
        Spec.Catalog().Given(Cycle()).When(Record(Cycle(at: T1))).ThenUnchanged();

    [Fact]
    public void the_same_cycle_dates_from_another_source_record_nothing() =>
        Spec.Catalog().Given(Cycle()).When(Record(Cycle(source: "snapshot", at: T1))).ThenUnchanged();

    [Fact]
    public void a_release_cycle_with_changed_dates_is_a_new_fact() =>
        Spec.Catalog()
            .Given(Cycle())
            .When(Record(Cycle(eol: new DateOnly(2025, 3, 31), at: T1)))
            .Then(Cycle(eol: new DateOnly(2025, 3, 31), at: T1));

    [Fact]
    public void rejects_a_release_cycle_without_cycle() =>
        Spec.Catalog().When(Record(Cycle() with { Cycle = "" })).ThenRejected("no cycle name");

    [Fact]
    public void rejects_a_fact_without_product() =>
        Spec.Catalog().When(Record(Patch() with { Product = " " })).ThenRejected("has no product");

    [Fact]
    public void records_a_new_patch() => Spec.Catalog().Given(Patch()).When(Record(Patch("1.29.4"))).Then(Patch("1.29.4"));

    [Fact]
    public void a_known_patch_version_records_nothing_even_with_another_date() =>
        Spec.Catalog().Given(Patch()).When(Record(Patch(releasedAt: T1))).ThenUnchanged();

    [Fact]
    public void rejects_a_patch_without_version() =>
        Spec.Catalog().When(Record(Patch(version: ""))).ThenRejected("has no version");

    [Fact]
    public void rejects_a_patch_without_cycle() =>
        Spec.Catalog().When(Record(Patch() with { Cycle = "" })).ThenRejected("has no cycle");

    [Fact]
    public void records_a_new_vulnerability() => Spec.Catalog().When(Record(Cve())).Then(Cve());

    [Fact]
    public void the_same_vulnerability_again_records_nothing() =>
        Spec.Catalog().Given(Cve()).When(Record(Cve() with { At = T1 })).ThenUnchanged();

    [Fact]
    public void a_vulnerability_with_a_new_fixing_version_is_a_new_fact() =>
        Spec.Catalog().Given(Cve()).When(Record(Cve(["1.29.4", "1.28.9"]))).Then(Cve(["1.29.4", "1.28.9"]));

    [Theory]
    [InlineData("CVE-2024-31")]
    [InlineData("2024-3177")]
    [InlineData("")]
    public void rejects_a_vulnerability_whose_id_is_not_a_cve(string id) =>
        Spec.Catalog().When(Record(Cve(id: id))).ThenRejected("is not a CVE id");
}
