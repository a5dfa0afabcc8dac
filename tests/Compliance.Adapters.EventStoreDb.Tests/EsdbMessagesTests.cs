using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Google.Protobuf;

namespace Compliance.Adapters.EventStoreDb.Tests;

public sealed class EsdbMessagesTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public void each_expected_revision_becomes_its_own_case_of_the_append_options()
    {
        EsdbMessages.AppendOptions("s", ExpectedRevision.Any).ExpectedStreamRevisionCase.ShouldBe(AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Any);
        EsdbMessages.AppendOptions("s", ExpectedRevision.NoStream).ExpectedStreamRevisionCase.ShouldBe(AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.NoStream);
        EsdbMessages.AppendOptions("s", ExpectedRevision.StreamExists).ExpectedStreamRevisionCase.ShouldBe(AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.StreamExists);
        var exact = EsdbMessages.AppendOptions("s", ExpectedRevision.Exact(41));
        exact.ExpectedStreamRevisionCase.ShouldBe(AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Revision);
        exact.Revision.ShouldBe(41UL);
        exact.StreamIdentifier.StreamName.ToStringUtf8().ShouldBe("s");
    }

    [Fact]
    public void the_ledger_stream_is_always_appended_at_an_exact_revision_or_as_a_new_stream()
    {
        EsdbMessages.LedgerExpected(0).ShouldBe(ExpectedRevision.NoStream);
        EsdbMessages.LedgerExpected(1).ShouldBe(ExpectedRevision.Exact(0));
        EsdbMessages.LedgerExpected(5_000).ShouldBe(ExpectedRevision.Exact(4_999));
    }

    [Fact]
    public void an_exact_revision_of_zero_is_still_sent_because_it_is_a_oneof_case()
    {
        var bytes = EsdbMessages.AppendOptions("s", ExpectedRevision.Exact(0)).ToByteArray();

        var back = AppendReq.Types.Options.Parser.ParseFrom(bytes);
        back.ExpectedStreamRevisionCase.ShouldBe(AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Revision);
        back.Revision.ShouldBe(0UL);
    }

    [Fact]
    public void a_wrong_expected_version_names_the_actual_revision_zero_or_no_stream()
    {
        var atZero = AppendResp.Parser.ParseFrom(new AppendResp { WrongExpectedVersion = new() { CurrentRevision = 0, ExpectedNoStream = new Empty() } }.ToByteArray());
        var none = new AppendResp { WrongExpectedVersion = new() { CurrentNoStream = new Empty(), ExpectedRevision = 3 } };
        var old = new AppendResp { WrongExpectedVersion = new() { CurrentRevision2060 = 7 } };

        atZero.ResultCase.ShouldBe(AppendResp.ResultOneofCase.WrongExpectedVersion);
        EsdbMessages.ActualRevision(atZero.WrongExpectedVersion).ShouldBe(0);
        EsdbMessages.ActualRevision(none.WrongExpectedVersion).ShouldBeNull();
        EsdbMessages.ActualRevision(old.WrongExpectedVersion).ShouldBe(7);
    }

    [Fact]
    public void a_ledger_event_survives_the_trip_through_a_proposed_and_a_recorded_event_at_position_revision_plus_one()
    {
        var stored = Stored("cluster-c-1", 3, position: 1, """{"clusterId":"c-1","ü":"ß"}""");
        var proposed = AppendReq.Parser.ParseFrom(new AppendReq { ProposedMessage = EsdbMessages.Proposed(stored) }.ToByteArray()).ProposedMessage;
        proposed.Metadata["type"].ShouldBe("V1.ClusterRegistered");
        proposed.Metadata["content-type"].ShouldBe("application/json");

        // stream_revision 0 is left off the wire, as the server sends it for the ledger's first event.
        var back = EsdbMessages.ToStored(ReadResp.Types.ReadEvent.Types.RecordedEvent.Parser.ParseFrom(Recorded(proposed, 0).ToByteArray()));

        back.ShouldBe(stored);
        EsdbMessages.ToStored(Recorded(proposed, 41)).Position.ShouldBe(42);
    }

    [Fact]
    public void the_servers_event_id_is_the_chain_hash_so_the_same_id_recorded_elsewhere_is_never_taken_for_a_repeat()
    {
        var here = Stored("s", 0, position: 1, "{}");
        var elsewhere = here with { PreviousHash = new string('b', 64), Hash = HashChain.Compute(here, new string('b', 64)) };

        Guid.Parse(EsdbMessages.Proposed(here).Id.String).ShouldBe(Guid.ParseExact(here.Hash[..32], "N"));
        EsdbMessages.Proposed(elsewhere).Id.String.ShouldNotBe(EsdbMessages.Proposed(here).Id.String);
    }

    [Fact]
    public void an_event_in_the_ledger_stream_without_ledger_metadata_is_an_error_naming_its_revision()
    {
        var foreign = new ReadResp.Types.ReadEvent.Types.RecordedEvent
        {
            Id = new UUID { String = Guid.NewGuid().ToString() },
            StreamIdentifier = EsdbMessages.Stream("compliance-ledger"),
            StreamRevision = 17,
            Metadata = { ["type"] = "OrderPlaced" },
            CustomMetadata = ByteString.CopyFromUtf8("""{"actor":"x","sequence":3,"previousHash":"0","hash":"1"}"""),
            Data = ByteString.CopyFromUtf8("{}"),
        };

        var error = Should.Throw<InvalidDataException>(() => EsdbMessages.ToStored(foreign));

        error.Message.ShouldContain("Revision 17 of the ledger stream 'compliance-ledger' (type 'OrderPlaced') is not a ledger event");
    }

    [Fact]
    public void a_subscription_starts_at_the_start_or_after_a_revision_and_reads_start_at_a_revision_or_the_end()
    {
        EsdbMessages.SubscribeToStream("l", null).Options.Stream.RevisionOptionCase.ShouldBe(ReadReq.Types.Options.Types.StreamOptions.RevisionOptionOneofCase.Start);
        var after = EsdbMessages.SubscribeToStream("l", 0).Options;
        after.Stream.RevisionOptionCase.ShouldBe(ReadReq.Types.Options.Types.StreamOptions.RevisionOptionOneofCase.Revision);
        after.CountOptionCase.ShouldBe(ReadReq.Types.Options.CountOptionOneofCase.Subscription);
        var read = EsdbMessages.ReadStream("s", Direction.Forwards, 0, 10).Options;
        read.FilterOptionCase.ShouldBe(ReadReq.Types.Options.FilterOptionOneofCase.NoFilter);
        read.Stream.RevisionOptionCase.ShouldBe(ReadReq.Types.Options.Types.StreamOptions.RevisionOptionOneofCase.Revision);
        EsdbMessages.ReadStream("s", Direction.Backwards, long.MaxValue, 1).Options.Stream.RevisionOptionCase
            .ShouldBe(ReadReq.Types.Options.Types.StreamOptions.RevisionOptionOneofCase.End);
    }

    private static StoredEvent Stored(string stream, long revision, long position, string json)
    {
        var e = new StoredEvent(Guid.NewGuid(), stream, revision, position, "V1.ClusterRegistered", 2, At, "alice@example.test",
            Guid.NewGuid(), Guid.NewGuid(), json, HashChain.Genesis, "");
        return e with { Hash = HashChain.Compute(e, e.PreviousHash) };
    }

    private static ReadResp.Types.ReadEvent.Types.RecordedEvent Recorded(AppendReq.Types.ProposedMessage proposed, ulong revision) => new()
    {
        Id = proposed.Id,
        StreamIdentifier = EsdbMessages.Stream("compliance-ledger"),
        StreamRevision = revision,
        Metadata = { proposed.Metadata },
        CustomMetadata = proposed.CustomMetadata,
        Data = proposed.Data,
    };
}
