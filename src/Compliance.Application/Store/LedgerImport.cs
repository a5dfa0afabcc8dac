using System.Globalization;
using System.Text.Json;

namespace Compliance.Application.Store;

/// <summary>
/// A store that can take events already recorded elsewhere, with their recorded-at, revision and position as they were.
/// Used only to load an export into an empty store: the store checks each event extends its own chain (position, stream
/// revision, previous hash) and that the hash it recomputes is the one given.
/// </summary>
public interface IEventImporter
{
    /// <summary>Appends already-recorded events in global order, all or nothing per call.</summary>
    /// <exception cref="LedgerImportException">an event does not extend the store's chain or its hash does not match.</exception>
    Task ImportAsync(IReadOnlyList<StoredEvent> events, CancellationToken ct);
}

/// <summary>An export cannot be imported; <see cref="Line"/> is the 1-based line of the file at fault (0: the file as a whole).</summary>
public sealed class LedgerImportException(long line, string message)
    : Exception(line > 0 ? $"line {line.ToString(CultureInfo.InvariantCulture)}: {message}" : message)
{
    public long Line { get; } = line;
}

/// <summary>
/// Loads an export (see <see cref="LedgerExport"/>) into an empty store. Every line is checked before it reaches the
/// store (its length, the chain rules of <see cref="ChainRules"/>: position, link, hash, recorded-at, revision; its type
/// known and its JSON readable; its id not used before), then the store's chain is verified and its head hash compared
/// with the header's. The caller makes the target disappear on failure (a temp file moved into place), or, for a store
/// without a transaction around the whole import, checks the whole file first (<see cref="CheckAsync"/>) and resumes a
/// failed import (<see cref="ResumeAsync"/>).
/// </summary>
public static class LedgerImport
{
    /// <summary>The longest line accepted (characters): far above any event, far below what would strain the memory.</summary>
    public const int MaxLineChars = 1 << 20;

    private const int Batch = 500;

    public static async Task<ChainVerification> ReadAsync(TextReader input, IEventImporter target, IEventReader targetReader, CancellationToken ct) =>
        (await LoadAsync(input, target, targetReader, resume: false, ct).ConfigureAwait(false)).Verified;

    /// <summary>
    /// Like <see cref="ReadAsync"/>, but a target that already holds the file's first events (an earlier import of the
    /// same file that stopped part-way) is continued after them; a target holding anything else is refused. Returns how
    /// many events were already there.
    /// </summary>
    public static Task<(ChainVerification Verified, long AlreadyStored)> ResumeAsync(TextReader input, IEventImporter target, IEventReader targetReader, CancellationToken ct) =>
        LoadAsync(input, target, targetReader, resume: true, ct);

    private static async Task<(ChainVerification Verified, long AlreadyStored)> LoadAsync(TextReader input, IEventImporter target, IEventReader targetReader, bool resume,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(targetReader);
        var (headPosition, headHash) = await targetReader.ReadHeadAsync(ct).ConfigureAwait(false);
        if (headPosition != 0 && !resume) throw new LedgerImportException(0, $"the target store is not empty (it holds {headPosition} event(s)); import needs an empty store");

        var pending = new List<StoredEvent>(Batch);
        var lastLine = new List<long>(Batch);
        LedgerHeader? header = null;
        await foreach (var (e, line, h) in CheckedAsync(input, ct).ConfigureAwait(false))
        {
            header = h;
            if (e.Position < headPosition) continue;
            if (e.Position == headPosition)
            {
                if (!string.Equals(e.Hash, headHash, StringComparison.Ordinal))
                    throw new LedgerImportException(line, $"the target store holds {headPosition} event(s) that are not the start of this file (its event at position {headPosition} has hash {headHash}, this line {e.Hash}); nothing more was imported");
                continue;
            }

            pending.Add(e);
            lastLine.Add(line);
            if (pending.Count == Batch) await FlushAsync(target, pending, lastLine, ct).ConfigureAwait(false);
        }

        if (header is not null && header.Events < headPosition)
            throw new LedgerImportException(0, $"the target store holds {headPosition} event(s), more than this file's {header.Events}");
        await FlushAsync(target, pending, lastLine, ct).ConfigureAwait(false);
        var verification = await HashChainVerifier.VerifyAsync(targetReader, HashChainVerifier.DefaultPageSize, Serialization.EventSerializer.Default, ct).ConfigureAwait(false);
        if (verification.FirstBreak is { } broken)
            throw new LedgerImportException(broken.Position + 1, $"the imported store does not verify at position {broken.Position}: {broken.Kind} ({broken.Detail})");
        if (header is { } expected && (verification.Verified != expected.Events || !string.Equals(verification.HeadHash, expected.HeadHash, StringComparison.Ordinal)))
            throw new LedgerImportException(0, $"the imported store's head ({verification.HeadPosition}, {verification.HeadHash}) is not the file's ({expected.HeadPosition}, {expected.HeadHash})");
        return (verification, headPosition);
    }

