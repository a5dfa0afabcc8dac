using System.Diagnostics;

namespace Compliance.Host.Tests;

/// <summary>
/// Every CLI failure is one line on stderr and no stack trace: exit 2 for bad arguments, exit 1 for the environment (a
/// server that does not answer, a data directory that is garbage, truncated or read-only, an unwritable output path).
/// </summary>
public sealed class CliFailureTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("compliance-fail-").FullName;

    public static TheoryData<int, string[]> BadArguments => new()
    {
        { 2, ["eol-risk", "--data", "{demo}", "--as-of", "9999-12-31"] },
        { 2, ["eol-risk", "--data", "{demo}", "--as-of", "0001-01-01"] },
        { 2, ["report", "--data", "{demo}", "--scope", "fleet", "--from", "0001-01-01", "--to", "2026-01-01"] },
        { 2, ["report", "--data", "{demo}", "--scope", "fleet", "--from", "2026-01-01", "--to", "9999-12-31"] },
        { 2, ["findings", "--data", "{demo}", "--cluster", "web-prod", "--as-of", "9999-12-31"] },
        { 2, ["cluster", "policy", "--data", "{demo}", "--cluster", "web-prod", "--cron", "0 2 * * 2", "--window-hours", "NaN"] },
        { 2, ["cluster", "policy", "--data", "{demo}", "--cluster", "web-prod", "--cron", "0 2 * * 2", "--critical-sla-hours", "Infinity"] },
        { 2, ["window", "drain", "--data", "{demo}", "--cluster", "web-prod", "--window", "w", "--node", "n", "--seconds", "-Infinity"] },
        { 2, ["demo", "--data", "{file}"] },
        { 2, ["eol-risk", "--data", "{file}"] },
        { 2, ["demo", "--seed", "abc", "--data", "{dir}/new"] },
        { 2, ["history", "--data", "{demo}", "--cluster", "web-prod", "--page", "x"] },
        { 2, ["report", "--data", "{demo}", "--scope", "fleet", "--from", "2026-01-01", "--to", "2026-02-01", "--out", "/proc/x"] },
        { 1, ["clusters", "list", "--server", "http://127.0.0.1:1", "--api-key", "k"] },
        { 1, ["findings", "--cluster", "web-prod", "--server", "http://127.0.0.1:1", "--api-key", "k"] },
        { 1, ["cluster", "register", "--id", "x", "--name", "x", "--environment", "staging", "--owner", "t", "--flavour", "k3s", "--server", "http://127.0.0.1:1", "--api-key", "k"] },
        { 1, ["eol-risk", "--data", "{garbage}"] },
        { 1, ["verify", "--data", "{garbage}"] },
        { 1, ["history", "--data", "{garbage}", "--cluster", "web-prod"] },
        { 1, ["eol-risk", "--data", "{truncated}"] },
        { 1, ["verify", "--data", "{truncated}"] },
        { 1, ["projections", "rebuild", "--data", "{truncated}"] },
        { 1, ["export", "--data", "{truncated}", "--out", "{dir}/out.jsonl"] },
        { 2, ["import", "--data", "{dir}/empty", "--in", "{duplicates}"] },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task each_command_with_bad_input_fails_in_one_line_without_a_stack_trace(int expectedExit, string[] args)
    {
        var (exit, output, err) = await Cli.RunAsync([.. args.Select(Expand)]);

        err.ShouldStartWith("compliance: ");
        err.TrimEnd('\n').Split('\n').Length.ShouldBe(1, err);
        err.ShouldNotContain("   at ");
        err.ShouldNotContain("Exception");
        output.ShouldNotContain("   at ");
        exit.ShouldBe(expectedExit, err);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task a_read_only_data_directory_fails_in_one_line()
    {
        var readOnly = Copy("read-only");
        using var _ = ReadOnly(readOnly);

        var (exit, _, err) = await Cli.RunAsync("eol-risk", "--data", readOnly);

        exit.ShouldBe(1, err);
        err.ShouldStartWith($"compliance: data directory {readOnly} cannot be used: ");
        err.TrimEnd('\n').Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task verbose_adds_the_stack_trace()
    {
        var (exit, _, err) = await Cli.RunAsync("clusters", "list", "--server", "http://127.0.0.1:1", "--api-key", "k", "--verbose");

        exit.ShouldBe(1);
        err.ShouldContain("   at ");
    }

    private string Expand(string arg) => arg switch
    {
        "{demo}" => demo.Dir,
        "{file}" => File(),
        "{garbage}" => Garbage(),
        "{truncated}" => Truncated(),
        "{duplicates}" => Duplicates(),
        _ => arg.Replace("{dir}", dir, StringComparison.Ordinal),
    };

    private string File()
    {
        var path = Path.Combine(dir, "a-file");
        System.IO.File.WriteAllText(path, "not a folder");
        return path;
    }

    private string Garbage()
    {
        var garbage = Directory.CreateDirectory(Path.Combine(dir, "garbage")).FullName;
        System.IO.File.WriteAllBytes(Path.Combine(garbage, "ledger.db"), [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 % 251))]);
        return garbage;
    }

    private string Truncated()
    {
        var truncated = Copy("truncated");
        using (var ledger = new FileStream(Path.Combine(truncated, "ledger.db"), FileMode.Open)) ledger.SetLength(ledger.Length / 3);
        return truncated;
    }

    private string Duplicates()
    {
        var export = Path.Combine(dir, "export.jsonl");
        Cli.RunAsync("export", "--data", demo.Dir, "--out", export).GetAwaiter().GetResult().Exit.ShouldBe(0);
        var lines = System.IO.File.ReadAllLines(export).ToList();
        lines.Insert(3, lines[2]);
        var duplicated = Path.Combine(dir, "duplicates.jsonl");
        System.IO.File.WriteAllLines(duplicated, lines);
        return duplicated;
    }

    private string Copy(string name)
    {
        var copy = Directory.CreateDirectory(Path.Combine(dir, name)).FullName;
        foreach (var file in Directory.EnumerateFiles(demo.Dir)) System.IO.File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    /// <summary>The folder made read-only: by its mode, or (root ignores modes) by the immutable attribute.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static IDisposable ReadOnly(string folder)
    {
        if (Environment.UserName != "root")
        {
            System.IO.File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            return new Undo(() => System.IO.File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }

        Chattr("+i", folder);
        return new Undo(() => Chattr("-i", folder));
    }

    private static void Chattr(string flag, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("chattr", [flag, folder]) { RedirectStandardError = true })!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
