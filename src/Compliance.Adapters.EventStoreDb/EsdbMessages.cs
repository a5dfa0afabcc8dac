using System.Text;
using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Google.Protobuf;
using UUID = Compliance.Adapters.EventStoreDb.Grpc.UUID;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// Our port's values as the server's messages and back. Proto3 leaves zero values off the wire, so revision 0 and
/// position 0 arrive as "field absent"; the generated code reads them as 0, which is what they mean, but a oneof case
/// must be checked, never a value compared with 0.
/// </summary>
internal static class EsdbMessages
{
    /// <summary>Regex on stream names that leaves out system streams (<c>$...</c>), for reads and subscriptions of $all.</summary>
    public const string UserStreamsRegex = @"^(?!\$)";

    /// <summary>The $all filter: user streams, or only the streams of one ledger when streams carry a prefix.</summary>
    public static string StreamsRegex(string prefix) => prefix.Length == 0 ? UserStreamsRegex : "^" + System.Text.RegularExpressions.Regex.Escape(prefix);

    public static StreamIdentifier Stream(string name) => new() { StreamName = ByteString.CopyFromUtf8(name) };

    public static AppendReq.Types.Options AppendOptions(string stream, ExpectedRevision expected)
    {
        var options = new AppendReq.Types.Options { StreamIdentifier = Stream(stream) };
        switch (expected)
        {
            case ExpectedRevision.AnyRevision: options.Any = new Empty(); break;
            case ExpectedRevision.NoStreamRevision: options.NoStream = new Empty(); break;
            case ExpectedRevision.StreamExistsRevision: options.StreamExists = new Empty(); break;
            case ExpectedRevision.ExactRevision exact:
                ArgumentOutOfRangeException.ThrowIfNegative(exact.Revision);
                options.Revision = (ulong)exact.Revision;
                break;
            default: throw new ArgumentOutOfRangeException(nameof(expected), expected, "unknown expected revision");
        }

        return options;
    }

    public static AppendReq.Types.ProposedMessage Proposed(EventToAppend e, EsdbEventMetadata metadata) => new()
    {
        Id = new UUID { String = e.EventId.ToString("D") },
        Metadata = { ["type"] = e.Type, ["content-type"] = "application/json" },
        CustomMetadata = ByteString.CopyFrom(metadata.ToBytes()),
        Data = ByteString.CopyFromUtf8(e.Json),
    };

    /// <summary>The stream's actual revision in a wrong_expected_version answer (null: the stream does not exist).</summary>
    public static long? ActualRevision(AppendResp.Types.WrongExpectedVersion wrong) => wrong.CurrentRevisionOptionCase switch
    {
        AppendResp.Types.WrongExpectedVersion.CurrentRevisionOptionOneofCase.CurrentRevision => (long)wrong.CurrentRevision,
        AppendResp.Types.WrongExpectedVersion.CurrentRevisionOptionOneofCase.CurrentNoStream => null,
        // Only the 20.6.0 fields: read those.
        _ => wrong.CurrentRevisionOption2060Case == AppendResp.Types.WrongExpectedVersion.CurrentRevisionOption2060OneofCase.CurrentRevision2060
            ? (long)wrong.CurrentRevision2060
            : null,
    };

    public static ReadReq ReadStream(string stream, Direction direction, long fromRevision, ulong count)
    {
        var options = new ReadReq.Types.Options.Types.StreamOptions { StreamIdentifier = Stream(stream) };
        if (direction == Direction.Backwards && fromRevision == long.MaxValue) options.End = new Empty();
        else options.Revision = (ulong)Math.Max(0, fromRevision);
        return new ReadReq
        {
            Options = new ReadReq.Types.Options
            {
                Stream = options,
                ReadDirection = direction == Direction.Forwards ? ReadReq.Types.Options.Types.ReadDirection.Forwards : ReadReq.Types.Options.Types.ReadDirection.Backwards,
                Count = count,
                NoFilter = new Empty(),
                UuidOption = new ReadReq.Types.Options.Types.UUIDOption { String = new Empty() },
            },
        };
    }

    /// <summary>$all without system streams, from the start / end / a position (inclusive for reads, exclusive for subscriptions).</summary>
    public static ReadReq ReadAll(EsdbPosition? from, Direction direction, ulong? count, string streamsRegex)
    {
        var all = new ReadReq.Types.Options.Types.AllOptions();
        if (from is { } p) all.Position = new ReadReq.Types.Options.Types.Position { CommitPosition = p.Commit, PreparePosition = p.Prepare };
        else if (direction == Direction.Forwards) all.Start = new Empty();
        else all.End = new Empty();
        var options = new ReadReq.Types.Options
        {
            All = all,
            ReadDirection = direction == Direction.Forwards ? ReadReq.Types.Options.Types.ReadDirection.Forwards : ReadReq.Types.Options.Types.ReadDirection.Backwards,
            Filter = new ReadReq.Types.Options.Types.FilterOptions
            {
                StreamIdentifier = new ReadReq.Types.Options.Types.FilterOptions.Types.Expression { Regex = streamsRegex },
                Max = 1_000,
                CheckpointIntervalMultiplier = 1,
            },
            UuidOption = new ReadReq.Types.Options.Types.UUIDOption { String = new Empty() },
        };
        if (count is { } c) options.Count = c;
        else options.Subscription = new ReadReq.Types.Options.Types.SubscriptionOptions();
        return new ReadReq { Options = options };
    }

    /// <summary>Our event from a recorded one; null when it is not ours (no Compliance metadata).</summary>
    public static (StoredEvent Event, EsdbPosition Position)? ToStored(ReadResp.Types.ReadEvent.Types.RecordedEvent recorded, string prefix)
    {
        var metadata = EsdbEventMetadata.TryRead(recorded.CustomMetadata.Span);
        var stream = recorded.StreamIdentifier.StreamName.ToStringUtf8();
        if (metadata is null || !stream.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var id = recorded.Id.ValueCase == UUID.ValueOneofCase.String
            ? Guid.Parse(recorded.Id.String)
            : FromStructured(recorded.Id.Structured);
        var type = recorded.Metadata.TryGetValue("type", out var t) ? t : "";
        var stored = metadata.ToStored(id, stream[prefix.Length..], (long)recorded.StreamRevision, type,
            Encoding.UTF8.GetString(recorded.Data.Span));
        return (stored, new EsdbPosition(recorded.CommitPosition, recorded.PreparePosition));
    }

    /// <summary>EventStoreDB's structured form: the Java-style most/least significant halves of the RFC 4122 bytes.</summary>
    public static Guid FromStructured(UUID.Types.Structured s)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, s.MostSignificantBits);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], s.LeastSignificantBits);
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>A position in EventStoreDB's $all (transaction-file commit and prepare positions).</summary>
internal readonly record struct EsdbPosition(ulong Commit, ulong Prepare);
