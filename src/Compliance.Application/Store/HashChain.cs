using System.Buffers;
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

    /// <summary>
    /// SHA-256 (lower-case hex) of the UTF-8 bytes of the fields joined by '\n': previous hash, event id (D format),
    /// stream, revision, type, schema version, recorded-at in UTC as yyyy-MM-ddTHH:mm:ss.fffffffZ, actor,
    /// correlation id, causation id, JSON. This form is fixed: stored ledgers are verified against it.
    /// </summary>
    public static string Compute(string previousHash, Guid eventId, string stream, long revision, string type, int schemaVersion,
        DateTimeOffset recordedAt, string actor, Guid correlationId, Guid causationId, string json)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(json);

        // Fixed-width fields: guids 36, revision <= 20, schema version <= 11, instant 28, and 10 separators.
        var utf8 = Encoding.UTF8;
        var maxBytes = utf8.GetMaxByteCount(previousHash.Length + stream.Length + type.Length + actor.Length + json.Length)
            + (3 * 36) + 20 + 11 + 28 + 10;
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var buffer = rented.AsSpan();
            var n = 0;
            n += utf8.GetBytes(previousHash, buffer[n..]);
            buffer[n++] = (byte)'\n';
            eventId.TryFormat(buffer[n..], out var written, "D");
            n += written;
            buffer[n++] = (byte)'\n';
            n += utf8.GetBytes(stream, buffer[n..]);
            buffer[n++] = (byte)'\n';
            revision.TryFormat(buffer[n..], out written, default, CultureInfo.InvariantCulture);
            n += written;
            buffer[n++] = (byte)'\n';
            n += utf8.GetBytes(type, buffer[n..]);
            buffer[n++] = (byte)'\n';
            schemaVersion.TryFormat(buffer[n..], out written, default, CultureInfo.InvariantCulture);
            n += written;
            buffer[n++] = (byte)'\n';
            recordedAt.UtcDateTime.TryFormat(buffer[n..], out written, LedgerInstant.Format, CultureInfo.InvariantCulture);
            n += written;
            buffer[n++] = (byte)'\n';
            n += utf8.GetBytes(actor, buffer[n..]);
            buffer[n++] = (byte)'\n';
            correlationId.TryFormat(buffer[n..], out written, "D");
            n += written;
            buffer[n++] = (byte)'\n';
            causationId.TryFormat(buffer[n..], out written, "D");
            n += written;
            buffer[n++] = (byte)'\n';
            n += utf8.GetBytes(json, buffer[n..]);

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..n], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static string Compute(StoredEvent e, string previousHash) =>
        Compute(previousHash, e.EventId, e.Stream, e.Revision, e.Type, e.SchemaVersion, e.RecordedAt, e.Actor, e.CorrelationId, e.CausationId, e.Json);
}
