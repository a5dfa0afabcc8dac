using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Compliance.Host.Tests;

public sealed class DemoTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void the_demo_table_shows_every_eol_level()
    {
        var levels = demo.Output.Split('\n')
            .Select(line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .SelectMany(cells => cells)
            .ToHashSet();

        levels.ShouldContain("eol");
        levels.ShouldContain("high");
        levels.ShouldContain("medium");
        levels.ShouldContain("low");
        levels.ShouldContain("unknown");
        // The summary states its period, the report's: it used to cover all history while patch-latency defaults to a year.
        demo.Output.ShouldContain("Patch latency of the patches released 2025-11-25 to 2026-11-25 (the report's period), as of 2026-11-25");
        demo.Output.ShouldContain("Fleet report (2025-11-25 to 2026-11-25): ");
    }

    [Fact]
    public async Task eol_risk_reads_the_demo_from_the_read_models_as_json()
    {
        var (exit, output, err) = await Cli.RunAsync("eol-risk", "--data", demo.Dir, "--as-of", DemoFixture.Today, "--format", "json");

        err.ShouldBeEmpty();
        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var verdicts = json.RootElement.GetProperty("verdicts").EnumerateArray().ToList();
        verdicts.Select(v => v.GetProperty("clusterId").GetString()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
        verdicts.Select(v => v.GetProperty("level").GetString()).ShouldContain("eol");
    }

    [Fact]
    public async Task an_unknown_cluster_is_named_with_the_known_ones()
    {
        var (exit, _, err) = await Cli.RunAsync("eol-risk", "--data", demo.Dir, "--cluster", "no-such-cluster");

        exit.ShouldBe(2);
        err.ShouldStartWith("compliance: --cluster: unknown cluster 'no-such-cluster' (known: ");
    }

    [Fact]
    public async Task an_earlier_day_shows_what_ran_then()
    {
        var (_, now, _) = await Cli.RunAsync("eol-risk", "--data", demo.Dir, "--as-of", DemoFixture.Today, "--format", "json");
        var (exit, then, _) = await Cli.RunAsync("eol-risk", "--data", demo.Dir, "--as-of", "2025-09-01", "--format", "json");

        exit.ShouldBe(0);
        then.ShouldNotBe(now);
        JsonDocument.Parse(then).RootElement.GetProperty("verdicts").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task verify_passes_on_the_demo_ledger_and_names_the_first_tampered_event()
    {
        var dir = demo.Copy();
        try
        {
            var (ok, okOut, _) = await Cli.RunAsync("verify", "--data", dir);
            ok.ShouldBe(0);
            okOut.ShouldStartWith("OK: ");

            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "ledger.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var update = connection.CreateCommand();
                // Someone with the file drops the append-only trigger first; the chain still tells.
                update.CommandText = "DROP TRIGGER events_are_not_updated; UPDATE events SET json = replace(json, 'v1.', 'v9.') WHERE position = (SELECT min(position) FROM events WHERE json LIKE '%v1.%' AND position > 40)";
                (await update.ExecuteNonQueryAsync()).ShouldBe(1);
            }

            var (broken, brokenOut, _) = await Cli.RunAsync("verify", "--data", dir);
            broken.ShouldBe(1);
            brokenOut.ShouldStartWith("BROKEN after ");
            brokenOut.ShouldContain("HashMismatch");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task the_same_seed_writes_the_same_history_and_rebuilds_give_the_same_read_models()
    {
        var again = Directory.CreateTempSubdirectory("compliance-demo-again-").FullName;
        var dir = demo.Copy();
        try
        {
            // The report's checkpoint is signed with the data directory's key: the same key signs the same bytes.
            File.Copy(Path.Combine(dir, "checkpoint-key.pem"), Path.Combine(again, "checkpoint-key.pem"));
            (await Cli.RunAsync("demo", "--data", again, "--today", DemoFixture.Today, "--seed", "7")).Exit.ShouldBe(0);
            var (_, first, _) = await Cli.RunAsync("verify", "--data", dir);
            var (_, second, _) = await Cli.RunAsync("verify", "--data", again);
            second.ShouldBe(first);

            var (exit, rebuilt1, _) = await Cli.RunAsync("projections", "rebuild", "--data", dir);
            var (_, rebuilt2, _) = await Cli.RunAsync("projections", "rebuild", "--data", dir);
            exit.ShouldBe(0);
            Digest(rebuilt1).ShouldBe(Digest(rebuilt2));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(again, recursive: true);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Digest(string rebuildOutput) => rebuildOutput[(rebuildOutput.IndexOf("digest ", StringComparison.Ordinal) + 7)..].Trim();
}
