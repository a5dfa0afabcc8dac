using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Compliance.Application.Store;

/// <summary>
/// The ledger's tamper evidence: each event's hash is SHA-256 over the previous event's hash and the event's
/// canonical bytes, in global order. Canonical bytes leave out the global position (store-specific) but include
/// everything that describes the event, so the same chain verifies on any store.
/// </summary>
public static class HashChain
{
    /// <summary>The previous hash of the first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(string previousHash, Guid eventId, string stream, long revision, string type, int schemaVersion,
        DateTimeOffset recordedAt, string actor, Guid correlationId, Guid causationId, string json)
    {
        var canonical = string.Join('\n',
            previousHash,
            eventId.ToString("D"),
            stream,
            revision.ToString(CultureInfo.InvariantCulture),
            type,
            schemaVersion.ToString(CultureInfo.InvariantCulture),
            recordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            actor,
            correlationId.ToString("D"),
            causationId.ToString("D"),
            json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static string Compute(StoredEvent e, string previousHash) =>
        Compute(previousHash, e.EventId, e.Stream, e.Revision, e.Type, e.SchemaVersion, e.RecordedAt, e.Actor, e.CorrelationId, e.CausationId, e.Json);
}
