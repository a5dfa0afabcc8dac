namespace Compliance.Host.Tests;

/// <summary>The signing key the embedded run makes for itself, and the public key an auditor is given.</summary>
public sealed class CheckpointCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    private readonly string dir = demo.Copy();
    private readonly string work = Directory.CreateTempSubdirectory("compliance-checkpoint-").FullName;

    [Fact]
    public async Task a_data_directory_without_a_key_gets_one_at_the_first_signature_and_prints_its_fingerprint()
    {
        File.Delete(Path.Combine(dir, "checkpoint-key.pem"));

        var (exit, output, err) = await Cli.RunAsync("report", "--data", dir, "--scope", "fleet", "--from", "2026-01-01", "--to", "2026-06-30",
            "--as-of", "2026-06-30", "--out", Path.Combine(work, "r.pdf"));
        var (keyExit, key, _) = await Cli.RunAsync("checkpoint", "key", "--data", dir);

        err.ShouldBeEmpty();
        exit.ShouldBe(0);
        var created = output.Split('\n').Single(l => l.StartsWith("Created the checkpoint signing key", StringComparison.Ordinal));
        created.ShouldContain(Path.Combine(dir, "checkpoint-key.pem"));
        var fingerprint = created[(created.IndexOf("sha256:", StringComparison.Ordinal))..][..71];
        output.ShouldContain($"Signed checkpoint: position");
        keyExit.ShouldBe(0);
        key.ShouldStartWith("-----BEGIN PUBLIC KEY-----");
        key.ShouldContain($"fingerprint {fingerprint}");
        File.ReadAllText(Path.Combine(dir, "checkpoint-key.pem.pub")).ShouldBe(key[..key.IndexOf("fingerprint", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task a_key_file_that_is_not_a_key_is_one_line_and_exit_1()
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "checkpoint-key.pem"), "not a key");

        var (exit, _, err) = await Cli.RunAsync("checkpoint", "export", "--data", dir, "--out", Path.Combine(work, "cp.json"));

        exit.ShouldBe(1);
        err.ShouldContain("checkpoint-key.pem is not a PEM private key");
        err.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
        Directory.Delete(work, recursive: true);
    }
}
