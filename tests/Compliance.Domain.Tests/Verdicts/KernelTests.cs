using Compliance.Domain.Catalog;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Verdicts.Catalogs;

namespace Compliance.Domain.Tests.Verdicts;

/// <summary>DOMAIN.md "What runs in a cluster", kernel: a distribution's kernel is judged by the OS release that maintains it.</summary>
public sealed class KernelTests
{
    private static readonly DateOnly Day = Date(2026, 12, 15);

    // Upstream 5.15 ends on 2026-12-31 (high on the day judged); Ubuntu 22.04 maintains its 5.15 kernels until 2027-06-01.
    private static readonly ReleaseCatalog Catalog = Of(
        Product("linux-kernel", [Cycle("linux-kernel", "5.15", eoas: null, eol: Date(2026, 12, 31)), Cycle("linux-kernel", "6.6", eoas: null, eol: Date(2026, 12, 20))],
            Patch("linux-kernel", "5.15.190", Ledger.At(2026, 10, 1)), Patch("linux-kernel", "6.6.13", Ledger.At(2024, 1, 20)),
            Patch("linux-kernel", "6.6.14", Ledger.At(2024, 1, 25))),
        Product("ubuntu", [Cycle("ubuntu", "22.04", eoas: Date(2027, 4, 1), eol: Date(2027, 6, 1), eoes: Date(2032, 4, 9))]),
        Product("debian", [Cycle("debian", "12", eoas: null, eol: Date(2026, 7, 11), eoes: Date(2028, 6, 30))]),
        Product("rhel", [Cycle("rhel", "9", eoas: Date(2027, 5, 31), eol: Date(2032, 5, 31))]),
        Product("amazon-linux", [Cycle("amazon-linux", "2", eoas: Date(2026, 6, 30), eol: Date(2026, 6, 30))]));

    /// <summary>kernel, the same node's osImage (null: none known), the maintaining product and cycle ("" when upstream), unknown release.</summary>
    public static TheoryData<string, string?, string, string, bool> Classified => new()
    {
        { "5.15.0-190-generic", "Ubuntu 22.04.4 LTS", "ubuntu", "22.04", false },
        { "5.15.0-1057-azure", "Ubuntu 22.04.4 LTS", "ubuntu", "22.04", false },
        { "6.1.0-18-amd64", "Debian GNU/Linux 12 (bookworm)", "debian", "12", false },
        { "5.14.0-427.13.1.el9_4.x86_64", "Red Hat Enterprise Linux 9.4 (Plow)", "rhel", "9", false },
        { "5.14.0-427.13.1.el9_4.x86_64", "Rocky Linux 9.4 (Blue Onyx)", "rocky-linux", "9", false },
        { "5.10.210-201.852.amzn2.x86_64", "Amazon Linux 2", "amazon-linux", "2", false },
        { "6.1.58+", "Container-Optimized OS from Google", "cos", "", true },
        { "6.1.72", "Bottlerocket OS 1.19.2 (aws-k8s-1.29)", "bottlerocket", "1.19", false },
        { "6.6.13-talos", "Talos (v1.6.4)", "", "", false },
        { "6.1.73-flatcar", "Flatcar Container Linux by Kinvolk 3815.2.0 (Oklo)", "", "", false },
        { "5.14.0-427.13.1.el9_4.x86_64", null, "rhel", "9", false },
        { "5.10.210-201.852.amzn2.x86_64", null, "amazon-linux", "2", false },
        { "6.1.0-18-amd64", null, "debian", "12", false },
        { "6.1.0-0.deb11.13-amd64", null, "debian", "11", false },
        { "5.15.0-190-generic", null, "ubuntu", "", true },
        { "6.6.21", null, "", "", false },
        { "6.6.21-custom", "Hand-built Linux", "", "", false },
    };

    [Theory]
    [MemberData(nameof(Classified))]
    public void a_kernel_is_classified_by_the_nodes_os_image_first_then_by_its_suffix(string kernel, string? osImage, string product, string cycle, bool releaseUnknown)
    {
        var parsed = VersionParser.ParseKernel(kernel, osImage);

        parsed.IsKnown.ShouldBeTrue();
        parsed.Product.ShouldBe("linux-kernel");
        if (product.Length == 0)
        {
            parsed.MaintainedBy.ShouldBeNull();
            return;
        }

        var maintainer = parsed.MaintainedBy.ShouldNotBeNull();
        maintainer.Product.ShouldBe(product);
        maintainer.Cycle.ShouldBe(cycle);
        maintainer.IsKnown.ShouldBe(!releaseUnknown);
    }

