using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Google.Protobuf;

namespace Compliance.Adapters.EventStoreDb.Tests;

public sealed class EsdbMessagesTests
{
    private static readonly EventMetadata Who = new("alice@example.test", Guid.Parse("11111111-2222-3333-4444-555555555555"), Guid.Parse("66666666-7777-8888-9999-000000000000"));

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
    public void our_metadata_survives_the_trip_through_a_proposed_and_a_recorded_event()
    {
        var appended = new EventToAppend(Guid.NewGuid(), "V1.ClusterRegistered", 2, """{"clusterId":"c-1","ü":"ß"}""", Who);
        var recordedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);
        var metadata = new EsdbEventMetadata(Who.Actor, Who.CorrelationId, Who.CausationId, 2, EsdbEventMetadata.FormatInstant(recordedAt), 12, HashChain.Genesis, new string('a', 64));
        var proposed = AppendReq.Parser.ParseFrom(new AppendReq { ProposedMessage = EsdbMessages.Proposed(appended, metadata) }.ToByteArray()).ProposedMessage;
        proposed.Metadata["type"].ShouldBe("V1.ClusterRegistered");
        proposed.Metadata["content-type"].ShouldBe("application/json");

        var recorded = new ReadResp.Types.ReadEvent.Types.RecordedEvent
        {
            Id = proposed.Id,
            StreamIdentifier = EsdbMessages.Stream("ledger1-cluster-c-1"),
            // stream_revision 0 and the positions are left off the wire, as the server sends them for the first event.
            Metadata = { proposed.Metadata },
            CustomMetadata = proposed.CustomMetadata,
            Data = proposed.Data,
        };
        var (stored, _) = EsdbMessages.ToStored(ReadResp.Types.ReadEvent.Types.RecordedEvent.Parser.ParseFrom(recorded.ToByteArray()), "ledger1-")!.Value;

        stored.ShouldBe(new StoredEvent(appended.EventId, "cluster-c-1", 0, 12, appended.Type, 2, recordedAt, Who.Actor, Who.CorrelationId, Who.CausationId,
            appended.Json, HashChain.Genesis, new string('a', 64)));
    }

    [Fact]
    public void events_without_our_metadata_or_outside_the_prefix_are_not_ours()
    {
        var foreign = new ReadResp.Types.ReadEvent.Types.RecordedEvent
        {
            Id = new UUID { String = Guid.NewGuid().ToString() },
            StreamIdentifier = EsdbMessages.Stream("orders-1"),
            CustomMetadata = ByteString.CopyFromUtf8("""{"$correlationId":"x"}"""),
            Data = ByteString.CopyFromUtf8("{}"),
        };

        EsdbMessages.ToStored(foreign, "").ShouldBeNull();
        var ours = new EsdbEventMetadata("a", Guid.NewGuid(), Guid.NewGuid(), 1, EsdbEventMetadata.FormatInstant(DateTimeOffset.UnixEpoch), 1, HashChain.Genesis, HashChain.Genesis);
        foreign.CustomMetadata = ByteString.CopyFrom(ours.ToBytes());
        EsdbMessages.ToStored(foreign, "ledger1-").ShouldBeNull();
        EsdbMessages.ToStored(foreign, "").ShouldNotBeNull();
    }

    [Fact]
    public void a_structured_uuid_reads_as_the_same_guid()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        EsdbMessages.FromStructured(new UUID.Types.Structured { MostSignificantBits = 0x0f8fad5bd9cb469f, LeastSignificantBits = unchecked((long)0xa16570867728950e) }).ShouldBe(id);
    }

    [Fact]
    public void reads_of_all_leave_out_system_streams_or_keep_to_one_prefix()
    {
        var all = EsdbMessages.ReadAll(null, Direction.Forwards, null, EsdbMessages.StreamsRegex(""));

        all.Options.CountOptionCase.ShouldBe(ReadReq.Types.Options.CountOptionOneofCase.Subscription);
        all.Options.FilterOptionCase.ShouldBe(ReadReq.Types.Options.FilterOptionOneofCase.Filter);
        var regex = new System.Text.RegularExpressions.Regex(all.Options.Filter.StreamIdentifier.Regex);
        regex.IsMatch("cluster-c-1").ShouldBeTrue();
        regex.IsMatch("$stats-127.0.0.1:2113").ShouldBeFalse();
        EsdbMessages.StreamsRegex("t.1-").ShouldBe(@"^t\.1-");
        var stream = EsdbMessages.ReadStream("s", Direction.Forwards, 0, 10);
        stream.Options.FilterOptionCase.ShouldBe(ReadReq.Types.Options.FilterOptionOneofCase.NoFilter);
        stream.Options.Stream.RevisionOptionCase.ShouldBe(ReadReq.Types.Options.Types.StreamOptions.RevisionOptionOneofCase.Revision);
        EsdbMessages.ReadStream("s", Direction.Backwards, long.MaxValue, 1).Options.Stream.RevisionOptionCase
            .ShouldBe(ReadReq.Types.Options.Types.StreamOptions.RevisionOptionOneofCase.End);
    }
}
