using System.Text.Json;
using Compliance.Host.Cli;

namespace Compliance.Host.Tests;

/// <summary>Tables fit the screen, colour only on a colour screen, one style for headers, instants and durations, clean JSON.</summary>
public sealed class TerminalOutputTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task the_fleet_table_fits_120_columns_when_piped_and_has_no_trailing_spaces()
    {
        var (exit, output, _) = await Cli.RunAsync("eol-risk", "--data", demo.Dir, "--as-of", DemoFixture.Today);

        exit.ShouldBe(0);
        var lines = output.TrimEnd('\n').Split('\n');
        lines.Max(l => l.Length).ShouldBeLessThanOrEqualTo(Screen.PipedWidth);
        lines.ShouldAllBe(l => !l.EndsWith(' '));
        output.ShouldContain("no catalog for product bottlerocket");
        output.ShouldNotContain("\u001b[");
    }

    [Fact]
    public async Task wide_prints_every_column_at_full_width()
    {
        var (exit, output, _) = await Cli.RunAsync("eol-risk", "--data", demo.Dir, "--as-of", DemoFixture.Today, "--wide");

        exit.ShouldBe(0);
        var lines = output.TrimEnd('\n').Split('\n');
        lines.Max(l => l.Length).ShouldBeGreaterThan(Screen.PipedWidth);
        lines.ShouldAllBe(l => !l.EndsWith(' '));
        output.ShouldContain("addon/ingress-nginx/ingress-nginx-controller/controller");
    }

    [Fact]
    public void a_table_too_wide_for_the_screen_wraps_the_note_and_cuts_only_long_columns()
    {
        var table = new TextTable("cluster", "component", "level", "note");
        table.Add("web-prod", "addon/ingress-nginx/ingress-nginx-controller/controller", "unknown", "no catalog for product ingress-nginx " + new string('x', 10));
        table.Add("web-prod", "control-plane", "eol", "");

        var text = table.Render(new Screen(TextWriter.Null, 60, colour: false));

        var lines = text.TrimEnd('\n').Split('\n');
        lines.ShouldAllBe(l => l.Length <= 60 && !l.EndsWith(' '));
        text.ShouldContain("unknown");
        text.ShouldContain("control-plane");
        text.ShouldContain("…");
        text.ShouldContain("ingress-nginx xxxxxxxxxx");
    }

    [Fact]
    public void levels_are_coloured_on_a_colour_screen_only()
    {
        var table = new TextTable("cluster", "level").Colour(1, Levels.Colour);
        table.Add("web-prod", "eol");

        table.Render(new Screen(TextWriter.Null, 120, colour: true)).ShouldContain("\u001b[1;31meol\u001b[0m");
        table.Render(new Screen(TextWriter.Null, 120, colour: false)).ShouldNotContain("\u001b");
    }

    [Fact]
    public void stored_text_never_reaches_the_terminal_raw()
    {
        var table = new TextTable("field", "value");
        table.Add("name", "evil\u001b[2J\u0000\u202Ename\u200B");

        var text = table.ToString();

        text.ShouldNotContain("\u001b");
        text.ShouldNotContain("\u202E");
        text.ShouldContain("evil\\u001B[2J\\u0000\\u202Ename\\u200B");
        Json.Write(new { name = "a\u001b\u202Eb" }).ShouldContain("a\\u001B\\u202Eb");
    }

    [Fact]
    public async Task json_output_writes_offsets_as_they_are()
    {
        var (exit, output, _) = await Cli.RunAsync("clusters", "list", "--data", demo.Dir, "--format", "json");

        exit.ShouldBe(0);
        output.ShouldNotContain("\\u002B");
        output.ShouldContain("+00:00");
        JsonDocument.Parse(output).RootElement.GetArrayLength().ShouldBe(10);
    }

    [Fact]
    public async Task headers_instants_and_durations_have_one_style()
    {
        var clusters = (await Cli.RunAsync("clusters", "list", "--data", demo.Dir)).Out;
        var latency = (await Cli.RunAsync("patch-latency", "--data", demo.Dir, "--cluster", "web-prod", "--to", DemoFixture.Today)).Out;

        clusters.Split('\n')[0].ShouldStartWith("cluster ");
        clusters.ShouldNotContain("clusterId");
        clusters.ShouldContain("staging cluster");
        clusters.ShouldNotContain("T08:");
        latency.Split('\n')[0].ShouldContain("released");
        latency.ShouldNotContain("releasedAt");
        latency.ShouldNotMatch(@"\d+\.\d\d:\d\d:\d\d");
        latency.ShouldMatch(@"\d{4}-\d\d-\d\d \d\d:\d\dZ");
        latency.ShouldMatch(@"\d+d \d+h");
        demo.Output.ShouldNotMatch(@"\d+\.\d h\b");
    }

    [Fact]
    public async Task eol_risk_takes_the_apis_environment_and_level_filters()
    {
        var (exit, output, err) = await Cli.RunAsync("eol-risk", "--data", demo.Dir, "--as-of", DemoFixture.Today,
            "--environment", "production", "--min-level", "high", "--format", "json");

        err.ShouldBeEmpty();
        exit.ShouldBe(0);
        var verdicts = JsonDocument.Parse(output).RootElement.GetProperty("verdicts").EnumerateArray().ToList();
        verdicts.ShouldNotBeEmpty();
        verdicts.Select(v => v.GetProperty("clusterId").GetString()).ShouldAllBe(c => c!.EndsWith("-prod"));
        verdicts.Select(v => v.GetProperty("level").GetString()).ShouldAllBe(l => l == "high" || l == "eol" || l == "unknown");

        var bad = await Cli.RunAsync("eol-risk", "--data", demo.Dir, "--min-level", "hgh");
        bad.Exit.ShouldBe(2);
        bad.Err.ShouldStartWith("compliance: --min-level: ");
    }

    [Theory]
    [InlineData("unknown command 'eol-rsk'; did you mean 'eol-risk'?", "eol-rsk")]
    [InlineData("unknown command 'lst'; did you mean 'list'?", "clusters", "lst")]
    [InlineData("unknown option '--clustr'; did you mean '--cluster'?", "eol-risk", "--clustr", "web-prod")]
    [InlineData("--seed: 'abc' is not a whole number", "demo", "--seed", "abc")]
    [InlineData("--window-hours: 'NaN' is not a finite number", "cluster", "policy", "--cluster", "web-prod", "--cron", "0 2 * * 2", "--window-hours", "NaN")]
    public async Task a_mistyped_command_or_value_gets_a_plain_suggestion(string expected, params string[] args)
    {
        var (exit, _, err) = await Cli.RunAsync(args);

        exit.ShouldBe(2);
        err.ShouldContain(expected);
        err.ShouldNotContain("System.");
    }

    [Fact]
    public async Task an_empty_version_is_refused_as_the_api_refuses_it()
    {
        var (exit, output, err) = await Cli.RunAsync("eol-risk", "check", "--version", "");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        err.ShouldStartWith("compliance: --version: ");
    }

    [Fact]
    public async Task a_bare_version_is_called_a_version_of_an_unknown_product_not_unparsable()
    {
        var (exit, output, _) = await Cli.RunAsync("eol-risk", "check", "--version", "1.25", "--format", "json");

        exit.ShouldBe(0);
        var note = JsonDocument.Parse(output).RootElement.GetProperty("note").GetString();
        note.ShouldNotBeNull().ShouldStartWith("unknown product for '1.25'");
        note.ShouldNotContain("unparsable");
    }
}

/// <summary>Progress on stderr: drawn in place on a terminal once the work takes a while, cleared at the end; never when captured.</summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task progress_is_drawn_on_a_terminal_after_the_delay_and_cleared_at_the_end()
    {
        using var error = new StringWriter();
        using (var progress = new Progress(error, terminal: true, after: TimeSpan.Zero))
        {
            progress.Phase("writing 4 simulated commands", 4);
            progress.Advance();
            progress.Advance();
            for (var i = 0; i < 100 && !error.ToString().Contains("50%", StringComparison.Ordinal); i++) await Task.Delay(20);
        }

        error.ToString().ShouldContain("\rcompliance: writing 4 simulated commands 50% (");
        error.ToString().ShouldEndWith("\r\u001b[K");
    }

    [Fact]
    public void progress_writes_nothing_when_stderr_is_not_a_terminal()
    {
        using var error = new StringWriter();
        using (var progress = new Progress(error))
        {
            progress.Phase("importing");
        }

        error.ToString().ShouldBeEmpty();
    }
}
