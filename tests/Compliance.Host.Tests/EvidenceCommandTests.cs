using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Compliance.Host.Tests;

public sealed class EvidenceCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task evidence_export_writes_the_populations_with_a_sha256_and_refuses_to_write_over_a_file_unasked()
    {
        var dir = demo.Copy();
        var outside = Directory.CreateTempSubdirectory("compliance-evidence-").FullName;
        try
        {
            var csv = Path.Combine(outside, "payments.csv");
            string[] args = ["evidence", "export", "--data", dir, "--scope", "cluster:payments-prod", "--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2026-06-30"];
            var (exit, output, err) = await Cli.RunAsync([.. args, "--out", csv]);

            err.ShouldBeEmpty();
            exit.ShouldBe(0);
            var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(csv)));
            output.ShouldContain($"Evidence written: {csv}");
            output.ShouldContain($"SHA-256: {sha}");
            output.ShouldContain("  windows ");
            (await File.ReadAllTextAsync(csv + ".sha256")).ShouldBe($"{sha}  payments.csv\n");
            var lines = await File.ReadAllLinesAsync(csv);
            lines.Skip(1).ShouldAllBe(l => l.Contains(",payments-prod,production,team-payments,", StringComparison.Ordinal));
            lines.ShouldContain(l => l.StartsWith("patches,", StringComparison.Ordinal));

            var again = await Cli.RunAsync([.. args, "--out", csv]);
            again.Exit.ShouldBe(2);
            again.Err.ShouldBe($"compliance: '{csv}' exists; pass --force to replace it\n");
            (await Cli.RunAsync([.. args, "--out", csv, "--force", "--format", "json"])).Exit.ShouldBe(0);
            (await File.ReadAllTextAsync(csv)).ShouldStartWith("{");

            SqliteConnection.ClearAllPools();
            var ledger = Path.Combine(dir, "ledger.db");
            var before = await File.ReadAllBytesAsync(ledger);
            var over = await Cli.RunAsync([.. args, "--out", ledger, "--force"]);
            over.Exit.ShouldBe(2);
            over.Err.ShouldContain("is in the data directory");
            SqliteConnection.ClearAllPools();
            (await File.ReadAllBytesAsync(ledger)).ShouldBe(before);

            var format = await Cli.RunAsync([.. args, "--out", Path.Combine(outside, "x.xml"), "--format", "xml"]);
            format.Err.ShouldBe("compliance: --format: 'xml' is not one of csv, json\n");
            File.Exists(Path.Combine(outside, "x.xml")).ShouldBeFalse();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
            Directory.Delete(outside, recursive: true);
        }
    }
}
