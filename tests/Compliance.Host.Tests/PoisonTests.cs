using System.Text.Json;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;

namespace Compliance.Host.Tests;

/// <summary>
/// An event whose hash holds but which nothing can read (unreadable JSON, an unknown type): verify names it, report and
/// rebuild refuse with one line and leave the read models alone, and an import holding one stores nothing.
/// </summary>
public sealed class PoisonTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("compliance-poison-").FullName;
    private readonly List<string> copies = [];

    [Fact]
    public async Task an_unreadable_event_with_a_valid_hash_fails_verify_and_report_and_rebuild_keeps_the_read_models()
    {
        var dir = Copy();
        var poison = await AppendPoisonAsync(dir);
        var readModels = await DigestAsync(dir);

        var verify = await Cli.RunAsync("verify", "--data", dir);
        var report = await Cli.RunAsync("report", "--data", dir, "--scope", "fleet", "--from", "2026-01-01", "--to", "2026-11-25", "--out", Path.Combine(work, "r.pdf"));
        var rebuild = await Cli.RunAsync("projections", "rebuild", "--data", dir);

        verify.Exit.ShouldBe(1);
        verify.Out.ShouldContain($"position {poison}");
        verify.Out.ShouldContain("UnreadableEvent");
        report.Exit.ShouldBe(1);
        report.Err.ShouldContain("the ledger does not verify");
        report.Err.TrimEnd().Split('\n').Length.ShouldBe(1);
        rebuild.Exit.ShouldBe(1);
        rebuild.Err.ShouldContain($"the ledger does not verify at position {poison}");
        rebuild.Err.ShouldContain("the read models were left as they are");
        (await DigestAsync(dir)).ShouldBe(readModels);
    }

    private static Task<string> DigestAsync(string dir) =>
        new Adapters.Sqlite.ReadModels.SqliteReadModelStore(Path.Combine(dir, "readmodels.db")).DigestAsync(CancellationToken.None);

    [Theory]
    [InlineData("json", "the JSON of 'V1.")]
    [InlineData("type", "type 'V9.SomethingElse' is not in the event type map")]
    public async Task an_import_holding_a_poison_event_at_line_21_imports_nothing(string what, string expected)
    {
        var file = await PoisonedExportAsync(e => what == "json" ? e with { Json = "{\"clusterId\":" } : e with { Type = "V9.SomethingElse" });
        var target = Path.Combine(work, "target");

        var (exit, _, err) = await Cli.RunAsync("import", "--data", target, "--in", file);

        exit.ShouldBe(2);
        err.ShouldContain("line 21: unreadable event");
        err.ShouldContain(expected);
        err.ShouldContain("nothing was imported");
        using var store = new SqliteEventStore(Path.Combine(target, "ledger.db"), TimeProvider.System);
        (await store.ReadHeadAsync(CancellationToken.None)).Position.ShouldBe(0);
    }

    [Fact]
    public async Task an_import_with_an_event_id_used_twice_imports_nothing()
    {
        var first = Guid.Empty;
        var file = await PoisonedExportAsync(e => e, (e, i) => i == 0 ? e with { EventId = first = e.EventId } : i == 30 ? e with { EventId = first } : e);

        var (exit, _, err) = await Cli.RunAsync("import", "--data", Path.Combine(work, "target"), "--in", file);

        exit.ShouldBe(2);
        err.ShouldContain($"line 32: event id {first} is used by an earlier line");
    }

    [Fact]
    public async Task a_line_longer_than_the_limit_is_refused_with_its_number()
    {
        var file = await PoisonedExportAsync(e => e with { Json = "{\"pad\":\"" + new string('x', LedgerImport.MaxLineChars) + "\"}" });

        var (exit, _, err) = await Cli.RunAsync("import", "--data", Path.Combine(work, "target"), "--in", file);

        exit.ShouldBe(2);
        err.ShouldContain($"line 21: the line is longer than {LedgerImport.MaxLineChars} characters");
    }

    /// <summary>Appends, going around the store, an event with a valid hash and JSON cut short; returns its position.</summary>
    private static async Task<long> AppendPoisonAsync(string dir)
    {
        var events = await Forger.ReadAsync(dir);
        var head = events[^1];
        var last = events.Last(e => e.Stream == "maintenance-data-prod");
        var poison = last with { EventId = Guid.NewGuid(), Revision = last.Revision + 1, Position = head.Position + 1, RecordedAt = head.RecordedAt, Json = "{\"clusterId\":", PreviousHash = head.Hash };
        poison = poison with { Hash = HashChain.Compute(poison, head.Hash) };
        Forger.Execute(dir, $"""
            INSERT INTO events VALUES ({poison.Position}, '{poison.EventId}', '{poison.Stream}', {poison.Revision}, '{poison.Type}', 1,
              '{poison.RecordedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}', '{poison.Actor}', '{poison.CorrelationId}', '{poison.CausationId}',
              '{poison.Json}', '{poison.PreviousHash}', '{poison.Hash}')
            """);
        return poison.Position;
    }

    /// <summary>The demo exported, the event on line 21 changed, every hash after it recomputed: a file whose chain holds.</summary>
    private async Task<string> PoisonedExportAsync(Func<StoredEvent, StoredEvent> line21, Func<StoredEvent, int, StoredEvent>? each = null)
    {
        var dir = Copy();
        var events = (await Forger.ReadAsync(dir)).Take(60).Select((e, i) => i == 19 ? line21(e) : e).Select((e, i) => each?.Invoke(e, i) ?? e).ToList();
        var previous = HashChain.Genesis;
        var file = Path.Combine(work, $"poisoned-{copies.Count}.jsonl");
        await using var output = File.Create(file);
        await using var json = new Utf8JsonWriter(output);
        var chained = new List<StoredEvent>();
        foreach (var e in events)
        {
            var c = e with { PreviousHash = previous };
            c = c with { Hash = HashChain.Compute(c, previous) };
            chained.Add(c);
            previous = c.Hash;
        }

        output.Write(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { format = LedgerExport.Format, version = LedgerExport.Version, events = chained.Count, headPosition = chained.Count, headHash = previous }) + "\n"));
        foreach (var e in chained)
        {
            LedgerExport.WriteEvent(json, e);
            await json.FlushAsync();
            json.Reset();
            output.WriteByte((byte)'\n');
        }

        return file;
    }

    private string Copy()
    {
        var dir = demo.Copy();
        copies.Add(dir);
        return dir;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in copies.Append(work)) Directory.Delete(dir, recursive: true);
    }
}
