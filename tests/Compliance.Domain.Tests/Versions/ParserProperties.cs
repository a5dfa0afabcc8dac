using Compliance.Domain.Versions;
using FsCheck.Xunit;

namespace Compliance.Domain.Tests.Versions;

[Properties(Arbitrary = [typeof(VersionGenerators)], MaxTest = 300)]
public sealed class ParserProperties
{
    private static readonly string[] Products =
        ["kubernetes", "amazon-eks", "google-kubernetes-engine", "red-hat-openshift", "ubuntu", "amazon-linux", "cos",
         "linux-kernel", "grafana", "debian", "sles", "containerd", "cert-manager"];

    [Property]
    public void generated_git_versions_recover_their_numbers_and_product(GitVersionCase version)
    {
        var parsed = VersionParser.ParseKubernetes(version.Format());

        parsed.UnknownReason.ShouldBeNull();
        parsed.Product.ShouldBe(version.Product);
        (parsed.Key[0], parsed.Key[1], parsed.Key[2]).ShouldBe((1L, (long)version.Minor, (long)version.Patch));
        parsed.Cycle.ShouldBe(version.Vendor == "openshift" ? $"4.{version.Minor - 13}" : $"1.{version.Minor}");
    }

    [Property]
    public void generated_git_versions_round_trip_through_their_normalized_spelling(GitVersionCase version)
    {
        var parsed = VersionParser.ParseKubernetes(version.Format());

        var again = VersionParser.ParseForProduct(parsed.Product, parsed.Normalized);

        (again.Product, again.Cycle, again.Key, again.Normalized).ShouldBe((parsed.Product, parsed.Cycle, parsed.Key, parsed.Normalized));
    }

    [Property]
    public void a_pre_release_sorts_before_its_release(GitVersionCase version)
    {
        var release = VersionParser.ParseKubernetes(version with { PreRelease = "" } is var r ? r.Format() : "");
        var pre = VersionParser.ParseKubernetes(version with { PreRelease = "-rc.1" } is var p ? p.Format() : "");

        pre.Key.ShouldBeLessThan(release.Key);
    }

    [Property]
    public void generated_kernels_recover_their_numbers_and_build(KernelCase kernel)
    {
        var parsed = VersionParser.ParseKernel(kernel.Format());

        parsed.UnknownReason.ShouldBeNull();
        parsed.Key.ShouldBe(new VersionKey(kernel.Major, kernel.Minor, kernel.Patch));
        parsed.Cycle.ShouldBe($"{kernel.Major}.{kernel.Minor}");
        parsed.Build.ShouldBe(kernel.Suffix.Length == 0 ? null : kernel.Suffix == "+" ? "+" : kernel.Suffix[1..]);
        VersionParser.ParseForProduct("linux-kernel", parsed.Normalized).Key.ShouldBe(parsed.Key);
    }

    [Property]
    public void generated_image_tags_recover_their_product_and_numbers(ImageCase image)
    {
        var parsed = VersionParser.ParseImage(image.Format());

        parsed.UnknownReason.ShouldBeNull();
        parsed.Product.ShouldBe(image.Product);
        (parsed.Key[0], parsed.Key[1], parsed.Key[2]).ShouldBe(((long)image.Major, (long)image.Minor, (long)image.Patch));
        var again = VersionParser.ParseForProduct(parsed.Product, parsed.Normalized);
        (again.Cycle, again.Key, again.Normalized).ShouldBe((parsed.Cycle, parsed.Key, parsed.Normalized));
    }

    [Property(MaxTest = 1000)]
    public void parsing_never_throws_on_arbitrary_strings(string? text) => EveryParserAnswers(text);

    [Property(MaxTest = 1000)]
    public void parsing_never_throws_on_strings_made_of_version_pieces(VersionLikeString text) => EveryParserAnswers(text.Text);

    private static void EveryParserAnswers(string? text)
    {
        var results = Enum.GetValues<ComponentKind>().Select(kind => VersionParser.Parse(kind, text!))
            .Append(VersionParser.Infer(text!))
            .Append(VersionParser.ParseImage(text!))
            .Concat(Products.Select(p => VersionParser.ParseForProduct(p, text!)));
        foreach (var result in results)
        {
            result.Raw.ShouldBe(text ?? "");
            if (result.IsKnown)
            {
                result.Key.IsEmpty.ShouldBeFalse();
                result.Product.ShouldNotBeNullOrEmpty();
                result.Cycle.ShouldNotBeNullOrEmpty();
                result.Normalized.ShouldNotBeNullOrEmpty();
            }
            else
            {
                result.UnknownReason.ShouldNotBeNullOrWhiteSpace();
                result.Key.IsEmpty.ShouldBeTrue();
            }
        }
        Enum.IsDefined(VersionParser.DetectFlavour(text!)).ShouldBeTrue();
    }
}
