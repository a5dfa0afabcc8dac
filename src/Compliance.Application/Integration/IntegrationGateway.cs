using Compliance.Application.Ports;
using Compliance.Application.Queries;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Contracts.Integration;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Integration;

/// <summary>
/// Domain-to-integration gateway: after the projections, compares the read models with what was announced before and
/// publishes integration contracts when a line is crossed (a component's EOL level changes, an open patch passes its
/// SLA, an unrecorded change is found) and for each maintenance action recorded in the ledger. Domain events never go
/// on the bus as they are. Remembers what it announced through <see cref="IPublishedStateStore"/>; the first scan
/// announces the current state (levels with no previous level, open breaches) and maintenance from the ledger's head on.
/// </summary>
public sealed partial class IntegrationGateway(
    FleetQueries queries,
    IEventReader ledger,
    IIntegrationEventPublisher publisher,
    IPublishedStateStore memory,
    TimeProvider time,
    EventSerializer? serializer = null)
{
    private readonly EventSerializer events = serializer ?? EventSerializer.Default;
    private readonly SemaphoreSlim oneScanAtATime = new(1, 1);
    private PublishedState? state;
    private Evaluated? last;

    /// <summary>
    /// The longest a scan trusts an unchanged checkpoint: after this the read models are judged again even if no event was
    /// projected, since the periodic refresh re-evaluates findings as time passes without moving the checkpoint.
    /// </summary>
    public static readonly TimeSpan FullScanEvery = TimeSpan.FromMinutes(5);

    /// <summary>Publishes what changed since the last scan; returns how many messages were published.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        await oneScanAtATime.WaitAsync(ct);
        try
        {
            var known = state ??= await memory.LoadAsync(ct);
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var checkpoint = await queries.CheckpointAsync(ct);
            var published = 0;
            // Judging the whole fleet costs real time on a large fleet; a scan with nothing new to judge skips it.
            var skip = last is { } e && e.Checkpoint == checkpoint && e.Day == today && now < e.NextDue && now - e.At < FullScanEvery;
            IReadOnlyDictionary<string, string> levels = known.Levels;
            IReadOnlyCollection<string> breaches = known.Breaches, changes = known.UnrecordedChanges;
            var evaluated = last;
            if (!skip)
            {
                var judgedLevels = await PublishLevelChangesAsync(known.Levels, today, ct);
                var judgedBreaches = await PublishBreachesAsync(known.Breaches, now, ct);
                var judgedChanges = await PublishUnrecordedChangesAsync(known.UnrecordedChanges, now, ct);
                published += judgedLevels.Published + judgedBreaches.Published + judgedChanges.Published;
                (levels, breaches, changes) = (judgedLevels.Levels, judgedBreaches.Keys, judgedChanges.Keys);
                evaluated = new Evaluated(checkpoint, today, now, Min(judgedBreaches.NextDue, judgedChanges.NextDue));
            }

            var maintenance = await PublishMaintenanceAsync(known.MaintenancePosition, ct);
            published += maintenance.Published;

            var next = new PublishedState(levels, breaches, changes, maintenance.Position);
            if (published > 0 || known.MaintenancePosition != maintenance.Position || known.Levels.Count != levels.Count)
                await memory.SaveAsync(next, ct);
            state = next;
            last = evaluated; // only once what it announced is remembered
            return published;
        }
        finally
        {
            oneScanAtATime.Release();
        }
    }

    private async Task<(Dictionary<string, string> Levels, int Published)> PublishLevelChangesAsync(
        IReadOnlyDictionary<string, string> known, DateOnly today, CancellationToken ct)
    {
        var levels = new Dictionary<string, string>(StringComparer.Ordinal);
        var published = 0;
        foreach (var v in await queries.EolRiskAsync(null, today, ct))
        {
            var key = $"{v.ClusterId}|{v.ComponentId}|{v.RawVersion}";
            var level = Level(v.Level);
            if (!levels.TryAdd(key, level)) continue;
            var from = known.GetValueOrDefault(key);
            if (from == level) continue;
            var message = new EolRiskChanged(v.ClusterId, v.ComponentId, v.Product, v.RawVersion, Blank(v.Cycle), from, level,
                v.StandardSupport?.Ends, v.StandardSupport?.DaysLeft, today, v.ExtendedSupport?.Ends, v.ExtendedSupport?.DaysLeft);
            await publisher.PublishAsync(message, MessageIds.For($"EolRiskChanged|{key}|{from}|{level}|{today:yyyy-MM-dd}"), ct);
            published++;
        }

        return (levels, published);
    }

    /// <summary>Announces newly breached patches; NextDue is the earliest SLA deadline still ahead (when the next breach can appear without a new event).</summary>
    private async Task<(HashSet<string> Keys, int Published, DateTimeOffset NextDue)> PublishBreachesAsync(IReadOnlyCollection<string> known, DateTimeOffset now, CancellationToken ct)
    {
        var keys = new HashSet<string>(known, StringComparer.Ordinal);
        var published = 0;
        var nextDue = DateTimeOffset.MaxValue;
        foreach (var p in await queries.PatchLatencyAsync(null, now, ct))
        {
            if (p.Status == SlaStatus.Open && p.DueAt >= now) nextDue = Min(nextDue, p.DueAt);
            if (p.Status != SlaStatus.Breached) continue;
            var key = $"{p.ClusterId}|{p.Kind}|{p.Product}|{p.Cycle}|{p.Patch}";
            if (!keys.Add(key)) continue;
            var message = new PatchSlaBreached(p.ClusterId, p.Kind.ToString(), p.Product, p.Cycle, p.Patch, p.ReleasedAt, p.DueAt, p.Critical, p.AppliedAt);
            await publisher.PublishAsync(message, MessageIds.For($"PatchSlaBreached|{key}"), ct);
            published++;
        }

        return (keys, published, nextDue);
    }

    /// <summary>Announces new unrecorded changes; NextDue is the earliest detection still ahead of now (an observation stamped in the future).</summary>
    private async Task<(HashSet<string> Keys, int Published, DateTimeOffset NextDue)> PublishUnrecordedChangesAsync(IReadOnlyCollection<string> known, DateTimeOffset now, CancellationToken ct)
    {
        var keys = new HashSet<string>(known, StringComparer.Ordinal);
        var published = 0;
        var nextDue = DateTimeOffset.MaxValue;
        foreach (var f in await queries.FindingsAsync(null, FindingKind.UnrecordedChange, DateTimeOffset.MaxValue, ct))
        {
            if (f.DetectedAt > now)
            {
                nextDue = Min(nextDue, f.DetectedAt);
                continue;
            }

            var key = $"{f.ClusterId}|{f.Subject}|{f.DetectedAt.UtcTicks}";
            if (!keys.Add(key)) continue;
            var evidence = f.Evidence.Count == 0 ? "" : $"{f.Evidence[0].Stream}@{f.Evidence[0].Revision}";
            var message = new UnrecordedChangeDetected(f.ClusterId, f.Subject, f.Detail, f.DetectedAt, evidence);
            await publisher.PublishAsync(message, MessageIds.For($"UnrecordedChangeDetected|{key}"), ct);
            published++;
        }

        return (keys, published, nextDue);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>What the last full judgement saw: the checkpoint and day it judged, when, and the next instant a verdict can change by time alone.</summary>
    private sealed record Evaluated(long Checkpoint, DateOnly Day, DateTimeOffset At, DateTimeOffset NextDue);

    internal static string Level(EolLevel level) => level.ToString().ToLowerInvariant();

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
