using System.Collections.Concurrent;
using Compliance.Application.Queries;
using Compliance.Application.ReadModels;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Api.Queries;

/// <summary>
/// The fleet's evaluated EOL table kept in memory per (day, read-model checkpoint): the verdicts of a day only change
/// when the projections commit a new position, so every request in between is answered without evaluating again.
/// One checkpoint read per request tells whether the table is still current; filtered views are kept per filter.
/// </summary>
internal sealed class FleetEolCache(FleetQueries queries, IReadModelStore readModels)
{
    private readonly SemaphoreSlim evaluating = new(1, 1);
    private volatile Table? table;

    public async Task<FleetEolResponse> GetAsync(DateOnly day, string? environment, EolLevel? minLevel, CancellationToken ct)
    {
        var checkpoint = await readModels.ReadCheckpointAsync(ct);
        var current = table;
        if (current is null || current.Day != day || current.Checkpoint != checkpoint) current = await EvaluateAsync(day, checkpoint, ct);
        return current.Views.GetOrAdd((environment, minLevel), key => current.View(key.Environment, key.MinLevel));
    }

    private async Task<Table> EvaluateAsync(DateOnly day, long checkpoint, CancellationToken ct)
    {
        await evaluating.WaitAsync(ct);
        try
        {
            if (table is { } t && t.Day == day && t.Checkpoint == checkpoint) return t;
            var environments = (await queries.ClustersAsync(ct)).ToDictionary(c => c.ClusterId, c => c.Environment, StringComparer.Ordinal);
            var verdicts = await queries.EolRiskAsync(null, day, ct);
            var evaluated = new Table(day, checkpoint, verdicts, environments);
            // Only the newest day replaces the table, so a burst of requests for an old day does not evict today's.
            if (table is null || table.Checkpoint != checkpoint || day >= table.Day) table = evaluated;
            return evaluated;
        }
        finally
        {
            evaluating.Release();
        }
    }

    private sealed record Table(DateOnly Day, long Checkpoint, IReadOnlyList<EolRiskVerdict> Verdicts, Dictionary<string, string> Environments)
    {
        public ConcurrentDictionary<(string? Environment, EolLevel? MinLevel), FleetEolResponse> Views { get; } = new();

        public FleetEolResponse View(string? environment, EolLevel? minLevel)
        {
            var selected = Verdicts
                .Where(v => environment is null || string.Equals(Environments.GetValueOrDefault(v.ClusterId), environment, StringComparison.OrdinalIgnoreCase))
                .Where(v => minLevel is not { } min || v.Level == EolLevel.Unknown || v.Level >= min)
                .ToList();
            return new FleetEolResponse(Day, environment, minLevel?.ToString().ToLowerInvariant(), Checkpoint, selected.Count, selected);
        }
    }
}
