using Compliance.Application.Queries;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>What the tests that run <c>compliance serve</c> read back from its read models, and how they wait for it.</summary>
internal static class RecordedFleet
{
    public static async Task<int> KubeletsAsync(FleetQueries queries, string clusterId) =>
        (await queries.EolRiskAsync(clusterId, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None))
        .Where(v => v.Kind == ComponentKind.Kubelet).Sum(v => v.Instances);

    /// <summary>Whether the checkout budget's finding is open (true), resolved (false) or not recorded (null).</summary>
    public static async Task<bool?> OpenBudgetFindingAsync(FleetQueries queries, string clusterId) =>
        (await queries.FindingsAsync(clusterId, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None))
        .SingleOrDefault(f => f.Kind == FindingKind.PdbAllowsNoDisruption) is { } f ? f.ResolvedAt is null : null;

    /// <summary>Polls until <paramref name="condition"/> holds, for at most 40 s (the caller asserts afterwards).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 400 && !await condition(); i++) await Task.Delay(100);
    }
}
