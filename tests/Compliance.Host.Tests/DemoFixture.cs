namespace Compliance.Host.Tests;

/// <summary>One demo run (fixed seed and day) shared by the tests that read it; each test that writes copies it first.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public const string Today = "2026-11-25";

    public string Dir { get; } = Directory.CreateTempSubdirectory("compliance-demo-").FullName;

    public string Output { get; private set; } = "";

    /// <summary>
    /// One signing key for every demo of the test run (RFC 8032's first test key): the demos all write the same report
    /// file in reports/, and with one key they write the same bytes, as before reports were signed.
    /// </summary>
    public const string SigningKey = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n";

    public async Task InitializeAsync()
    {
        var keyFile = Path.Combine(Dir, "checkpoint-key.pem");
        await File.WriteAllTextAsync(keyFile, SigningKey);
        using (var key = Compliance.Application.Checkpoints.CheckpointKey.Load(keyFile))
            await File.WriteAllTextAsync(Compliance.Application.Checkpoints.CheckpointKey.PublicKeyFileOf(keyFile), key.PublicKeyPem);
        var (exit, output, err) = await Cli.RunAsync("demo", "--data", Dir, "--today", Today, "--seed", "7");
        if (exit != 0) throw new InvalidOperationException($"demo failed ({exit}): {err}\n{output}");
        Output = output;
    }

    /// <summary>A private copy of the demo's data directory.</summary>
    public string Copy()
    {
        var copy = Directory.CreateTempSubdirectory("compliance-demo-copy-").FullName;
        foreach (var file in Directory.EnumerateFiles(Dir)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
        return Task.CompletedTask;
    }
}
