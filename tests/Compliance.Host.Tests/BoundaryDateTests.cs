namespace Compliance.Host.Tests;

/// <summary>Issue 13, finding 6 on the command line: days outside 1970-01-01..2200-12-31 are one line naming the option, never a stack trace.</summary>
public sealed class BoundaryDateTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("compliance-dates-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("--as-of", "eol-risk", "--as-of", "9999-12-31")]
    [InlineData("--as-of", "eol-risk", "check", "--version", "1.30.1", "--as-of", "9999-12-31")]
    [InlineData("--from", "report", "--scope", "fleet", "--from", "0001-01-01", "--to", "2026-06-01")]
    public async Task a_day_outside_the_bounds_is_one_line_naming_the_option(string option, params string[] args)
    {
        var (exit, _, error) = await Cli.RunAsync([.. args, "--data", dir]);

        exit.ShouldBe(2);
        error.ShouldContain(option);
        error.ShouldContain("2200-12-31");
        error.ShouldNotContain("   at ");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }
}
