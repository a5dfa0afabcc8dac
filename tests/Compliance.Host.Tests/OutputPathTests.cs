using Compliance.Host.Cli;
using Compliance.Host.Composition;

namespace Compliance.Host.Tests;

/// <summary>A file a command writes never lands on the ledger, in a system folder or over an existing file unless --force.</summary>
public sealed class OutputPathTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("compliance-out-").FullName;
    private readonly List<string> copies = [];

    [Theory]
    [InlineData("ledger.db")]
    [InlineData("readmodels.db")]
    public async Task a_report_over_a_file_of_the_data_directory_is_refused_and_the_ledger_stays_whole(string name)
    {
        var dir = Copy();
        var before = await File.ReadAllBytesAsync(Path.Combine(dir, "ledger.db"));

        var (exit, output, err) = await Report(dir, Path.Combine(dir, name));

        exit.ShouldBe(2);
        err.ShouldContain($"is in the data directory {dir}, beside the ledger");
        err.TrimEnd().Split('\n').Length.ShouldBe(1);
        output.ShouldNotContain("Recorded in the ledger");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        (await File.ReadAllBytesAsync(Path.Combine(dir, "ledger.db"))).ShouldBe(before);
        (await Cli.RunAsync("verify", "--data", dir)).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task a_path_that_climbs_into_a_system_folder_is_refused()
    {
        var (exit, _, err) = await Report(Copy(), Path.Combine(work, "..", "..", "..", "..", "..", "..", "proc", "compliance.pdf"));

        exit.ShouldBe(2);
        err.ShouldContain("is in the system folder /proc; write it elsewhere");
    }

    [Fact]
    public async Task a_path_through_a_symbolic_link_into_a_system_folder_is_refused()
    {
        var link = Path.Combine(work, "innocent");
        Directory.CreateSymbolicLink(link, "/sys/kernel");

        var (exit, _, err) = await Report(Copy(), Path.Combine(link, "report.pdf"));

        exit.ShouldBe(2);
        err.ShouldContain("is in the system folder /sys (through a symbolic link: /sys/kernel)");
    }

    [Fact]
    public async Task a_symbolic_link_a_folder_and_a_device_are_not_files_to_write()
    {
        var dir = Copy();
        var link = Path.Combine(work, "link.pdf");
        File.CreateSymbolicLink(link, Path.Combine(dir, "ledger.db"));

        (await Report(dir, link)).Err.ShouldContain("is a symbolic link");
        (await Report(dir, work)).Err.ShouldContain("is a folder; give a file name");
        (await Report(dir, "/dev/null")).Err.ShouldContain("is in the system folder /dev");
    }

    [Fact]
    public async Task an_existing_file_is_replaced_only_with_force()
    {
        var dir = Copy();
        var target = Path.Combine(work, "r.pdf");
        await File.WriteAllTextAsync(target, "keep me");

        var (exit, _, err) = await Report(dir, target);
        (await File.ReadAllTextAsync(target)).ShouldBe("keep me");
        var (forced, output, _) = await Report(dir, target, "--force");

        exit.ShouldBe(2);
        err.ShouldContain("already exists (pass --force to replace it)");
        forced.ShouldBe(0);
        output.ShouldContain($"Report written: {target}");
    }

    [Fact]
    public async Task export_and_catalog_build_follow_the_same_rule()
    {
        var dir = Copy();
        var existing = Path.Combine(work, "catalog.json");
        await File.WriteAllTextAsync(existing, "{}");

        var export = await Cli.RunAsync("export", "--data", dir, "--out", Path.Combine(dir, "idempotency.db"));
        var catalog = await Cli.RunAsync("catalog", "build", "--source", RepositoryFolder("data", "catalog"), "--out", existing);

        export.Exit.ShouldBe(2);
        export.Err.ShouldContain("is in the data directory");
        catalog.Exit.ShouldBe(2);
        catalog.Err.ShouldContain("already exists (pass --force to replace it)");
        (await File.ReadAllTextAsync(existing)).ShouldBe("{}");
    }

    [Theory]
    [InlineData("/etc/cron.d/compliance", "is in the system folder /etc")]
    [InlineData("/usr/local/bin/report.pdf", "is in the system folder /usr")]
    [InlineData("/report.pdf", "is in the system folder /")]
    public void the_rule_names_the_system_folder_without_touching_it(string path, string expected) =>
        Should.Throw<UserError>(() => OutputPath.Check("--out", path, null, force: true)).Message.ShouldContain(expected);

    [Fact]
    public void a_file_beside_the_data_directory_is_fine()
    {
        var data = new DataDirectory(Path.Combine(work, "data"));

        OutputPath.Check("--out", Path.Combine(work, "report.pdf"), data, force: false).ShouldBe(Path.Combine(work, "report.pdf"));
        OutputPath.Check("--out", Path.Combine(work, "data", "reports", "report.pdf"), data, force: false).ShouldEndWith("report.pdf");
    }

    private static Task<(int Exit, string Out, string Err)> Report(string dir, string path, params string[] more) =>
        Cli.RunAsync(["report", "--data", dir, "--scope", "cluster:data-prod", "--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2026-06-30", "--out", path, .. more]);

    private string Copy()
    {
        var dir = demo.Copy();
        copies.Add(dir);
        return dir;
    }

    private static string RepositoryFolder(params string[] parts) => Path.Combine([DeploymentTests.Root, .. parts]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in copies.Append(work)) Directory.Delete(dir, recursive: true);
    }
}
