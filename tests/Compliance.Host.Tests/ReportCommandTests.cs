using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Compliance.Host.Tests;

public sealed class ReportCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void the_demo_writes_the_fleet_report_and_prints_its_path()
    {
        const string Prefix = "Fleet report (2025-11-25 to 2026-11-25): ";
        var line = demo.Output.Split('\n').Single(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        var path = line[Prefix.Length..].Trim();

        Path.GetFileName(path).ShouldBe("compliance-fleet-2025-11-25_2026-11-25-asof-20261125T235959Z.pdf");
        File.Exists(path).ShouldBeTrue();
        File.ReadAllText(path + ".sha256").ShouldStartWith(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    [Fact]
    public async Task report_writes_the_pdf_and_its_sha256_and_records_the_issue_in_the_ledger()
    {
        var dir = demo.Copy();
        try
        {
            var pdf = Path.Combine(dir, "out", "data-prod.pdf");
            var (exit, output, err) = await Cli.RunAsync("report", "--data", dir, "--scope", "cluster:data-prod", "--from", "2026-01-01", "--to", "2026-06-30",
                "--as-of", "2026-06-30", "--out", pdf, "--organisation", "Example Bank plc");

            err.ShouldBeEmpty();
            exit.ShouldBe(0);
            var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(pdf)));
            output.ShouldContain($"Report written: {pdf}");
            output.ShouldContain($"SHA-256: {sha}");
            (await File.ReadAllTextAsync(pdf + ".sha256")).ShouldBe($"{sha}  data-prod.pdf\n");
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "ledger.db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT json FROM events WHERE stream = 'reports' AND json LIKE '%data-prod.pdf%'";
            ((string)(await query.ExecuteScalarAsync())!).ShouldContain(sha);
            (await Cli.RunAsync("verify", "--data", dir)).Exit.ShouldBe(0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--scope: 'everything' is not a scope (use fleet, environment:NAME or cluster:ID)", "--scope", "everything", "--from", "2026-01-01", "--to", "2026-06-30")]
    [InlineData("--from: '2026-13-01' is not a date (use YYYY-MM-DD)", "--scope", "fleet", "--from", "2026-13-01", "--to", "2026-06-30")]
    [InlineData("the period ends (2026-01-01) before it starts (2026-06-30)", "--scope", "fleet", "--from", "2026-06-30", "--to", "2026-01-01")]
    [InlineData("--as-of: 2199-01-01 is in the future", "--scope", "fleet", "--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2199-01-01")]
    [InlineData("no cluster 'nope' was registered by as-of (known: billing-prod, ", "--scope", "cluster:nope", "--from", "2026-01-01", "--to", "2026-06-30")]
    [InlineData("no cluster in environment 'qa' by as-of (known: production, staging)", "--scope", "environment:qa", "--from", "2026-01-01", "--to", "2026-06-30")]
    [InlineData("Option '--to' is required", "--scope", "fleet", "--from", "2026-01-01")]
    public async Task a_bad_argument_prints_one_line_naming_it_writes_nothing_and_exits_2(string expected, params string[] args)
    {
        var dir = demo.Copy();
        try
        {
            var before = await File.ReadAllBytesAsync(Path.Combine(dir, "ledger.db"));
            var pdf = Path.Combine(dir, "out", "r.pdf");
            var (exit, _, err) = await Cli.RunAsync(["report", "--data", dir, "--out", pdf, .. args]);

            exit.ShouldBe(2);
            err.ShouldContain(expected);
            err.TrimEnd().Split('\n').Length.ShouldBe(1);
            File.Exists(pdf).ShouldBeFalse();
            SqliteConnection.ClearAllPools();
            (await File.ReadAllBytesAsync(Path.Combine(dir, "ledger.db"))).ShouldBe(before);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
