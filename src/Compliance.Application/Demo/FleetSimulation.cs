using System.Globalization;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;

namespace Compliance.Application.Demo;

/// <summary>
/// Runs the fleet through its 18 months: each staging cluster by <see cref="ComponentRules"/>, then its production
/// cluster, which takes in each window what staging had run for at least 7 days (never beyond its control-plane cap),
/// plus the incidents. Writes the steps and keeps each cluster's timeline.
/// </summary>
internal sealed class FleetSimulation(CatalogLookup lookup, ScenarioPlan plan, IReadOnlyList<ClusterSpec> fleet, int seed, Incidents incidents)
{
    private readonly List<DemoStep> steps = [];
    private readonly Dictionary<string, ClusterTimeline> timelines = new(StringComparer.Ordinal);
    private readonly ComponentRules rules = new(lookup, plan);
    private (DateTimeOffset WindowStart, string Cycle)? postponed;
    private bool shortNoticeUsed;

    public IReadOnlyList<DemoStep> Steps => steps;

    public IReadOnlyDictionary<string, ClusterTimeline> Timelines => timelines;

    public FleetSimulation Run()
    {
        for (var i = 0; i < fleet.Count; i++) RunCluster(fleet[i], i);
        return this;
    }

    public static MaintenancePolicy PolicyFor(ClusterSpec spec) => MaintenancePolicy.Default with
    {
        Schedule = new WindowSchedule(spec.Cron, TimeSpan.FromHours(4), spec.TimeZone),
    };

    private void RunCluster(ClusterSpec spec, int index)
    {
        var rng = new Random(StableSeed(spec.Id));
        var nodes = new NodeSet(spec, seed);
        var timeline = new ClusterTimeline(spec);
        timelines[spec.Id] = timeline;
        var ops = Actors.Operator(spec);
        var registeredAt = plan.Start.AddHours(8).AddMinutes(10 * index);
        var policy = PolicyFor(spec);
        steps.Add(new DemoStep(registeredAt, new RegisterCluster(
            spec.Id, spec.DisplayName, spec.Environment, spec.Team, spec.Flavour, spec.StagingId, ops, registeredAt)));
        steps.Add(new DemoStep(registeredAt.AddMinutes(2), new SetMaintenancePolicy(spec.Id, policy, ops, registeredAt.AddMinutes(2))));

        var state = spec.IsStaging ? rules.Initial(spec, registeredAt) : timelines[spec.StagingId!].At(registeredAt);
        timeline.Record(registeredAt, state);
        WriteInitialObservations(spec, nodes, state, registeredAt.AddMinutes(30));
        steps.AddRange(DrainRisks.Steps(spec.Id, plan.Start, plan.End));

        var pending = PendingIncidents(spec);
        var writer = new WindowSteps(spec, nodes, seed, rng, plan.Start, plan.End, steps);
        TimeZones.TryFind(spec.TimeZone, out var zone);
        var cron = Cron(spec.Cron);
        var starts = cron.Occurrences(registeredAt.AddDays(1), plan.End.AddDays(36), zone!);
        var lastMinor = registeredAt.AddDays(-365);
        for (var k = 0; k < starts.Count; k++)
        {
            var ws = starts[k];
            var scheduledAt = Later(ws.AddDays(-35).AddHours(10), registeredAt.AddMinutes(10));
            if (scheduledAt > plan.End) break;
            state = ApplyIncidents(spec, nodes, state, pending, ws);
            var shortNotice = false;
            FleetState target;
            if (spec.IsStaging)
            {
                var cycle = rules.PlanControlCycle(spec, state.ControlCycle, scheduledAt, ws, lastMinor);
                if (cycle != state.ControlCycle && spec.Id == "payments-staging" && postponed is null && ws > plan.PostponeMinorAfter)
                {
                    postponed = (ws, cycle);
                    cycle = state.ControlCycle;
                }
                else if (cycle != state.ControlCycle && spec.Id == "shop-staging" && !shortNoticeUsed)
                {
                    shortNoticeUsed = shortNotice = true;
                }
                target = rules.Target(spec, state, cycle, ws, ws, newCycles: ws - scheduledAt >= TimeSpan.FromDays(31));
            }
            else
            {
                target = Follow(spec, state, timelines[spec.StagingId!].At(ws.AddDays(-7).AddHours(1)));
                if (spec.Id == "payments-prod" && postponed is { } p && ws > p.WindowStart && ws - p.WindowStart <= TimeSpan.FromDays(10)
                    && rules.Patch(Render.PatchProduct(spec.Flavour), p.Cycle, ws) is { } skipped)
                {
                    target = target with { ControlPlane = skipped, ControlCycle = p.Cycle };
                }
            }
            var missed = spec.Id == "data-prod" && k == ScenarioPlan.MissedWindowIndex;
            var local = TimeZoneInfo.ConvertTime(ws, zone!);
            writer.Write(new WindowWork(
                $"mw-{local.ToString("yyyy-MM", CultureInfo.InvariantCulture)}",
                scheduledAt,
                ws,
                ws + policy.Schedule.Duration,
                shortNotice ? ws.AddDays(-12) : scheduledAt.AddMinutes(10),
                state,
                target,
                missed,
                WithContingencyPlan: !(spec.Id == "data-staging" && k == ScenarioPlan.NoContingencyIndex),
                WithRetrospective: !(spec.Id == "web-staging" && k == ScenarioPlan.NoRetrospectiveIndex)));
            timeline.RecordWindow(ws, ws + policy.Schedule.Duration);
            if (missed || ws > plan.End) continue;
            if (target.ControlCycle != state.ControlCycle) lastMinor = ws;
            state = target;
            timeline.Record(ws.AddMinutes(230), state);
        }
        ApplyIncidents(spec, nodes, state, pending, plan.End);
    }

