using System.Text.RegularExpressions;
using Compliance.Host.Composition;

namespace Compliance.Host.Tests;

/// <summary>docs/settings.md is the settings as the options classes have them, and README's examples do not go stale.</summary>
public sealed partial class SettingsReferenceTests
{
    [Fact]
    public void every_options_property_is_described()
    {
        SettingsReference.Undescribed().ShouldBeEmpty("describe these in SettingsReference.Descriptions, then run: compliance settings --format markdown > docs/settings.md");
    }

    [Fact]
    public async Task docs_settings_md_is_what_compliance_settings_prints()
    {
        var (exit, output, _) = await Cli.RunAsync("settings", "--format", "markdown");

        exit.ShouldBe(0);
        var page = await File.ReadAllTextAsync(Path.Combine(DeploymentTests.Root, "docs", "settings.md"));
        page.ShouldBe(output, "docs/settings.md is out of date: compliance settings --format markdown > docs/settings.md");
        output.ShouldContain("`COMPLIANCE_BUS__RABBITMQ__VIRTUALHOST`");
        output.ShouldContain("`COMPLIANCE_CATALOG__REFRESHENABLED`");
        output.ShouldContain("`COMPLIANCE_API__KEYS__<n>__SHA256`");
    }

    [Fact]
    public async Task readme_examples_that_record_maintenance_compute_their_times_from_today()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(DeploymentTests.Root, "README.md"));

        var times = RecordedTime().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        times.ShouldNotBeEmpty();
        times.ShouldAllBe(t => t.TrimStart('"').StartsWith("$(date", StringComparison.Ordinal), "a fixed time in a recording example goes stale: compute it from today");
    }

    [GeneratedRegex(@"--(?:starts|ends|started|ended)\s+(\S+)")]
    private static partial Regex RecordedTime();
}
