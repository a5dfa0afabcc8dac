using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using static Compliance.Domain.Tests.Deciders.MaintenanceFixture;

namespace Compliance.Domain.Tests.Deciders;

public sealed class EmergencyPatchTests
{
    private static readonly DateTimeOffset From = new(2026, 9, 3, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(2);

    private static RecordEmergencyPatch Patch(
        string id = "e1",
        IReadOnlyList<string>? cves = null,
        IReadOnlyList<string>? products = null,
        DateTimeOffset? endedAt = null) =>
        new(Cluster, id, cves ?? ["CVE-2026-12345"], products ?? ["kubernetes"], From, endedAt ?? To, Actor, To.AddHours(1));

    private static EmergencyPatchRecorded Recorded() => new(Cluster, "e1", ["CVE-2026-12345"], ["kubernetes"], From, To, To.AddHours(1));

    [Fact]
    public void records_an_emergency_patch() => Spec.Maintenance().When(Patch()).Then(Recorded());

    [Fact]
    public void records_an_emergency_patch_that_ended_when_it_started() =>
        Spec.Maintenance().When(Patch(endedAt: From)).Then(Recorded() with { EndedAt = From });

    [Fact]
    public void recording_the_same_emergency_patch_again_changes_nothing() =>
        Spec.Maintenance().Given(Recorded()).When(Patch() with { Now = To.AddDays(1) }).ThenUnchanged();

    [Fact]
    public void rejects_the_same_emergency_id_with_different_data() =>
        Spec.Maintenance().Given(Recorded()).When(Patch(products: ["containerd"])).ThenRejected("already recorded with different data");

    [Theory]
    [InlineData("CVE-26-1234")]
    [InlineData("cve-2026-1234")]
    [InlineData("CVE-2026-123")]
    [InlineData("GHSA-xxxx-yyyy")]
    public void rejects_an_id_that_is_not_a_cve(string id) =>
        Spec.Maintenance().When(Patch(cves: ["CVE-2026-12345", id])).ThenRejected("not a CVE id", id);

    [Fact]
    public void rejects_an_emergency_patch_without_cves() =>
        Spec.Maintenance().When(Patch(cves: [])).ThenRejected("names the CVEs");

    [Fact]
    public void rejects_an_emergency_patch_without_products() =>
        Spec.Maintenance().When(Patch(products: [])).ThenRejected("names the products");

    [Fact]
    public void rejects_an_emergency_patch_that_ends_before_it_starts() =>
        Spec.Maintenance().When(Patch(endedAt: From.AddMinutes(-1))).ThenRejected("ends", "before it starts");

    [Fact]
    public void rejects_an_emergency_patch_without_id() =>
        Spec.Maintenance().When(Patch(id: "")).ThenRejected("emergency id is required");
}
