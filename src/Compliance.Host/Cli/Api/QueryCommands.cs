using System.CommandLine;
using Compliance.Application.ReadModels;
using Compliance.Application.UseCases.Requests;
using static Compliance.Host.Cli.Api.ApiVerb;

namespace Compliance.Host.Cli.Api;

/// <summary><c>compliance clusters list|show</c>, <c>findings</c>, <c>patch-latency</c>, <c>history</c>: the API's queries from the command line.</summary>
internal static class QueryCommands
{
    public static IEnumerable<Command> Create(TextWriter output)
    {
        var id = new Argument<string>("cluster-id") { Description = "The cluster id" };
        var list = Get<IReadOnlyList<ClusterRow>>("list", "Every registered cluster", output, _ => "/api/v1/clusters",
            async (q, _, ct) => new(await q.ClustersAsync(ct), null),
            (a, f, s) => ApiOutput.Render(a, f, s, null, "clusterId", "environment", "flavour", "ownerTeam", "stagingClusterId", "registeredAt"));
        var show = Get("show", "One cluster and its stream revisions", output, p => $"/api/v1/clusters/{Segment(p.GetValue(id)!)}",
            (q, p, ct) => q.ClusterAsync(p.GetValue(id)!, ct),
            ApiOutput.Fields, id);
        yield return WithTarget(new Command("clusters", "Registered clusters (local data directory, or --server)") { list, show });

        var asOf = Options.AsOf();
        yield return WithTarget(Findings(output, asOf));

        var cluster = Required("--cluster", "The cluster id");

        var from = Options.Day("--from", "First release day, YYYY-MM-DD (default: a year before --to)");
        var to = Options.Day("--to", "Last release day, YYYY-MM-DD (default: today)");
        yield return WithTarget(Get("patch-latency", "Patches released in a period and how fast the cluster applied them", output,
            p => Query($"/api/v1/clusters/{Segment(p.GetValue(cluster)!)}/patch-latency", ("from", p.GetValue(from)), ("to", p.GetValue(to))),
            (q, p, ct) => q.PatchLatencyAsync(p.GetValue(cluster)!, new PatchLatencyQuery(p.GetValue(from), p.GetValue(to)), ct),
            (a, f, s) => ApiOutput.Render(a, f, s, "patches", "kinds", "product", "patch", "releasedAt", "dayOnly", "clockFrom", "critical", "dueAt", "appliedAt",
                "latency", "status"),
            cluster, from, to));

        var page = Optional("--page", "Page number, from 1");
        var size = Optional("--page-size", "Entries per page, 1-500 (default 50)");
        yield return WithTarget(Get("history", "A cluster's audit log, oldest first, paged", output,
            p => Query($"/api/v1/clusters/{Segment(p.GetValue(cluster)!)}/history", ("page", p.GetValue(page)), ("pageSize", p.GetValue(size))),
            (q, p, ct) => q.HistoryAsync(p.GetValue(cluster)!, new HistoryQuery(p.GetValue(page), p.GetValue(size)), ct),
            (a, f, s) => ApiOutput.Render(a, f, s, "entries", "position", "recordedAt", "actor", "text"), cluster, page, size));
    }

    /// <summary>
    /// <c>compliance findings</c>: one cluster's findings (--cluster), or the fleet's (filtered by --environment and
    /// --state), with owner, state, due date, overdue date, age and the exception that accepts each.
    /// </summary>
    private static Command Findings(TextWriter output, Option<string?> asOf)
    {
        var cluster = Optional("--cluster", "The cluster id (default: every cluster)");
        var environment = Optional("--environment", "Only this environment, staging or production (fleet only)");
        var state = Optional("--state", "Only findings in this state: open, overdue, accepted or resolved (fleet only)");
        return Get("findings", "Findings with owner, due date, age and acceptance: one cluster's (--cluster), or the fleet's", output,
            p => p.GetValue(cluster) is { } id
                ? Query($"/api/v1/clusters/{Segment(id)}/findings", ("asOf", p.GetValue(asOf)))
                : Query("/api/v1/fleet/findings", ("asOf", p.GetValue(asOf)), ("environment", p.GetValue(environment)), ("state", p.GetValue(state))),
            async (q, p, ct) => p.GetValue(cluster) is { } id
                ? Boxed(await q.FindingsAsync(id, new AsOfQuery(p.GetValue(asOf)), ct))
                : Boxed(await q.FleetFindingsAsync(new FleetFindingsQuery(p.GetValue(environment), p.GetValue(state), p.GetValue(asOf)), ct)),
            (a, f, s) => ApiOutput.Render(a, f, s, "findings", "clusterId", "kind", "subject", "owner", "state", "detectedAt", "dueAt", "overdueSince", "age",
                "accepted.exceptionId", "accepted.until", "resolvedAt", "detail"),
            cluster, environment, state, asOf);
    }

    /// <summary>Adds --server and --api-key (recursive) to a top-level API command.</summary>
    public static Command WithTarget(Command command)
    {
        foreach (var option in ApiTarget.Options()) command.Options.Add(option);
        return command;
    }
}