    [Fact]
    public void ubuntu_nodes_kernels_are_judged_by_the_ubuntu_release_not_as_upstream_5_15()
    {
        var history = new Ledger().Registered(Ledger.At(2026, 1, 1))
            .Node("n1", "v1.33.5", Ledger.At(2026, 2, 1), os: "Ubuntu 22.04.4 LTS", kernel: "5.15.0-190-generic")
            .Node("n2", "v1.33.5", Ledger.At(2026, 2, 1), os: "Ubuntu 22.04.4 LTS", kernel: "5.15.0-190-generic")
            .History();

        var kernel = EolRisk.Evaluate(history, Catalog, Day).Single(v => v.Kind == ComponentKind.Kernel);

        kernel.Product.ShouldBe("ubuntu");
        kernel.Cycle.ShouldBe("22.04");
        kernel.Level.ShouldBe(EolLevel.Low);
        kernel.StandardSupport.ShouldBe(new SupportEnd(Date(2027, 6, 1), 168));
        kernel.Note.ShouldNotBeNull().ShouldStartWith("maintained by ubuntu 22.04 for the life of the cycle");
        kernel.PatchesBehind.ShouldBeNull();
        kernel.Instances.ShouldBe(2);
    }

    [Theory]
    [InlineData("5.15.0-190-generic", "Ubuntu 22.04.4 LTS", EolLevel.Low, "ubuntu")]
    [InlineData("6.1.0-18-amd64", "Debian GNU/Linux 12 (bookworm)", EolLevel.Eol, "debian")]
    [InlineData("5.10.210-201.852.amzn2.x86_64", "Amazon Linux 2", EolLevel.Eol, "amazon-linux")]
    [InlineData("6.1.58+", "Container-Optimized OS from Google", EolLevel.Unknown, "linux-kernel")]
    [InlineData("6.1.72", "Bottlerocket OS 1.19.2 (aws-k8s-1.29)", EolLevel.Unknown, "linux-kernel")]
    [InlineData("6.6.13-talos", "Talos (v1.6.4)", EolLevel.High, "linux-kernel")]
    public void a_kernel_is_judged_by_its_os_release_and_only_an_upstream_kernel_as_linux_kernel(string kernel, string os, EolLevel level, string product)
    {
        var verdict = EolRisk.Assess(VersionParser.ParseKernel(kernel, os), Catalog, MaintenancePolicy.Default, Day);

        verdict.Level.ShouldBe(level);
        (verdict.Cycle?.Product ?? "linux-kernel").ShouldBe(product);
        if (level == EolLevel.Unknown) verdict.Note.ShouldNotBeNull().ShouldContain("is maintained by");
    }

    [Fact]
    public void a_kernel_on_an_os_that_ships_upstream_kernels_has_its_upstream_patch_position()
    {
        var talos = EolRisk.Assess(VersionParser.ParseKernel("6.6.13-talos", "Talos (v1.6.4)"), Catalog, MaintenancePolicy.Default, Day);
        var ubuntu = EolRisk.Assess(VersionParser.ParseKernel("5.15.0-190-generic", "Ubuntu 22.04.4 LTS"), Catalog, MaintenancePolicy.Default, Day);

        talos.PatchesBehind.ShouldBe(1);
        ubuntu.PatchesBehind.ShouldBeNull();
    }

    [Fact]
    public void the_same_kernel_under_another_os_release_is_a_change()
    {
        var history = new Ledger()
            .Node("n1", "v1.33.5", Ledger.At(2026, 2, 1), os: "Ubuntu 22.04.4 LTS", kernel: "6.8.0-40-generic")
            .Node("n1", "v1.33.5", Ledger.At(2026, 3, 1), os: "Ubuntu 24.04.1 LTS", kernel: "6.8.0-40-generic")
            .History();

        var kernels = history.Intervals.Where(i => i.Kind == ComponentKind.Kernel).ToList();

        kernels.Select(k => k.Version.MaintainedBy!.Cycle).ShouldBe(["22.04", "24.04"]);
    }
}
