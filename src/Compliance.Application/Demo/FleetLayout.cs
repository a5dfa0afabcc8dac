using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.Demo;

/// <summary>The operating system image family of a cluster's nodes.</summary>
internal enum NodeOs
{
    Ubuntu,
    Bottlerocket,
    Cos,
}

/// <summary>One simulated cluster: who owns it, how it is delivered, its nodes and its window schedule.</summary>
internal sealed record ClusterSpec(
    string Id,
    string Pair,
    string DisplayName,
    Environment Environment,
    string Team,
    Flavour Flavour,
    string? StagingId,
    int NodeCount,
    NodeOs Os,
    string Cron,
    string Region,
    bool HasCilium)
{
    /// <summary>Windows are scheduled in UTC (see <see cref="FleetLayout"/>).</summary>
    public string TimeZone => "Etc/UTC";

    public bool IsStaging => Environment == Environment.Staging;

    /// <summary>Kubernetes-delivered clusters whose control plane follows upstream Kubernetes patch numbers.</summary>
    public bool FollowsUpstreamPatches => Flavour is Flavour.Upstream or Flavour.Eks;
}

/// <summary>
/// The fleet: five staging/production pairs. Staging windows run on the 1st of each month at 00:00 and production
/// windows on the 8th at 03:00 (both 4 hours, UTC). Fixed days rather than "second Tuesday" because Nth-weekday
/// windows are 35 days apart five times a year, more than the 31-day cadence; UTC because a local schedule in a zone
/// with daylight saving makes the October-to-November gap 31 days and one hour. Every production change comes 7 days
/// and 3 hours after the same change on staging, so the staging soak of 7 days holds by construction except where a
/// scenario breaks it.
/// </summary>
internal static class FleetLayout
{
    public const string StagingCron = "0 0 1 * *";
    public const string ProductionCron = "0 3 8 * *";

    public static IReadOnlyList<ClusterSpec> Build(Random rng)
    {
        var clusters = new List<ClusterSpec>();
        Pair(clusters, rng, "web", "Web storefront", "team-web", Flavour.Upstream, NodeOs.Ubuntu, "fra1", hasCilium: true, prodNodes: (8, 14));
        Pair(clusters, rng, "payments", "Payments", "team-payments", Flavour.Upstream, NodeOs.Ubuntu, "fra1", hasCilium: true, prodNodes: (6, 10));
        Pair(clusters, rng, "shop", "Shop", "team-shop", Flavour.Eks, NodeOs.Bottlerocket, "eu-central-1", hasCilium: true, prodNodes: (10, 24));
        Pair(clusters, rng, "data", "Data platform", "team-data", Flavour.Gke, NodeOs.Cos, "europe-west3", hasCilium: false, prodNodes: (12, 20));
        Pair(clusters, rng, "billing", "Billing", "team-billing", Flavour.Upstream, NodeOs.Ubuntu, "ams3", hasCilium: true, prodNodes: (5, 8));
        return clusters;
    }

    private static void Pair(
        List<ClusterSpec> clusters, Random rng, string pair, string name, string team, Flavour flavour, NodeOs os, string region,
        bool hasCilium, (int Min, int Max) prodNodes)
    {
        var staging = $"{pair}-staging";
        clusters.Add(new ClusterSpec(staging, pair, $"{name} (staging)", Environment.Staging, team, flavour, null,
            rng.Next(3, 6), os, StagingCron, region, hasCilium));
        clusters.Add(new ClusterSpec($"{pair}-prod", pair, $"{name} (production)", Environment.Production, team, flavour, staging,
            rng.Next(prodNodes.Min, prodNodes.Max + 1), os, ProductionCron, region, hasCilium));
    }
}
