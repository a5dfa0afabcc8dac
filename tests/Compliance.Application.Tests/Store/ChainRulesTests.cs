using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Serialization;
using Compliance.Application.Store;

namespace Compliance.Application.Tests.Store;

public sealed class ChainRulesTests
{
    private static ChainBreak? FirstBreak(IEnumerable<StoredEvent> chain, EventSerializer? contents = null)
    {
        var rules = new ChainRules(contents ?? EventSerializer.Default);
        return chain.Select(rules.Check).FirstOrDefault(b => b is not null);
    }

    [Fact]
    public void a_consistent_chain_of_readable_events_passes() => FirstBreak(LedgerFixtures.Chain(12)).ShouldBeNull();

    [Fact]
    public void an_event_appended_with_a_recorded_at_before_the_one_before_it_breaks_the_chain_there()
    {
        var chain = LedgerFixtures.Chain(12);
        chain[11] = chain[11] with { RecordedAt = LedgerFixtures.Start.AddDays(-30) };

        var broken = FirstBreak(LedgerFixtures.Rechain(chain, 11)).ShouldNotBeNull();

        broken.Position.ShouldBe(12);
        broken.Kind.ShouldBe(ChainBreakKind.RecordedAtBackwards);
        broken.Detail.ShouldContain("recorded at 2026-01-30T08:00:00.0000000Z, before the preceding event's 2026-03-01T08:10:00.0000000Z");
    }

    [Fact]
    public void a_stream_revision_skipped_or_repeated_breaks_the_chain_there()
    {
        var skipped = LedgerFixtures.Chain(12);
        skipped[7] = skipped[7] with { Revision = skipped[7].Revision + 1 };
        var repeated = LedgerFixtures.Chain(12);
        repeated[8] = repeated[8] with { Revision = repeated[7].Revision };

        FirstBreak(LedgerFixtures.Rechain(skipped, 7)).ShouldNotBeNull().Kind.ShouldBe(ChainBreakKind.RevisionGap);
        var second = FirstBreak(LedgerFixtures.Rechain(repeated, 8)).ShouldNotBeNull();
        second.Kind.ShouldBe(ChainBreakKind.RevisionGap);
        second.Detail.ShouldContain("in stream 'observations-c1'");
    }

    [Theory]
    [InlineData("{\"clusterId\":", "does not read")]
    [InlineData("[1,2,3]", "does not read")]
    public void an_event_with_a_valid_hash_but_unreadable_json_breaks_the_chain(string json, string expected)
    {
        var chain = LedgerFixtures.Chain(6);
        chain[3] = chain[3] with { Json = json };

        var broken = FirstBreak(LedgerFixtures.Rechain(chain, 3)).ShouldNotBeNull();

        broken.Position.ShouldBe(4);
        broken.Kind.ShouldBe(ChainBreakKind.UnreadableEvent);
        broken.Detail.ShouldContain(expected);
    }

    [Fact]
    public void an_unknown_type_or_another_schema_version_breaks_the_ledger_but_not_the_store_level_chain()
    {
        var unknown = LedgerFixtures.Rechain(LedgerFixtures.Chain(6).Select((e, i) => i == 2 ? e with { Type = "V9.NodeRemoved" } : e).ToList(), 2);
        var version = LedgerFixtures.Rechain(LedgerFixtures.Chain(6).Select((e, i) => i == 2 ? e with { SchemaVersion = 2 } : e).ToList(), 2);

        FirstBreak(unknown).ShouldNotBeNull().Detail.ShouldContain("type 'V9.NodeRemoved' is not in the event type map");
        FirstBreak(version).ShouldNotBeNull().Detail.ShouldContain("schema version 2");
        var storeLevel = new ChainRules();
        unknown.Select(storeLevel.Check).ShouldAllBe(b => b == null);
    }

    [Fact]
    public void rules_that_start_after_a_checkpoint_check_what_follows_it()
    {
        var chain = LedgerFixtures.Chain(12);
        var rules = ChainRules.After(chain[5].Position, chain[5].Hash, chain[5].RecordedAt, EventSerializer.Default);

        chain.Skip(6).Select(rules.Check).ShouldAllBe(b => b == null);
        rules.HeadPosition.ShouldBe(12);
        ChainRules.After(chain[5].Position, new string('0', 64), chain[5].RecordedAt).Check(chain[6]).ShouldNotBeNull().Kind.ShouldBe(ChainBreakKind.BrokenLink);
    }

    [Fact]
    public async Task the_sqlite_writer_never_records_an_instant_before_its_head_when_the_clock_steps_back()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-clock-").FullName;
        try
        {
            var clock = new LedgerFixtures.SettableClock(LedgerFixtures.Start);
            using (var store = new SqliteEventStore(Path.Combine(folder, "ledger.db"), clock))
            {
                await store.AppendAsync("observations-c1", ExpectedRevision.NoStream, [LedgerFixtures.Removed(1)], CancellationToken.None);
                clock.Now = LedgerFixtures.Start.AddMinutes(-5);
                await store.AppendAsync("observations-c1", ExpectedRevision.Exact(0), [LedgerFixtures.Removed(2)], CancellationToken.None);

                var all = await store.ReadAllAsync(1, 10, CancellationToken.None).ToListAsync();
                all[1].RecordedAt.ShouldBe(LedgerFixtures.Start);
                (await HashChainVerifier.VerifyLedgerAsync(store, CancellationToken.None)).Intact.ShouldBeTrue();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
