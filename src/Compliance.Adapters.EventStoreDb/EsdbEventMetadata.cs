using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>
/// Our part of an event that EventStoreDB has no field for, kept as the event's custom metadata (JSON): who and why,
/// the schema version, our recorded-at (the server's own timestamp is not part of the hash), our 1-based global
/// sequence number, and the hash chain links. An event in $all without this metadata is not one of ours and is skipped.
/// </summary>
internal sealed record EsdbEventMetadata(
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("correlationId")] Guid CorrelationId,
    [property: JsonPropertyName("causationId")] Guid CausationId,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("recordedAt")] string RecordedAt,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("previousHash")] string PreviousHash,
    [property: JsonPropertyName("hash")] string Hash)
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatInstant(DateTimeOffset instant) => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public DateTimeOffset RecordedAtInstant =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(RecordedAt, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>Null when the bytes are not our metadata (another application's event, or a system event).</summary>
    public static EsdbEventMetadata? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return null;
        try
        {
            var m = JsonSerializer.Deserialize<EsdbEventMetadata>(bytes);
            return m is { Actor: not null, RecordedAt: not null, PreviousHash: not null, Hash: not null } && m.Sequence > 0 ? m : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static EsdbEventMetadata For(StoredEvent e) =>
        new(e.Actor, e.CorrelationId, e.CausationId, e.SchemaVersion, FormatInstant(e.RecordedAt), e.Position, e.PreviousHash, e.Hash);

    public StoredEvent ToStored(Guid eventId, string stream, long revision, string type, string json) =>
        new(eventId, stream, revision, Sequence, type, SchemaVersion, RecordedAtInstant, Actor, CorrelationId, CausationId, json, PreviousHash, Hash);
}
