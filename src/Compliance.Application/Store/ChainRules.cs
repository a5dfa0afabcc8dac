using Compliance.Application.Serialization;

namespace Compliance.Application.Store;

/// <summary>
/// What every stored event must meet, checked in global order: its position follows the one before, its previous hash
/// is the hash before it, its hash is the hash of its content, its recorded-at is not earlier than the one before, its
/// revision follows its stream's last; and, with <paramref name="contents"/>, its type is known at the schema version the
/// type map gives it and its JSON reads as that type. The verifier and the import apply the same rules.
/// </summary>
public sealed class ChainRules(EventSerializer? contents = null)
{
    private readonly Dictionary<string, long> revisions = new(StringComparer.Ordinal);
    private long expectedPosition = 1;
    private string previousHash = HashChain.Genesis;
    private DateTimeOffset? previousRecordedAt;
    private bool knowsEveryStream = true;

    /// <summary>
    /// Rules that continue after an event already trusted (a signed checkpoint): positions, links and recorded-at go on
    /// from it; a stream's revisions are checked from the first of its events seen.
    /// </summary>
    public static ChainRules After(long position, string hash, DateTimeOffset recordedAt, EventSerializer? contents = null)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return new ChainRules(contents) { expectedPosition = position + 1, previousHash = hash, previousRecordedAt = recordedAt, knowsEveryStream = false };
    }

    /// <summary>Events that passed.</summary>
    public long Verified { get; private set; }

    /// <summary>The last event that passed (0 and genesis before the first).</summary>
    public long HeadPosition => expectedPosition - 1;

    public string HeadHash => previousHash;

    /// <summary>When the last event that passed was recorded (null before the first).</summary>
    public DateTimeOffset? HeadRecordedAt => previousRecordedAt;

    /// <summary>The first rule <paramref name="e"/> breaks, or null when it passes (and the rules move past it).</summary>
    public ChainBreak? Check(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Position != expectedPosition)
            return Break(e, ChainBreakKind.PositionGap, $"expected position {expectedPosition}, found {e.Position}");
        if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
            return Break(e, ChainBreakKind.BrokenLink, $"previous hash {e.PreviousHash} does not match the preceding event's hash {previousHash}");
        var computed = HashChain.Compute(e, e.PreviousHash);
        if (!string.Equals(computed, e.Hash, StringComparison.Ordinal))
            return Break(e, ChainBreakKind.HashMismatch, $"event {e.EventId}: stored hash {e.Hash} but the content hashes to {computed}");
        if (e.RecordedAt < previousRecordedAt)
            return Break(e, ChainBreakKind.RecordedAtBackwards,
                $"recorded at {Instant(e.RecordedAt)}, before the preceding event's {Instant(previousRecordedAt.Value)}: recorded-at never decreases along the chain, so this event was not appended when it says");
        var expectedRevision = revisions.TryGetValue(e.Stream, out var last) ? last + 1 : knowsEveryStream ? 0 : e.Revision;
        if (e.Revision != expectedRevision)
            return Break(e, ChainBreakKind.RevisionGap, $"revision {e.Revision} in stream '{e.Stream}', expected {expectedRevision}");
        if (contents is not null && Unreadable(contents, e) is { } problem) return Break(e, ChainBreakKind.UnreadableEvent, problem);

        revisions[e.Stream] = e.Revision;
        previousHash = e.Hash;
        previousRecordedAt = e.RecordedAt;
        expectedPosition = e.Position + 1;
        Verified++;
        return null;
    }

    /// <summary>Why the event cannot be read as a domain event, or null when it can.</summary>
    private static string? Unreadable(EventSerializer contents, StoredEvent e)
    {
        if (contents.Types.TryGetType(e.Type, out var type) && contents.Types.NameOf(type).SchemaVersion is var schema && schema != e.SchemaVersion)
            return $"type '{e.Type}' is stored with schema version {e.SchemaVersion} but this build reads it at version {schema}";
        try
        {
            contents.FromStored(e);
            return null;
        }
        catch (UnknownEventTypeException)
        {
            return $"type '{e.Type}' is not in the event type map and no upcaster reads it";
        }
        catch (Exception x) when (x is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            return $"the JSON of '{e.Type}' does not read: {x.Message}";
        }
    }

    private static string Instant(DateTimeOffset t) => LedgerInstant.ToText(t);

    private static ChainBreak Break(StoredEvent e, ChainBreakKind kind, string detail) => new(e.Position, e.Stream, e.EventId, kind, detail);
}
