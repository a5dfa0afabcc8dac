namespace Compliance.Host.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("compliance-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("--as-of: 'yesterday' is not a date", "eol-risk", "check", "--version", "v1.29.3", "--as-of", "yesterday")]
    [InlineData("--format: 'xml' is not one of table, json", "eol-risk", "check", "--version", "v1.29.3", "--format", "xml")]
    [InlineData("--product: 'kubernetez' is not in the catalog", "eol-risk", "check", "--version", "1.29.3", "--product", "kubernetez")]
    [InlineData("Option '--version' is required", "eol-risk", "check")]
    [InlineData("unknown command 'frobnicate'", "frobnicate")]
    public async Task a_bad_argument_prints_one_line_naming_it_and_exits_2(string expected, params string[] args)
    {
        var (exit, _, err) = await Cli.RunAsync(args);

        exit.ShouldBe(2);
        err.ShouldContain(expected);
        err.TrimEnd().Split('\n').Length.ShouldBe(1);
        err.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task a_missing_data_directory_is_named_with_what_to_do()
    {
        var missing = Path.Combine(dir, "nowhere");

        var (exit, _, err) = await Cli.RunAsync("eol-risk", "--data", missing);

        exit.ShouldBe(2);
        err.ShouldBe($"compliance: data directory {missing} does not exist (run 'compliance demo', or pass --data DIR)\n");
        Directory.Exists(missing).ShouldBeFalse();
    }

    [Fact]
    public async Task verify_without_a_ledger_says_so_and_creates_nothing()
    {
        var (exit, _, err) = await Cli.RunAsync("verify", "--data", dir);

        exit.ShouldBe(2);
        err.ShouldContain($"no ledger in {dir}");
        Directory.EnumerateFileSystemEntries(dir).ShouldBeEmpty();
    }

    [Fact]
    public async Task demo_refuses_to_replace_a_ledger_it_did_not_write()
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "ledger.db"), "a real ledger");

        var (exit, _, err) = await Cli.RunAsync("demo", "--data", dir);

        exit.ShouldBe(2);
        err.ShouldContain("holds a ledger that is not a demo");
        (await File.ReadAllTextAsync(Path.Combine(dir, "ledger.db"))).ShouldBe("a real ledger");
    }
}
