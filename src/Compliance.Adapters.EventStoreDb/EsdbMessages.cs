using System.Globalization;
using System.Text;
using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;
using Google.Protobuf;
using UUID = Compliance.Adapters.EventStoreDb.Grpc.UUID;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// Our port's values as the server's messages and back. Proto3 leaves zero values off the wire, so revision 0 arrives as
/// "field absent"; the generated code reads it as 0, which is what it means, but a oneof case must be checked, never a
/// value compared with 0.
/// </summary>
internal static class EsdbMessages
{
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

    /// <summary>The ledger stream's expected revision for an append after <paramref name="head"/> (its last position).</summary>
    public static ExpectedRevision LedgerExpected(long head) => head == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(head - 1);

    /// <summary>
    /// A ledger event as the server stores it. The server's event id is the first 128 bits of the event's chain hash, not
    /// the event's own id (which is in the metadata): the server's idempotence then only ever recognises this exact
    /// event at this place in the chain, a repeat of our own append, never the same id recorded differently elsewhere.
    /// </summary>
    public static AppendReq.Types.ProposedMessage Proposed(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AppendReq.Types.ProposedMessage
        {
            Id = new UUID { String = ServerId(e.Hash).ToString("D") },
            Metadata = { ["type"] = e.Type, ["content-type"] = "application/json" },
            CustomMetadata = ByteString.CopyFrom(EsdbEventMetadata.For(e).ToBytes()),
            Data = ByteString.CopyFromUtf8(e.Json),
        };
    }

    public static Guid ServerId(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return Guid.ParseExact(hash.AsSpan(0, 32), "N");
    }

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

    /// <summary>A bounded read of one stream; backwards from <c>long.MaxValue</c> starts at its end.</summary>
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

    /// <summary>A catch-up subscription to one stream: from its start, or after <paramref name="afterRevision"/> (exclusive).</summary>
    public static ReadReq SubscribeToStream(string stream, long? afterRevision)
    {
        var options = new ReadReq.Types.Options.Types.StreamOptions { StreamIdentifier = Stream(stream) };
        if (afterRevision is { } r) options.Revision = (ulong)r;
        else options.Start = new Empty();
        return new ReadReq
        {
            Options = new ReadReq.Types.Options
            {
                Stream = options,
                ReadDirection = ReadReq.Types.Options.Types.ReadDirection.Forwards,
                Subscription = new ReadReq.Types.Options.Types.SubscriptionOptions(),
                NoFilter = new Empty(),
                UuidOption = new ReadReq.Types.Options.Types.UUIDOption { String = new Empty() },
            },
        };
    }

    /// <summary>A ledger event from the ledger stream: its position is the stream revision + 1.</summary>
    /// <exception cref="InvalidDataException">the event is not a ledger event (something else wrote to the ledger stream).</exception>
    public static StoredEvent ToStored(ReadResp.Types.ReadEvent.Types.RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var position = (long)recorded.StreamRevision + 1;
        var type = recorded.Metadata.TryGetValue("type", out var t) ? t : "";
        try
        {
            if (EsdbEventMetadata.TryRead(recorded.CustomMetadata.Span) is { } metadata)
                return metadata.ToStored(position, type, Encoding.UTF8.GetString(recorded.Data.Span));
        }
        catch (FormatException)
        {
        }

        throw new InvalidDataException(
            $"Revision {recorded.StreamRevision.ToString(CultureInfo.InvariantCulture)} of the ledger stream '{recorded.StreamIdentifier.StreamName.ToStringUtf8()}' " +
            $"(type '{type}') is not a ledger event: only this store may write to the ledger stream.");
    }
}
