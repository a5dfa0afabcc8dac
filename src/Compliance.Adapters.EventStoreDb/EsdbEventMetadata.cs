using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// What a ledger event carries as its custom metadata (JSON) in the ledger stream: its logical stream and revision, its
/// id, who and why, the schema version, our recorded-at (the server's own timestamp is not part of the hash), and the
/// hash chain links. Its position is not stored: it is the ledger stream's revision + 1.
/// </summary>
internal sealed record EsdbEventMetadata(
    [property: JsonPropertyName("eventId")] Guid EventId,
    [property: JsonPropertyName("stream")] string Stream,
    [property: JsonPropertyName("revision")] long Revision,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("recordedAt")] string RecordedAt,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("correlationId")] Guid CorrelationId,
    [property: JsonPropertyName("causationId")] Guid CausationId,
    [property: JsonPropertyName("previousHash")] string PreviousHash,
    [property: JsonPropertyName("hash")] string Hash)
{
    public static EsdbEventMetadata For(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.EventId, e.Stream, e.Revision, e.SchemaVersion, LedgerInstant.ToText(e.RecordedAt), e.Actor, e.CorrelationId, e.CausationId,
            e.PreviousHash, e.Hash);
    }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, EsdbMetadataJson.Default.EsdbEventMetadata);

    /// <summary>Null when the bytes are not a ledger event's metadata.</summary>
    public static EsdbEventMetadata? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return null;
        try
        {
            var m = JsonSerializer.Deserialize(bytes, EsdbMetadataJson.Default.EsdbEventMetadata);
            return m is { Stream.Length: > 0, RecordedAt: not null, Actor: not null, PreviousHash.Length: 64, Hash.Length: 64 } && m.Revision >= 0
                && m.EventId != Guid.Empty ? m : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public StoredEvent ToStored(long position, string type, string json) =>
        new(EventId, Stream, Revision, position, type, SchemaVersion, LedgerInstant.Parse(RecordedAt), Actor, CorrelationId, CausationId, json,
            PreviousHash, Hash);
}

[JsonSerializable(typeof(EsdbEventMetadata))]
internal sealed partial class EsdbMetadataJson : JsonSerializerContext;
