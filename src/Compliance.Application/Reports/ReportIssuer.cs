using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// How much report work a server takes on: <paramref name="MaxConcurrent"/> renders at once (callers beyond are told to
/// come back after <paramref name="RetryAfter"/>), the last <paramref name="Cached"/> documents kept, and for a report as
/// of now, how long one document answers for the same ledger (one as of the end of a past day answers until the ledger's
/// facts move).
/// </summary>
public sealed record ReportLimits(int MaxConcurrent, int Cached, TimeSpan FreshFor, TimeSpan RetryAfter);

/// <summary>Where an issued document came from: rendered for this request, shared with an identical one in flight, or kept from before.</summary>
public enum ReportSource
{
    Rendered,
    Shared,
    Cached,
}

/// <summary>An issued document as it is kept and handed out: its bytes, their SHA-256 and its file name (the report's data is not kept).</summary>
public sealed record ReportDocument(byte[] Bytes, string Sha256, string FileName);

/// <summary>A report answer: the document and where it came from, or, when every render slot is taken, when to ask again.</summary>
public sealed record ReportAnswer(ReportDocument? Report, ReportSource Source, TimeSpan RetryAfter = default)
{
    public bool Busy => Report is null;
}

/// <summary>
/// Issues reports to many callers without letting them multiply the work: identical requests (same scope, period,
/// as-of and ledger facts, see <see cref="FactHead"/>) share one render, finished documents are kept for the next
/// identical request, and at most <see cref="ReportLimits.MaxConcurrent"/> different reports render at once (others are
/// answered busy at once). Each distinct document is recorded in the ledger once, by the request that rendered it.
/// </summary>
public sealed class ReportIssuer(ReportService reports, FactHead facts, RenderSlots slots, ReportLimits limits)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Key, Task<ReportDocument>> flights = [];
    private readonly Dictionary<Key, LinkedListNode<Kept>> kept = [];
    private readonly LinkedList<Kept> recent = new();

    /// <summary>The document for <paramref name="request"/>, recorded with <paramref name="actor"/> when it is rendered now.</summary>
    /// <exception cref="InvalidReportRequestException">the request cannot be produced; every caller sharing it gets this.</exception>
    public async Task<ReportAnswer> IssueAsync(ReportRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = Key.Of(request, await facts.ReadAsync(ct));
        Task<ReportDocument> flight;
        ReportSource source;
        lock (gate)
        {
            if (kept.TryGetValue(key, out var node))
            {
                recent.Remove(node);
                if (!key.Now || request.AsOf - node.Value.AsOf <= limits.FreshFor)
                {
                    recent.AddFirst(node);
                    return new ReportAnswer(node.Value.Document, ReportSource.Cached);
                }

                kept.Remove(key);
            }

            if (flights.TryGetValue(key, out var running))
            {
                flight = running;
                source = ReportSource.Shared;
            }
            else
            {
                if (slots.TryTake() is not { } slot) return new ReportAnswer(null, ReportSource.Rendered, limits.RetryAfter);
                flight = OnOwnThread(() => RenderAsync(key, request, actor, slot));
                flights[key] = flight;
                source = ReportSource.Rendered;
            }
        }

        return new ReportAnswer(await flight.WaitAsync(ct), source);
    }

    /// <summary>
    /// Renders and records once for every caller of <paramref name="key"/>, whoever gives up waiting: the work is bounded
    /// by the slot, not by the callers' patience.
    /// </summary>
    private async Task<ReportDocument> RenderAsync(Key key, ReportRequest request, string actor, IDisposable slot)
    {
        try
        {
            var rendered = await reports.RenderAsync(request, null, CancellationToken.None);
            await reports.RecordAsync(rendered, rendered.FileName, actor, CancellationToken.None);
            var document = new ReportDocument(rendered.Bytes, rendered.Sha256, rendered.FileName);
            lock (gate)
            {
                Keep(new Kept(key, document, request.AsOf));
                flights.Remove(key);
            }

            return document;
        }
        catch
        {
            lock (gate) flights.Remove(key);
            throw;
        }
        finally
        {
            slot.Dispose();
        }
    }

    /// <summary>
    /// Runs a render on a thread of its own rather than the thread pool: the render is seconds of CPU (its reads and the
    /// drawing complete synchronously), and on a small machine it would otherwise hold the pool threads every other
    /// request, /health/live among them, waits for.
    /// </summary>
    private static Task<ReportDocument> OnOwnThread(Func<Task<ReportDocument>> render) =>
        Task.Factory.StartNew(() => render().GetAwaiter().GetResult(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Keep(Kept document)
    {
        if (kept.Remove(document.Key, out var older)) recent.Remove(older);
        kept[document.Key] = recent.AddFirst(document);
        while (recent.Count > limits.Cached)
        {
            kept.Remove(recent.Last!.Value.Key);
            recent.RemoveLast();
        }
    }

    /// <summary>
    /// What makes two requests the same question: scope, period, organisation, the ledger's facts, and the as-of: a past
    /// day's end exactly, or "now" on that day (a document as of now answers for <see cref="ReportLimits.FreshFor"/>).
    /// </summary>
    private sealed record Key(string Scope, DateOnly From, DateOnly To, string Organisation, long AsOf, bool Now, long Facts)
    {
        public static Key Of(ReportRequest r, long facts)
        {
            var endOfDay = r.AsOf == Days.EndOf(Days.Of(r.AsOf));
            return new Key(r.Scope.ToString(), r.From, r.To, r.Organisation, endOfDay ? r.AsOf.UtcTicks : Days.Of(r.AsOf).DayNumber, !endOfDay, facts);
        }
    }

    /// <summary>A kept document and the instant it is as of.</summary>
    private sealed record Kept(Key Key, ReportDocument Document, DateTimeOffset AsOf);
}
