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

    /// <summary>Publishes what changed since the last scan; returns how many messages were published.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        await oneScanAtATime.WaitAsync(ct);
        try
        {
            var known = state ??= await memory.LoadAsync(ct);
            var now = time.GetUtcNow();
            var published = 0;
            var levels = await PublishLevelChangesAsync(known.Levels, DateOnly.FromDateTime(now.UtcDateTime), ct);
            published += levels.Published;
            var breaches = await PublishBreachesAsync(known.Breaches, now, ct);
            published += breaches.Published;
            var changes = await PublishUnrecordedChangesAsync(known.UnrecordedChanges, now, ct);
            published += changes.Published;
            var maintenance = await PublishMaintenanceAsync(known.MaintenancePosition, ct);
            published += maintenance.Published;

            var next = new PublishedState(levels.Levels, breaches.Keys, changes.Keys, maintenance.Position);
            if (published > 0 || known.MaintenancePosition != maintenance.Position || known.Levels.Count != levels.Levels.Count)
                await memory.SaveAsync(next, ct);
            state = next;
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
            var message = new EolRiskChanged(v.ClusterId, v.ComponentId, v.Product, v.RawVersion, Blank(v.Cycle), from, level, v.Eol, v.DaysLeft, today);
            await publisher.PublishAsync(message, MessageIds.For($"EolRiskChanged|{key}|{from}|{level}|{today:yyyy-MM-dd}"), ct);
            published++;
        }

        return (levels, published);
    }

    private async Task<(HashSet<string> Keys, int Published)> PublishBreachesAsync(IReadOnlyCollection<string> known, DateTimeOffset now, CancellationToken ct)
    {
        var keys = new HashSet<string>(known, StringComparer.Ordinal);
        var published = 0;
        foreach (var p in await queries.PatchLatencyAsync(null, now, ct))
        {
            if (p.Status != SlaStatus.Breached) continue;
            var key = $"{p.ClusterId}|{p.Kind}|{p.Product}|{p.Cycle}|{p.Patch}";
            if (!keys.Add(key)) continue;
            var message = new PatchSlaBreached(p.ClusterId, p.Kind.ToString(), p.Product, p.Cycle, p.Patch, p.ReleasedAt, p.DueAt, p.Critical, p.AppliedAt);
            await publisher.PublishAsync(message, MessageIds.For($"PatchSlaBreached|{key}"), ct);
            published++;
        }

        return (keys, published);
    }

    private async Task<(HashSet<string> Keys, int Published)> PublishUnrecordedChangesAsync(IReadOnlyCollection<string> known, DateTimeOffset now, CancellationToken ct)
    {
        var keys = new HashSet<string>(known, StringComparer.Ordinal);
        var published = 0;
        foreach (var f in await queries.FindingsAsync(null, now, ct))
        {
            if (f.Kind != FindingKind.UnrecordedChange) continue;
            var key = $"{f.ClusterId}|{f.Subject}|{f.DetectedAt.UtcTicks}";
            if (!keys.Add(key)) continue;
            var evidence = f.Evidence.Count == 0 ? "" : $"{f.Evidence[0].Stream}@{f.Evidence[0].Revision}";
            var message = new UnrecordedChangeDetected(f.ClusterId, f.Subject, f.Detail, f.DetectedAt, evidence);
            await publisher.PublishAsync(message, MessageIds.For($"UnrecordedChangeDetected|{key}"), ct);
            published++;
        }

        return (keys, published);
    }

    internal static string Level(EolLevel level) => level.ToString().ToLowerInvariant();

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
