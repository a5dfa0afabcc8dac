using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Compliance.Application.Queries;
using Compliance.Application.ReadModels;
using Compliance.Application.UseCases;
using Compliance.Domain.Verdicts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Api.Queries;

/// <summary>One filtered view of the fleet table, serialized once: plain and gzip bytes, and its ETag.</summary>
internal sealed record FleetEolView(FleetEolResponse Response, byte[] Json, byte[] Gzip, string ETag);

/// <summary>
/// The fleet's evaluated EOL table kept in memory per (day, read-model checkpoint): the verdicts of a day only change
/// when the projections commit a new position, so every request in between is answered without evaluating or
/// serializing again. One checkpoint read per request tells whether the table is still current; each filtered view
/// is serialized (and gzipped) once.
/// </summary>
internal sealed class FleetEolCache(FleetQueries queries, IReadModelStore readModels, IOptions<JsonOptions> json)
{
    private readonly SemaphoreSlim evaluating = new(1, 1);
    private volatile Table? table;

    public async Task<FleetEolView> GetAsync(FleetEolFilter filter, CancellationToken ct)
    {
        var current = await TableAsync(filter.Day, ct);
        return current.Views.GetOrAdd(filter, key => new Lazy<FleetEolView>(() => current.View(key, json.Value.SerializerOptions))).Value;
    }

    /// <summary>The fleet's verdicts of a day at the read models' current checkpoint: the one evaluation the table and the fleet page share.</summary>
    public async Task<(long Checkpoint, IReadOnlyList<EolRiskVerdict> Verdicts)> VerdictsAsync(DateOnly day, CancellationToken ct)
    {
        var current = await TableAsync(day, ct);
        return (current.Checkpoint, current.Verdicts);
    }

    private async Task<Table> TableAsync(DateOnly day, CancellationToken ct)
    {
        var checkpoint = await readModels.ReadCheckpointAsync(ct);
        var current = table;
        return current is null || current.Day != day || current.Checkpoint != checkpoint ? await EvaluateAsync(day, checkpoint, ct) : current;
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
        public ConcurrentDictionary<FleetEolFilter, Lazy<FleetEolView>> Views { get; } = new();

        public FleetEolView View(FleetEolFilter filter, JsonSerializerOptions options)
        {
            var response = filter.Apply(Verdicts, Environments, Checkpoint);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(response, options);
            using var gzip = new MemoryStream();
            using (var zip = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true)) zip.Write(bytes);
            var etag = $"\"fleet-{Checkpoint}-{Day.DayNumber}-{filter.Environment ?? "all"}-{filter.MinLevel?.ToString().ToLowerInvariant() ?? "any"}\"";
            return new FleetEolView(response, bytes, gzip.ToArray(), etag);
        }
    }
}
