using System.CommandLine;
using Compliance.Application.UseCases.Requests;
using static Compliance.Host.Cli.Api.ApiVerb;

namespace Compliance.Host.Cli.Api;

/// <summary><c>compliance cluster register|policy|emergency-patch</c> and <c>compliance window ...</c>: the API's commands from the command line.</summary>
internal static class MaintenanceCommands
{
    public static IEnumerable<Command> Create(TextWriter output)
    {
        yield return QueryCommands.WithTarget(Cluster(output));
        yield return QueryCommands.WithTarget(Window(output));
    }

    private static Command Cluster(TextWriter output)
    {
        var id = Required("--id", "Cluster id (a DNS label)");
        var name = Required("--name", "Display name");
        var environment = Required("--environment", "staging or production");
        var owner = Required("--owner", "Owner team");
        var flavour = Required("--flavour", "upstream, eks, gke, aks, openShift, k3s or rke2");
        var staging = Optional("--staging", "The staging cluster a production cluster is tested on");
        var register = Post<RegisterClusterRequest>("register", "Register a cluster", output, _ => "/api/v1/clusters", p => new Dictionary<string, object?>
        {
            ["clusterId"] = p.GetValue(id), ["displayName"] = p.GetValue(name), ["environment"] = p.GetValue(environment),
            ["ownerTeam"] = p.GetValue(owner), ["flavour"] = p.GetValue(flavour), ["stagingClusterId"] = p.GetValue(staging),
        }, (s, _, r, call, ct) => s.RegisterClusterAsync(r, call, ct), id, name, environment, owner, flavour, staging);

        var cluster = Required("--cluster", "The cluster id");
        var cron = Required("--cron", "Window schedule, five-field cron (e.g. \"0 2 * * 2#1\")");
        var hours = new Option<double>("--window-hours") { Description = "Window length in hours", DefaultValueFactory = _ => 4 }.Finite();
        var zone = new Option<string>("--time-zone") { Description = "IANA time zone of the schedule", DefaultValueFactory = _ => "Etc/UTC" };
        var critical = new Option<double>("--critical-sla-hours") { Description = "Critical patches within", DefaultValueFactory = _ => 72 }.Finite();
        var other = new Option<double>("--other-sla-days") { Description = "Other patches within", DefaultValueFactory = _ => 35 }.Finite();
        var notice = new Option<int>("--notice-days") { Description = "Notice before a major change", DefaultValueFactory = _ => 30 };
        var soak = new Option<int>("--soak-days") { Description = "Days in staging before production", DefaultValueFactory = _ => 7 };
        var high = new Option<int>("--eol-high-days") { Description = "High risk this many days before EOL", DefaultValueFactory = _ => 30 };
        var medium = new Option<int>("--eol-medium-days") { Description = "Medium risk this many days before EOL", DefaultValueFactory = _ => 90 };
        var policy = Post<SetPolicyRequest>("policy", "Set the cluster's maintenance policy (admin)", output, p => $"/api/v1/clusters/{Segment(p.GetValue(cluster)!)}/policy",
            p => new Dictionary<string, object?>
            {
                ["windowCron"] = p.GetValue(cron), ["windowHours"] = p.GetValue(hours), ["timeZone"] = p.GetValue(zone),
                ["criticalSlaHours"] = p.GetValue(critical), ["otherSlaDays"] = p.GetValue(other), ["noticeDays"] = p.GetValue(notice),
                ["stagingSoakDays"] = p.GetValue(soak), ["eolHighDays"] = p.GetValue(high), ["eolMediumDays"] = p.GetValue(medium),
            }, (s, p, r, call, ct) => s.SetPolicyAsync(p.GetValue(cluster)!, r, call, ct), cluster, cron, hours, zone, critical, other, notice, soak, high, medium);

        var emergency = Required("--id", "Emergency id");
        var cves = new Option<string[]>("--cve") { Description = "A CVE the patch fixes (repeat)", Required = true, AllowMultipleArgumentsPerToken = true };
        var products = new Option<string[]>("--product") { Description = "A product the patch changed (repeat)", Required = true, AllowMultipleArgumentsPerToken = true };
        var started = Required("--started", "When the patch started (ISO 8601)");
        var ended = Required("--ended", "When the patch ended (ISO 8601)");
        var patch = Post<EmergencyPatchRequest>("emergency-patch", "Record an out-of-band patch for CVEs", output,
            p => $"/api/v1/clusters/{Segment(p.GetValue(cluster)!)}/emergency-patches", p => new Dictionary<string, object?>
            {
                ["emergencyId"] = p.GetValue(emergency), ["cveIds"] = p.GetValue(cves), ["products"] = p.GetValue(products),
                ["startedAt"] = p.GetValue(started), ["endedAt"] = p.GetValue(ended),
            }, (s, p, r, call, ct) => s.RecordEmergencyPatchAsync(p.GetValue(cluster)!, r, call, ct), cluster, emergency, cves, products, started, ended);
        return new Command("cluster", "Record cluster facts: registration, policy, emergency patches") { register, policy, patch };
    }

