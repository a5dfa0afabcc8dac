using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Projections;
using Compliance.Application.Store;

namespace Compliance.Host.Tests;

public sealed class ExportImportTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("compliance-export-").FullName;

    [Fact]
    public async Task a_sqlite_ledger_exported_and_imported_into_another_sqlite_store_keeps_its_head_hash_and_read_models()
    {
        var source = demo.Copy();
        var file = Path.Combine(_work, "ledger.jsonl");
        var target = Path.Combine(_work, "target");

        var (exportExit, exported, exportErr) = await Cli.RunAsync("export", "--data", source, "--out", file);
        exportErr.ShouldBeEmpty();
        exportExit.ShouldBe(0);
        var (importExit, imported, importErr) = await Cli.RunAsync("import", "--data", target, "--in", file);
        importErr.ShouldBeEmpty();
        importExit.ShouldBe(0);

        var (sourceHead, sourceDigest) = await HeadAndDigestAsync(source);
        var (targetHead, targetDigest) = await HeadAndDigestAsync(target);
        sourceHead.Position.ShouldBeGreaterThan(100);
        targetHead.ShouldBe(sourceHead);
        targetDigest.ShouldBe(sourceDigest);
        exported.ShouldContain($"head hash {sourceHead.Hash}");
        imported.ShouldContain($"head hash {sourceHead.Hash}");
        File.ReadLines(file).Count().ShouldBe((int)sourceHead.Position + 1);
        var (verifyExit, verified, _) = await Cli.RunAsync("verify", "--data", target);
        verifyExit.ShouldBe(0);
        verified.ShouldContain($"head hash {sourceHead.Hash}");
    }

    [Fact]
    public async Task a_tampered_export_line_is_refused_with_its_line_number_and_the_target_stays_empty()
    {
        var file = Path.Combine(_work, "ledger.jsonl");
        (await Cli.RunAsync("export", "--data", demo.Dir, "--out", file)).Exit.ShouldBe(0);
        var lines = File.ReadAllLines(file);
        lines[40] = lines[40].Replace("\"actor\":\"", "\"actor\":\"mallory-", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
        var target = Path.Combine(_work, "target");

        var (exit, _, err) = await Cli.RunAsync("import", "--data", target, "--in", file);

        exit.ShouldBe(2);
        err.ShouldContain("line 41: hash mismatch");
        err.ShouldContain("nothing was imported");
        (await HeadOfAsync(target)).Position.ShouldBe(0);
        Directory.EnumerateFiles(target).Select(Path.GetFileName).ShouldNotContain(n => n!.Contains("importing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_malformed_line_is_refused_with_its_line_number()
    {
        var file = Path.Combine(_work, "ledger.jsonl");
        (await Cli.RunAsync("export", "--data", demo.Dir, "--out", file)).Exit.ShouldBe(0);
        var lines = File.ReadAllLines(file);
        lines[7] = lines[7][..^5];
        File.WriteAllLines(file, lines);
        var target = Path.Combine(_work, "target");

        var (exit, _, err) = await Cli.RunAsync("import", "--data", target, "--in", file);

        exit.ShouldBe(2);
        err.ShouldContain("line 8: malformed event");
        (await HeadOfAsync(target)).Position.ShouldBe(0);
    }

    [Fact]
    public async Task importing_into_a_store_that_holds_events_is_refused_and_changes_nothing()
    {
        var file = Path.Combine(_work, "ledger.jsonl");
        (await Cli.RunAsync("export", "--data", demo.Dir, "--out", file)).Exit.ShouldBe(0);
        var target = demo.Copy();
        var before = await HeadOfAsync(target);

        var (exit, _, err) = await Cli.RunAsync("import", "--data", target, "--in", file);

        exit.ShouldBe(2);
        err.ShouldContain($"already holds {before.Position} event(s); import needs an empty store");
        (await HeadOfAsync(target)).ShouldBe(before);
    }

    private static async Task<(long Position, string Hash)> HeadOfAsync(string dir)
    {
        Directory.CreateDirectory(dir);
        using var store = new SqliteEventStore(Path.Combine(dir, "ledger.db"), TimeProvider.System);
        return await store.ReadHeadAsync(CancellationToken.None);
    }

    /// <summary>Head and read-model digest after rebuilding the projections at one fixed instant, so the two sides compare.</summary>
    private static async Task<((long Position, string Hash) Head, string Digest)> HeadAndDigestAsync(string dir)
    {
        var clock = new Fixed(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero));
        using var store = new SqliteEventStore(Path.Combine(dir, "ledger.db"), clock);
        var readModels = new SqliteReadModelStore(Path.Combine(dir, "readmodels.db"));
        await new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock).RebuildAsync(CancellationToken.None);
        var verification = await HashChainVerifier.VerifyAsync(store, CancellationToken.None);
        verification.Intact.ShouldBeTrue();
        return ((verification.HeadPosition, verification.HeadHash), await readModels.DigestAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
