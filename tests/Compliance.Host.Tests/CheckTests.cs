using System.Text.Json;

namespace Compliance.Host.Tests;

public sealed class CheckTests
{
    [Theory]
    [InlineData("v1.31.4", null, "2026-11-25", "kubernetes", "1.31", "eol")]
    [InlineData("v1.34.2", null, "2026-10-10", "kubernetes", "1.34", "high")]
    [InlineData("v1.35.1", null, "2026-12-01", "kubernetes", "1.35", "medium")]
    [InlineData("v1.36.2", null, "2026-11-25", "kubernetes", "1.36", "low")]
    [InlineData("v1.31.5-eks-2d98532", null, "2026-01-10", "amazon-eks", "1.31", "high")]
    [InlineData("Ubuntu 22.04.5 LTS", null, "2026-11-25", "ubuntu", "22.04", "medium")]
    [InlineData("Ubuntu 24.04.2 LTS", null, "2026-11-25", "ubuntu", "24.04", "low")]
    [InlineData("containerd://1.7.15", null, "2026-11-25", "containerd", "1.7", "eol")]
    [InlineData("1.14.4", "cert-manager", "2026-11-25", "cert-manager", "1.14", "eol")]
    [InlineData("Container-Optimized OS from Google", null, "2026-11-25", "cos", "", "unknown")]
    [InlineData("not a version", null, "2026-11-25", "", "", "unknown")]
    public async Task check_gives_the_verdict_for_any_version_string_without_a_store(string version, string? product, string asOf, string expectedProduct, string expectedCycle, string level)
    {
        string[] args = ["eol-risk", "check", "--version", version, "--as-of", asOf, "--format", "json"];
        if (product is not null) args = [.. args, "--product", product];

        var (exit, output, err) = await Cli.RunAsync(args);

        err.ShouldBeEmpty();
        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("level").GetString().ShouldBe(level);
        json.RootElement.GetProperty("product").GetString().ShouldBe(expectedProduct);
        json.RootElement.GetProperty("cycle").GetString().ShouldBe(expectedCycle);
    }

    [Fact]
    public async Task check_reports_patches_behind_for_an_old_patch()
    {
        var (exit, output, _) = await Cli.RunAsync("eol-risk", "check", "--version", "v1.33.2", "--as-of", "2026-05-01", "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("patchesBehind").GetInt32().ShouldBeGreaterThan(5);
        json.RootElement.GetProperty("latestPatch").GetString().ShouldStartWith("1.33.");
    }

    // EKS rows showed "EOL 2026-12-02, days left 364": the date was the end of standard support, the count ran to the
    // end of extended support. Each date now stands beside its own count.
    [Fact]
    public async Task check_shows_each_support_date_beside_its_own_days_left()
    {
        var (exit, output, _) = await Cli.RunAsync("eol-risk", "check", "--version", "v1.34.2-eks-adc7111", "--as-of", "2026-12-03");

        exit.ShouldBe(0);
        var rows = output.Split('\n').Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Where(c => c.Length == 2)
            .ToDictionary(c => c[0], c => c[1]);
        rows["end of standard support"].ShouldBe("2026-12-02");
        rows["days left to end of standard support"].ShouldBe("-1");
        rows["end of extended support (counted)"].ShouldBe("2027-12-02");
        rows["days left to end of extended support"].ShouldBe("364");
    }

    [Fact]
    public async Task an_ubuntu_kernel_string_alone_is_unknown_with_where_its_release_is_named()
    {
        var (exit, output, _) = await Cli.RunAsync("eol-risk", "check", "--version", "5.15.0-190-generic", "--as-of", "2026-12-03", "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("level").GetString().ShouldBe("unknown");
        json.RootElement.GetProperty("note").GetString()!.ShouldContain("node's osImage");
    }
}
