using System.Globalization;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Benchmarks.Store;

/// <summary>A mix of what the ledger mostly holds: node observations (the largest), upgrades and drain risks.</summary>
internal static class StoreBenchEvents
{
    public static List<DomainEvent> Create(int count)
    {
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var events = new List<DomainEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var cluster = string.Create(CultureInfo.InvariantCulture, $"c{i % 50}");
            var node = string.Create(CultureInfo.InvariantCulture, $"node-{i % 300}");
            var when = at.AddSeconds(i);
            events.Add((i % 3) switch
            {
                0 => new NodeObserved(cluster, node,
                    new NodeInfo("v1.31.4", "v1.31.4", "Bottlerocket OS 1.20.3 (aws-k8s-1.31)", "6.1.102", "containerd://1.7.20+bottlerocket",
                        "amd64", "linux", "ec2a1b2c3d4e5f60718293a4b5c6d7e8", "ec2a1b2c-3d4e-5f60-7182-93a4b5c6d7e8", "5f0c8f8e-3b1a-4c1e-9d2f-1a2b3c4d5e6f"),
                    new Dictionary<string, string>
                    {
                        ["topology.kubernetes.io/zone"] = "eu-west-1a",
                        ["node.kubernetes.io/instance-type"] = "m6i.xlarge",
                        ["eks.amazonaws.com/nodegroup"] = "general",
                    },
                    new Dictionary<string, string> { ["cpu"] = "3920m", ["memory"] = "15155304Ki", ["pods"] = "58" },
                    false,
                    new Dictionary<string, string> { ["node.alpha.kubernetes.io/ttl"] = "0" },
                    when),
                1 => new ComponentUpgraded(cluster, "w1", new ComponentRef(ComponentKind.Kubelet, "kubernetes", node), "1.31.3", "1.31.4",
                    ChangeKind.Patch, when),
                _ => new DrainRiskFound(cluster, string.Create(CultureInfo.InvariantCulture, $"risk-{i}"), DrainRiskKind.SingleReplica,
                    "payments/api", "1 replica; a drain takes the service down", null, when),
            });
        }

        return events;
    }
}