    /// <summary>Production takes each version staging ran (never older than its own, never beyond its control-plane cap).</summary>
    private FleetState Follow(ClusterSpec spec, FleetState prod, FleetState staging)
    {
        var cap = plan.ControlPlaneCap(spec);
        var allowed = cap is null || CatalogLookup.KeyOf(staging.ControlCycle) <= CatalogLookup.KeyOf(cap);
        var cp = allowed ? ComponentRules.Newer(prod.ControlPlane, staging.ControlPlane) : prod.ControlPlane;
        var cycle = cp == prod.ControlPlane ? prod.ControlCycle : staging.ControlCycle;
        var addOns = prod.AddOns.SetItems(staging.AddOns.Select(a =>
            KeyValuePair.Create(a.Key, ComponentRules.Newer(prod.AddOns.GetValueOrDefault(a.Key, a.Value), a.Value))));
        return prod with
        {
            ControlPlane = cp,
            ControlCycle = cycle,
            Os = ComponentRules.Newer(prod.Os, staging.Os),
            Kernel = ComponentRules.Newer(prod.Kernel, staging.Kernel),
            Runtime = ComponentRules.Newer(prod.Runtime, staging.Runtime),
            AddOns = addOns,
        };
    }

    private void WriteInitialObservations(ClusterSpec spec, NodeSet nodes, FleetState state, DateTimeOffset at)
    {
        steps.Add(Observe(at, new ControlPlaneVersionObserved(spec.Id, Render.GitVersion(spec, state.ControlPlane, seed), Render.Platform, at)));
        var next = at;
        foreach (var node in nodes.Names)
        {
            next = next.AddSeconds(5);
            steps.Add(Observe(next, nodes.Observe(node, state, next)));
        }
        foreach (var addOn in AddOns.For(spec))
        {
            next = next.AddSeconds(5);
            steps.Add(Observe(next, new AddOnVersionObserved(
                spec.Id, addOn.Namespace, addOn.Workload, addOn.Container, addOn.Image(state.AddOns[addOn.Product]), addOn.Product, next)));
        }
    }

    private List<(DateTimeOffset At, Func<FleetState, NodeSet, FleetState> Apply)> PendingIncidents(ClusterSpec spec)
    {
        var pending = new List<(DateTimeOffset At, Func<FleetState, NodeSet, FleetState> Apply)>();
        if (incidents.Critical is { } critical && critical.DelayByCluster.TryGetValue(spec.Id, out var delay))
        {
            pending.Add((critical.ClockFrom + delay - TimeSpan.FromHours(1), (s, nodes) => Incidents.Exposed(s, critical.Patch)
                ? OutOfBandSteps.Emergency(spec, nodes, s, critical, seed, plan.End, steps)
                : s));
        }
        if (incidents.Unrecorded is { } change && change.ClusterId == spec.Id)
        {
            pending.Add((change.At, (s, _) => OutOfBandSteps.Unrecorded(s, change, plan.End, steps)));
        }
        return [.. pending.OrderBy(p => p.At)];
    }

    private FleetState ApplyIncidents(ClusterSpec spec, NodeSet nodes, FleetState state,
        List<(DateTimeOffset At, Func<FleetState, NodeSet, FleetState> Apply)> pending, DateTimeOffset before)
    {
        while (pending.Count > 0 && pending[0].At < before && pending[0].At <= plan.End)
        {
            var (at, apply) = pending[0];
            pending.RemoveAt(0);
            var changed = apply(state, nodes);
            if (!ReferenceEquals(changed, state)) timelines[spec.Id].Record(at.AddHours(2), changed);
            state = changed;
        }
        return state;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DemoStep Observe(DateTimeOffset at, ObservationEvent observation) =>
        new(at, new RecordObservation(observation, Actors.Watcher, at));

    private static CronExpression Cron(string text) =>
        CronExpression.TryParse(text, out var cron, out var error) ? cron : throw new InvalidOperationException(error);

    /// <summary>A per-cluster seed that does not depend on the process (string.GetHashCode does).</summary>
    private int StableSeed(string clusterId) =>
        int.Parse(Render.Hash7(seed, "rng", clusterId), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
