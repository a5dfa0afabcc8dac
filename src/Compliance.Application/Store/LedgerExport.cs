using System.Text;
using System.Text.Json;

namespace Compliance.Application.Store;

/// <summary>
/// The ledger as JSON lines, for moving it between stores: a header line (format, version, event count, head position and
/// hash), then one line per event in global order with every stored field, previous hash and hash included. The JSON
/// payload is kept as a string so its exact bytes, which the hash covers, survive the trip.
/// </summary>
public static class LedgerExport
{
    public const string Format = "compliance-ledger";
    public const int Version = 1;
    private const int Page = 1_000;

    /// <summary>Writes every event up to the head read at the start (appends after it are not included); returns the header.</summary>
    public static async Task<LedgerHeader> WriteAsync(IEventReader reader, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        var (headPosition, headHash) = await reader.ReadHeadAsync(ct).ConfigureAwait(false);
        var header = new LedgerHeader(Format, Version, headPosition, headPosition, headHash);
        await using var json = new Utf8JsonWriter(output);
        WriteHeader(json, header);
        await NewLineAsync(json, output, ct).ConfigureAwait(false);
        var next = 1L;
        while (next <= headPosition)
        {
            var take = (int)Math.Min(Page, headPosition - next + 1);
            var read = 0;
            await foreach (var e in reader.ReadAllAsync(next, take, ct).ConfigureAwait(false))
            {
                WriteEvent(json, e);
                await NewLineAsync(json, output, ct).ConfigureAwait(false);
                next = e.Position + 1;
                read++;
            }

            if (read == 0) throw new InvalidOperationException($"The store's head is at position {headPosition} but nothing could be read from position {next}.");
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return header;
    }

    private static void WriteHeader(Utf8JsonWriter json, LedgerHeader header)
    {
        json.WriteStartObject();
        json.WriteString("format", header.Format);
        json.WriteNumber("version", header.Version);
        json.WriteNumber("events", header.Events);
        json.WriteNumber("headPosition", header.HeadPosition);
        json.WriteString("headHash", header.HeadHash);
        json.WriteEndObject();
    }

    public static void WriteEvent(Utf8JsonWriter json, StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(e);
        json.WriteStartObject();
        json.WriteNumber("position", e.Position);
        json.WriteString("eventId", e.EventId.ToString("D"));
        json.WriteString("stream", e.Stream);
        json.WriteNumber("revision", e.Revision);
        json.WriteString("type", e.Type);
        json.WriteNumber("schemaVersion", e.SchemaVersion);
        json.WriteString("recordedAt", LedgerInstant.ToText(e.RecordedAt));
        json.WriteString("actor", e.Actor);
        json.WriteString("correlationId", e.CorrelationId.ToString("D"));
        json.WriteString("causationId", e.CausationId.ToString("D"));
        json.WriteString("json", e.Json);
        json.WriteString("previousHash", e.PreviousHash);
        json.WriteString("hash", e.Hash);
        json.WriteEndObject();
    }

    private static async Task NewLineAsync(Utf8JsonWriter json, Stream output, CancellationToken ct)
    {
        await json.FlushAsync(ct).ConfigureAwait(false);
        json.Reset();
        output.WriteByte((byte)'\n');
    }

    /// <summary>UTF-8 without a byte-order mark that fails on invalid bytes instead of replacing them.</summary>
    public static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

/// <summary>The first line of an export.</summary>
public sealed record LedgerHeader(string Format, int Version, long Events, long HeadPosition, string HeadHash);