    /// <summary>
    /// Checks every line of an export without writing anything (for stores without a transaction around the whole import,
    /// which are written only once the whole file is known to be good).
    /// </summary>
    public static async Task CheckAsync(TextReader input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await foreach (var _ in CheckedAsync(input, ct).ConfigureAwait(false))
        {
        }
    }

    /// <summary>
    /// Every event of the file with its line, each checked (length, chain rules, readable type, id not seen before);
    /// after the last, the count and head hash are checked against the header, so an enumeration that ends without an
    /// exception has seen a whole, consistent file.
    /// </summary>
    private static async IAsyncEnumerable<(StoredEvent Event, long Line, LedgerHeader Header)> CheckedAsync(TextReader input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var lines = new BoundedLineReader(input, MaxLineChars);
        var first = await ReadLineAsync(lines, 1, ct).ConfigureAwait(false) ?? throw new LedgerImportException(1, "the file is empty (expected a header line)");
        var header = ParseHeader(first);
        var rules = new ChainRules(Serialization.EventSerializer.Default);
        var ids = new HashSet<Guid>();
        var line = 1L;
        while (await ReadLineAsync(lines, line + 1, ct).ConfigureAwait(false) is { } text)
        {
            line++;
            if (text.Length == 0) throw new LedgerImportException(line, "empty line (expected one event)");
            var e = ParseEvent(text, line);
            if (rules.Check(e) is { } broken) throw new LedgerImportException(line, $"{Describe(broken.Kind)}: {broken.Detail}");
            if (!ids.Add(e.EventId)) throw new LedgerImportException(line, $"event id {e.EventId} is used by an earlier line (event ids are unique in a ledger)");
            yield return (e, line, header);
        }

        var events = line - 1;
        if (events != header.Events) throw new LedgerImportException(0, $"the header announces {header.Events} event(s) but the file holds {events}");
        if (!string.Equals(rules.HeadHash, header.HeadHash, StringComparison.Ordinal))
            throw new LedgerImportException(0, $"the last event's hash {rules.HeadHash} is not the header's head hash {header.HeadHash}");
    }

    private static async ValueTask<string?> ReadLineAsync(BoundedLineReader lines, long line, CancellationToken ct)
    {
        try
        {
            return await lines.ReadLineAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new LedgerImportException(line, e.Message);
        }
    }

    private static string Describe(ChainBreakKind kind) => kind switch
    {
        ChainBreakKind.PositionGap => "position out of sequence",
        ChainBreakKind.BrokenLink => "broken link",
        ChainBreakKind.HashMismatch => "hash mismatch",
        ChainBreakKind.RecordedAtBackwards => "recorded-at goes back",
        ChainBreakKind.RevisionGap => "stream revision out of sequence",
        ChainBreakKind.UnreadableEvent => "unreadable event",
        _ => kind.ToString(),
    };

    private static async Task FlushAsync(IEventImporter target, List<StoredEvent> pending, List<long> lines, CancellationToken ct)
    {
        if (pending.Count == 0) return;
        try
        {
            await target.ImportAsync(pending, ct).ConfigureAwait(false);
        }
        catch (LedgerImportException e) when (e.Line == 0)
        {
            throw new LedgerImportException(lines[0], $"(batch up to line {lines[^1]}) {e.Message}");
        }

        pending.Clear();
        lines.Clear();
    }

    public static LedgerHeader ParseHeader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var format = Text(root, "format");
            if (format != LedgerExport.Format) throw new LedgerImportException(1, $"not a Compliance ledger export (format '{format}', expected '{LedgerExport.Format}')");
            var version = root.GetProperty("version").GetInt32();
            if (version != LedgerExport.Version) throw new LedgerImportException(1, $"unsupported export version {version} (this build reads version {LedgerExport.Version})");
            return new LedgerHeader(format, version, root.GetProperty("events").GetInt64(), root.GetProperty("headPosition").GetInt64(), Text(root, "headHash"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new LedgerImportException(1, $"malformed header: {e.Message}");
        }
    }

    public static StoredEvent ParseEvent(string text, long line)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var r = doc.RootElement;
            return new StoredEvent(
                EventId: Guid.ParseExact(Text(r, "eventId"), "D"),
                Stream: Text(r, "stream"),
                Revision: r.GetProperty("revision").GetInt64(),
                Position: r.GetProperty("position").GetInt64(),
                Type: Text(r, "type"),
                SchemaVersion: r.GetProperty("schemaVersion").GetInt32(),
                RecordedAt: LedgerInstant.Parse(Text(r, "recordedAt")),
                Actor: Text(r, "actor"),
                CorrelationId: Guid.ParseExact(Text(r, "correlationId"), "D"),
                CausationId: Guid.ParseExact(Text(r, "causationId"), "D"),
                Json: Text(r, "json"),
                PreviousHash: Text(r, "previousHash"),
                Hash: Text(r, "hash"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new LedgerImportException(line, $"malformed event: {e.Message}");
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
}