    private static Command Window(TextWriter output)
    {
        var cluster = Required("--cluster", "The cluster id");
        var window = Required("--window", "The window id");
        string At(ParseResult p, string action = "") => $"/api/v1/clusters/{Segment(p.GetValue(cluster)!)}/windows" + (action.Length == 0 ? "" : $"/{Segment(p.GetValue(window)!)}/{action}");

        var starts = Required("--starts", "Start (ISO 8601, e.g. 2026-12-01T02:00Z)");
        var ends = Required("--ends", "End (ISO 8601)");
        var contingency = Optional("--contingency", "The contingency plan");
        var changes = new Option<string[]>("--change") { Description = "A planned change kind:product:version:patch|minor|major (repeat)", AllowMultipleArgumentsPerToken = true };
        var schedule = Post<ScheduleWindowRequest>("schedule", "Schedule a maintenance window", output, p => At(p), p => new Dictionary<string, object?>
        {
            ["windowId"] = p.GetValue(window), ["startsAt"] = p.GetValue(starts), ["endsAt"] = p.GetValue(ends), ["contingencyPlan"] = p.GetValue(contingency),
            ["plannedChanges"] = (p.GetValue(changes) ?? []).Select(Change).ToList(),
        }, (s, p, r, call, ct) => s.ScheduleWindowAsync(p.GetValue(cluster)!, r, call, ct), cluster, window, starts, ends, contingency, changes);

        var audience = Required("--audience", "Who was told");
        var kinds = new Option<string[]>("--kind") { Description = "Kinds of change announced: patch, minor, major (repeat)", Required = true, AllowMultipleArgumentsPerToken = true };
        var announce = Post<AnnounceRequest>("announce", "Announce the window's changes", output, p => At(p, "announce"),
            p => new Dictionary<string, object?> { ["audience"] = p.GetValue(audience), ["changeKinds"] = p.GetValue(kinds) },
            (s, p, r, call, ct) => s.AnnounceAsync(p.GetValue(cluster)!, p.GetValue(window)!, r, call, ct), cluster, window, audience, kinds);

        var start = Post<StartRequest>("start", "Start the window", output, p => At(p, "start"), _ => new Dictionary<string, object?>(),
            (s, p, r, call, ct) => s.StartAsync(p.GetValue(cluster)!, p.GetValue(window)!, r, call, ct), cluster, window);

        var kind = Required("--component", "Component kind: controlPlane, kubelet, kubeProxy, osImage, kernel, containerRuntime, addOn");
        var product = Required("--product", "Catalog product");
        var node = Optional("--node", "The node (empty: all nodes)");
        var from = Required("--from", "Version before");
        var to = Required("--to", "Version after");
        var upgrade = Post<UpgradeRequest>("upgrade", "Record a component upgrade in the started window", output, p => At(p, "upgrades"), p => new Dictionary<string, object?>
        {
            ["kind"] = p.GetValue(kind), ["product"] = p.GetValue(product), ["node"] = p.GetValue(node), ["fromVersion"] = p.GetValue(from), ["toVersion"] = p.GetValue(to),
        }, (s, p, r, call, ct) => s.RecordUpgradeAsync(p.GetValue(cluster)!, p.GetValue(window)!, r, call, ct), cluster, window, kind, product, node, from, to);

        var drained = Required("--node", "The drained node");
        var seconds = new Option<double>("--seconds") { Description = "How long the drain took", Required = true }.Finite();
        var problems = new Option<string[]>("--problem") { Description = "pdbBlocked, gracePeriodExceeded, evictionFailed, insufficientCapacity, singleReplicaDowntime (repeat)", AllowMultipleArgumentsPerToken = true };
        var drain = Post<DrainRequest>("drain", "Record a node drain in the started window", output, p => At(p, "drains"), p => new Dictionary<string, object?>
        {
            ["node"] = p.GetValue(drained), ["durationSeconds"] = p.GetValue(seconds), ["problems"] = p.GetValue(problems) ?? [],
        }, (s, p, r, call, ct) => s.RecordDrainAsync(p.GetValue(cluster)!, p.GetValue(window)!, r, call, ct), cluster, window, drained, seconds, problems);

        var outcome = Required("--outcome", "succeeded, partiallySucceeded or failed");
        var notes = Optional("--notes", "Notes");
        var complete = Post<CompleteRequest>("complete", "Complete the window", output, p => At(p, "complete"),
            p => new Dictionary<string, object?> { ["outcome"] = p.GetValue(outcome), ["notes"] = p.GetValue(notes) },
            (s, p, r, call, ct) => s.CompleteAsync(p.GetValue(cluster)!, p.GetValue(window)!, r, call, ct), cluster, window, outcome, notes);

        var reason = Required("--reason", "Why the window was aborted");
        var used = new Option<bool>("--contingency-used") { Description = "The contingency plan was used" };
        var abort = Post<AbortRequest>("abort", "Abort the window", output, p => At(p, "abort"),
            p => new Dictionary<string, object?> { ["reason"] = p.GetValue(reason), ["contingencyUsed"] = p.GetValue(used) },
            (s, p, r, call, ct) => s.AbortAsync(p.GetValue(cluster)!, p.GetValue(window)!, r, call, ct), cluster, window, reason, used);

        var findings = new Option<string[]>("--finding") { Description = "What was learned (repeat)", Required = true, AllowMultipleArgumentsPerToken = true };
        var improvements = new Option<string[]>("--improvement") { Description = "What will change (repeat)", AllowMultipleArgumentsPerToken = true };
        var retrospective = Post<RetrospectiveRequest>("retrospective", "Record the window's retrospective", output, p => At(p, "retrospective"),
            p => new Dictionary<string, object?> { ["findings"] = p.GetValue(findings), ["improvements"] = p.GetValue(improvements) ?? [] },
            (s, p, r, call, ct) => s.RecordRetrospectiveAsync(p.GetValue(cluster)!, p.GetValue(window)!, r, call, ct), cluster, window, findings, improvements);

        return new Command("window", "Record maintenance windows") { schedule, announce, start, upgrade, drain, complete, abort, retrospective };
    }

    private static Dictionary<string, string?> Change(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length != 4) throw new UserError($"--change: '{spec}' is not kind:product:version:changeKind (e.g. controlPlane:kubernetes:1.33.2:patch)");
        return new() { ["kind"] = parts[0], ["product"] = parts[1], ["toVersion"] = parts[2], ["changeKind"] = parts[3] };
    }
}
