using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Application.Demo;

/// <summary>How one monthly window is to be written: its instants, the states around it and its deliberate gaps.</summary>
internal sealed record WindowWork(
    string WindowId,
    DateTimeOffset ScheduledAt,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset AnnouncedAt,
    FleetState Before,
    FleetState After,
    bool Missed,
    bool WithContingencyPlan,
    bool WithRetrospective);

/// <summary>
/// Writes one window: schedule (about 35 days ahead) and announcement, then in the window the control plane, each node
/// drained and seen back on the new versions, the add-ons, completion, and a retrospective two days later. Only steps up
/// to <c>end</c> are written, so windows after today stay scheduled.
/// </summary>
internal sealed class WindowSteps(ClusterSpec spec, NodeSet nodes, int seed, Random rng, DateTimeOffset start, DateTimeOffset end, List<DemoStep> sink)
{
    private string Ops => Actors.Operator(spec);

    public void Write(WindowWork work)
    {
        var upgrades = Upgrades.Between(spec, work.Before, work.After, seed);
        var planned = upgrades.Select(u => new PlannedChange(u.Component.Kind, u.Component.Product, u.PlannedTo, u.Kind)).ToList();
        var contingency = work.WithContingencyPlan
            ? $"Roll back per runbook RB-{spec.Pair}-07: restore etcd snapshot taken at window start, re-image nodes from the previous image; go/no-go at +2h"
            : null;
        Add(work.ScheduledAt, new ScheduleWindow(spec.Id, work.WindowId, work.StartsAt, work.EndsAt, contingency, planned, Ops, work.ScheduledAt));
        var kinds = upgrades.Select(u => u.Kind).Where(k => k is ChangeKind.Patch or ChangeKind.Minor or ChangeKind.Major).Distinct().Order().ToList();
        if (kinds.Count == 0) kinds.Add(ChangeKind.Patch);
        Add(work.AnnouncedAt, new AnnounceMaintenance(spec.Id, work.WindowId, $"{spec.Team} application teams", kinds, Ops, work.AnnouncedAt));
        if (work.Missed || work.StartsAt > end) return;

        var w = work.StartsAt;
        Add(w.AddMinutes(5), new StartMaintenance(spec.Id, work.WindowId, Ops, w.AddMinutes(5)));
        foreach (var u in upgrades.Where(u => u.Component.Kind == ComponentKind.ControlPlane))
        {
            Observe(w.AddMinutes(20), new ControlPlaneVersionObserved(spec.Id, u.To, Render.Platform, w.AddMinutes(20)));
            Add(w.AddMinutes(25), Record(work.WindowId, u, w.AddMinutes(25)));
        }

        var slot = TimeSpan.FromMinutes(Math.Min(10.0, 140.0 / nodes.Names.Count));
        var troubled = new List<string>();
        for (var i = 0; i < nodes.Names.Count; i++)
        {
            var node = nodes.Names[i];
            var at = w.AddMinutes(30) + (slot * i);
            var problems = Problems(i, w);
            if (problems.Count > 0) troubled.Add($"{node} ({string.Join(", ", problems)})");
            var duration = TimeSpan.FromSeconds(rng.Next(60, 300) + (problems.Contains(DrainProblem.GracePeriodExceeded) ? 600 : 0));
            Add(at + (slot * 0.5), new RecordNodeDrained(spec.Id, work.WindowId, node, duration, problems, Ops, at + (slot * 0.5)));
            nodes.Reboot(node);
            Observe(at + (slot * 0.8), nodes.Observe(node, work.After, at + (slot * 0.8)));
        }
        var nodeKinds = new[] { ComponentKind.Kubelet, ComponentKind.KubeProxy, ComponentKind.OsImage, ComponentKind.Kernel, ComponentKind.ContainerRuntime };
        var nodeUpgradesAt = w.AddMinutes(175);
        foreach (var u in upgrades.Where(u => nodeKinds.Contains(u.Component.Kind)))
        {
            Add(nodeUpgradesAt, Record(work.WindowId, u, nodeUpgradesAt));
            nodeUpgradesAt = nodeUpgradesAt.AddSeconds(20);
        }

        var addOnAt = w.AddMinutes(200);
        foreach (var u in upgrades.Where(u => u.Component.Kind == ComponentKind.AddOn))
        {
            var addOn = AddOns.Spec(u.Component.Product);
            Observe(addOnAt, new AddOnVersionObserved(spec.Id, addOn.Namespace, addOn.Workload, addOn.Container, u.To, addOn.Product, addOnAt));
            Add(addOnAt.AddMinutes(1), Record(work.WindowId, u, addOnAt.AddMinutes(1)));
            addOnAt = addOnAt.AddMinutes(2);
        }

        var problemsSeen = troubled.Count > 0;
        var outcome = problemsSeen && upgrades.Count > 0 ? WindowOutcome.PartiallySucceeded : WindowOutcome.Succeeded;
        var notes = problemsSeen
            ? $"Not all as planned: the drains of {string.Join("; ", troubled)} were blocked or slowed by open drain risks; those nodes were drained by hand and verified after the window's checks"
            : "All changes applied and verified";
        Add(w.AddMinutes(230), new CompleteMaintenance(spec.Id, work.WindowId, outcome, notes, Ops, w.AddMinutes(230)));
        if (!work.WithRetrospective) return;
        var retro = w.AddDays(2).AddHours(6);
        string[] findings = problemsSeen
            ? ["Drains were slowed or blocked by open drain-readiness risks", $"{upgrades.Count} components changed as planned otherwise"]
            : [$"{upgrades.Count} components changed as planned", "No drain problems"];
        string[] improvements = problemsSeen ? ["Resolve the open drain risks with the owning team before the next window"] : [];
        Add(retro, new RecordRetrospective(spec.Id, work.WindowId, findings, improvements, Ops, retro));
    }

    private List<DrainProblem> Problems(int nodeIndex, DateTimeOffset at)
    {
        var problems = DrainRisks.Of(spec.Id)
            .Where(r => r.Problem is not null && r.NodeIndex % nodes.Names.Count == nodeIndex && r.IsOpenAt(start, at))
            .Select(r => r.Problem!.Value)
            .ToList();
        if (rng.Next(100) < 3) problems.Add(DrainProblem.EvictionFailed);
        return problems;
    }

    private RecordComponentUpgrade Record(string windowId, Upgrade u, DateTimeOffset at) =>
        new(spec.Id, windowId, u.Component, u.From, u.To, Ops, at);

    private void Observe(DateTimeOffset at, ObservationEvent observation) => Add(at, new RecordObservation(observation, Actors.Watcher, at));

    private void Add(DateTimeOffset at, Command command)
    {
        if (at <= end) sink.Add(new DemoStep(at, command));
    }
}
