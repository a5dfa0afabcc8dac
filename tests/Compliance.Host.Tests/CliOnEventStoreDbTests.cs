using System.Text.Json;

namespace Compliance.Host.Tests;

/// <summary>
/// The CLI on an EventStoreDB ledger, as on SQLite: the demo's ledger exported from SQLite, imported into EventStoreDB
/// (COMPLIANCE_ESDB_CONNECTION; a ledger stream of this run's own), then verify, eol-risk, history, projections rebuild,
/// report and export against it give what they give on SQLite. Reported as skipped without a server.
/// </summary>
public sealed class CliOnEventStoreDbTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    private const string Variable = "COMPLIANCE_ESDB_CONNECTION";
    private readonly string sqlite = demo.Copy();
    private readonly string esdb = Directory.CreateTempSubdirectory("compliance-cli-esdb-").FullName;

    /// <summary>Exports and reports go here: the CLI refuses to write into a data directory, whichever store holds the ledger.</summary>
    private readonly string outputs = Directory.CreateTempSubdirectory("compliance-cli-esdb-out-").FullName;

    [CliEsdbFact]
    public async Task every_ledger_command_works_on_an_eventstoredb_ledger_as_on_sqlite()
    {
        var store = Environment.GetEnvironmentVariable(Variable)!;
        // The ledger stream is a setting, read from the environment as serve reads it; no other test of this assembly uses EventStoreDB.
        Environment.SetEnvironmentVariable("COMPLIANCE_STORE__EVENTSTOREDB__LEDGERSTREAM", "cli-" + Guid.NewGuid().ToString("N"));
        var exported = Path.Combine(outputs, "from-sqlite.jsonl");
        (await Cli.RunAsync("export", "--data", sqlite, "--out", exported)).Exit.ShouldBe(0);

        var (exit, output, error) = await Cli.RunAsync("import", "--in", exported, "--data", esdb, "--store", store);
        exit.ShouldBe(0, error);
        output.ShouldContain("into the EventStoreDB ledger; chain verified");
        File.Exists(Path.Combine(esdb, "ledger.db")).ShouldBeFalse("the ledger went to EventStoreDB, not into the data directory");

        var onSqlite = await Cli.RunAsync("verify", "--data", sqlite);
        var onEsdb = await Cli.RunAsync("verify", "--data", esdb, "--store", store);
        onEsdb.Exit.ShouldBe(0, onEsdb.Err);
        onEsdb.Out.ShouldBe(onSqlite.Out);

        (await Cli.RunAsync("eol-risk", "--data", esdb, "--store", store, "--as-of", DemoFixture.Today, "--format", "json")).Out
            .ShouldBe((await Cli.RunAsync("eol-risk", "--data", sqlite, "--as-of", DemoFixture.Today, "--format", "json")).Out);
        (await Cli.RunAsync("history", "--cluster", "web-prod", "--data", esdb, "--store", store, "--format", "json")).Out
            .ShouldBe((await Cli.RunAsync("history", "--cluster", "web-prod", "--data", sqlite, "--format", "json")).Out);

        var rebuiltOnEsdb = await Cli.RunAsync("projections", "rebuild", "--data", esdb, "--store", store);
        var rebuiltOnSqlite = await Cli.RunAsync("projections", "rebuild", "--data", sqlite);
        Digest(rebuiltOnEsdb.Out).ShouldBe(Digest(rebuiltOnSqlite.Out));

        var again = Path.Combine(outputs, "from-esdb.jsonl");
        (await Cli.RunAsync("export", "--data", esdb, "--store", store, "--out", again)).Exit.ShouldBe(0);
        (await File.ReadAllTextAsync(again)).ShouldBe(await File.ReadAllTextAsync(exported));

        var pdf = Path.Combine(outputs, "fleet.pdf");
        (exit, output, error) = await Cli.RunAsync("report", "--scope", "fleet", "--from", "2026-01-01", "--to", DemoFixture.Today,
            "--as-of", DemoFixture.Today, "--out", pdf, "--data", esdb, "--store", store);
        exit.ShouldBe(0, error);
        output.ShouldContain("Recorded in the ledger");
        output.ShouldContain("Signed checkpoint: position");
        var head = JsonSerializer.Deserialize<JsonElement>((await File.ReadAllLinesAsync(exported))[0]).GetProperty("events").GetInt64();
        // The report records its ReportIssued and the signed checkpoint of the head it states.
        (await Cli.RunAsync("verify", "--data", esdb, "--store", store)).Out.ShouldStartWith($"OK: {head + 2} event(s) verified");
    }

    private static string Digest(string rebuilt) => rebuilt[(rebuilt.LastIndexOf("digest ", StringComparison.Ordinal) + 7)..].Trim();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("COMPLIANCE_STORE__EVENTSTOREDB__LEDGERSTREAM", null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(sqlite, recursive: true);
        Directory.Delete(esdb, recursive: true);
        Directory.Delete(outputs, recursive: true);
    }
}

/// <summary>A fact that needs a real EventStoreDB (COMPLIANCE_ESDB_CONNECTION): reported as skipped, with the reason, without one.</summary>
public sealed class CliEsdbFactAttribute : FactAttribute
{
    public CliEsdbFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("COMPLIANCE_ESDB_CONNECTION")))
            Skip = "COMPLIANCE_ESDB_CONNECTION not set: the EventStoreDB leg did not run";
    }
}
