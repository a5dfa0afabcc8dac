using System.Text;
using Compliance.Application.ReadModels;
using Compliance.Domain.Verdicts;
using Compliance.Host.Api.Queries;

namespace Compliance.Host.Api.Page;

/// <summary>The page's model and its rendered body kept per (day, read-model checkpoint), like the fleet EOL table: built once per change.</summary>
internal sealed class FleetPageCache(FleetPageSource source, FleetEolCache eol, IReadModelStore readModels, TimeProvider time)
{
    private readonly SemaphoreSlim building = new(1, 1);
    private volatile Built? current;

    public sealed record Built(FleetPageModel Model, byte[] Body);

    public async Task<Built> GetAsync(CancellationToken ct)
    {
        var day = Days.Of(time.GetUtcNow());
        var checkpoint = await readModels.ReadCheckpointAsync(ct);
        if (current is { } c && c.Model.Day == day && c.Model.Checkpoint == checkpoint) return c;
        await building.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Model.Day == day && again.Model.Checkpoint == checkpoint) return again;
            // The EOL verdicts come from the fleet table's cache, evaluated once for both; its checkpoint is the page's.
            var (at, verdicts) = await eol.VerdictsAsync(day, ct);
            var model = await source.BuildAsync(day, at, verdicts, ct);
            var built = new Built(model, Encoding.UTF8.GetBytes(FleetPageHtml.Body(model, Scopes(model))));
            current = built;
            return built;
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>The report scopes the page offers: the fleet, each environment, each cluster.</summary>
    private static List<string> Scopes(FleetPageModel model) =>
    [
        "fleet",
        .. model.Rows.Select(r => r.Environment).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(e => "environment:" + e),
        .. model.Rows.Select(r => r.ClusterId).Order(StringComparer.Ordinal).Select(c => "cluster:" + c),
    ];
}
