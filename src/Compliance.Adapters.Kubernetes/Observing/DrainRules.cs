using System.Globalization;
using Compliance.Adapters.Kubernetes.Model;

namespace Compliance.Adapters.Kubernetes.Observing;

/// <summary>A drain-readiness risk as the watcher finds it; <see cref="RiskId"/> is stable for the same kind and subject.</summary>
internal sealed record DrainRisk(string RiskId, string Kind, string Subject, string Detail, int? GracePeriodSeconds);

/// <summary>
/// Drain readiness as DOMAIN.md "Drain readiness" defines it (the go-live checklist), from the cluster's Deployments,
/// StatefulSets, their pods per node, PodDisruptionBudgets and node allocatable.
/// </summary>
internal static class DrainRules
{
    /// <summary>Kubernetes' default terminationGracePeriodSeconds; a longer one slows every drain.</summary>
    public const int DefaultGracePeriodSeconds = 30;

    public static IReadOnlyList<DrainRisk> Evaluate(DrainInputs inputs)
    {
        var risks = new List<DrainRisk>();
        var podsByWorkload = inputs.Pods
            .Where(p => p.NodeName.Length > 0)
            .GroupBy(p => (p.WorkloadKind!, p.Namespace, p.Workload))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var w in inputs.Workloads.OrderBy(w => w.Namespace, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Kind))
        {
            var subject = $"{w.Namespace}/{w.Name}";
            var what = $"{w.Kind} {subject}";
            if (w.Replicas == 1)
                risks.Add(new($"single-replica/{subject}", "SingleReplica", subject, $"{what} runs 1 replica: draining its node stops it", null));
            if (w.Replicas >= 2)
            {
                var running = podsByWorkload.GetValueOrDefault((w.Kind, w.Namespace, w.Name)) ?? [];
                if (running.Count >= 2 && running.Select(p => p.NodeName).Distinct(StringComparer.Ordinal).Count() == 1)
                    risks.Add(new($"one-node/{subject}", "ReplicasOnOneNode", subject,
                        $"All {running.Count} replicas of {what} run on one node ({running[0].NodeName})", null));
                if (!w.HasSpreadOrAntiAffinity)
                    risks.Add(new($"spread/{subject}", "NoSpreadOrAntiAffinity", subject,
                        $"{what} ({w.Replicas} replicas) has no topology spread constraint or pod anti-affinity", null));
            }

            if (w.Replicas > 0 && w.GracePeriodSeconds is { } grace && grace > DefaultGracePeriodSeconds)
            {
                var seconds = (int)Math.Min(grace, int.MaxValue);
                risks.Add(new($"grace/{subject}", "LongGracePeriod", subject, $"{what} has terminationGracePeriodSeconds {seconds}", seconds));
            }
        }

        foreach (var pdb in inputs.Pdbs.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            if (BlocksDrain(pdb) is { } why)
                risks.Add(new($"pdb/{pdb.Namespace}/{pdb.Name}", "PdbAllowsNoDisruption", $"{pdb.Namespace}/{pdb.Name}",
                    $"PodDisruptionBudget {pdb.Namespace}/{pdb.Name} ({why}) allows 0 disruptions", null));
        }

        if (SpareCapacity(inputs.Nodes) is { } capacity) risks.Add(capacity);
        return risks;
    }

    /// <summary>
    /// Why the budget allows no eviction even with every pod healthy, or null: maxUnavailable 0, minAvailable equal to
    /// the expected pods (or 100%), or the controller reporting 0 disruptions allowed while all expected pods are healthy
    /// (zero allowed because pods are down is an outage, not a drain-readiness risk).
    /// </summary>
    private static string? BlocksDrain(PdbSnapshot pdb)
    {
        if (pdb.MaxUnavailable is "0" or "0%") return "maxUnavailable 0";
        if (pdb.MinAvailable is "100%") return "minAvailable 100%";
        if (pdb.ExpectedPods > 0 && int.TryParse(pdb.MinAvailable, NumberStyles.Integer, CultureInfo.InvariantCulture, out var min) && min >= pdb.ExpectedPods)
            return $"minAvailable {min} of {pdb.ExpectedPods} replicas";
        if (pdb.ExpectedPods > 0 && pdb.DisruptionsAllowed == 0 && pdb.CurrentHealthy >= pdb.ExpectedPods)
            return $"status: 0 disruptions allowed with {pdb.CurrentHealthy} of {pdb.ExpectedPods} pods healthy";
        return null;
    }

    /// <summary>The other schedulable nodes together offer less allocatable cpu or memory than the largest node holds.</summary>
    private static DrainRisk? SpareCapacity(IReadOnlyList<NodeSnapshot> nodes)
    {
        if (nodes.Count == 0) return null;
        foreach (var (resource, size) in new (string, Func<NodeSnapshot, decimal?>)[] { ("cpu", n => n.Cpu), ("memory", n => n.Memory) })
        {
            if (nodes.Any(n => size(n) is null)) continue;
            var largest = nodes.OrderByDescending(n => size(n)).ThenBy(n => n.Name, StringComparer.Ordinal).First();
            var room = nodes.Where(n => n != largest && !n.Unschedulable).Sum(n => size(n)!.Value);
            if (room >= size(largest)!.Value) continue;
            return new DrainRisk("capacity/cluster", "InsufficientSpareCapacity", "cluster",
                $"{resource}: the other schedulable nodes offer at most {Format(room)} while node {largest.Name} has {largest.Allocatable[resource]} allocatable", null);
        }

        return null;
    }

    private static string Format(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
