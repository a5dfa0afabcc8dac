using System.Globalization;
using Compliance.Application.Store;
using Grpc.Core;
using Xunit.Abstractions;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>
/// Leader failover on a real 3-node cluster (insecure). Destructive: the test stops the cluster's leader part-way
/// through (POST /admin/shutdown), leaving the cluster one node short, so it runs only when COMPLIANCE_ESDB_FAILOVER=1 is
/// set beside a COMPLIANCE_ESDB_CONNECTION naming the cluster (a follower, several hosts or esdb+discover://).
/// </summary>
public sealed class EventStoreDbFailoverTests(ITestOutputHelper output)
{
    [EsdbFailoverFact]
    public async Task appends_and_a_subscription_lose_and_double_nothing_when_the_leader_stops_mid_stream()
    {
        const int total = 1_300, stopAt = 400;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        var ledger = $"failover{Guid.NewGuid():N}-ledger";
        using var store = new EventStoreDbEventStore(EsdbLeg.Settings, ledger, TimeProvider.System);
        using var reader = new EventStoreDbEventStore(EsdbLeg.Settings, ledger, TimeProvider.System);
        var who = new EventMetadata("failover@example.test", Guid.NewGuid(), Guid.NewGuid());
        var events = Enumerable.Range(0, total).Select(i => new EventToAppend(Guid.NewGuid(), "V1.Failover", 1, $$"""{"n":{{i}}}""", who)).ToList();
        var delivered = new List<long>();
        var subscription = Task.Run(async () =>
        {
            await foreach (var e in reader.SubscribeToAllAsync(0, ct))
            {
                delivered.Add(e.Position);
                if (e.Position == total) break;
            }
        }, ct);

        var positions = new long[total];
        var (resent, longest) = (0, TimeSpan.Zero);
        for (var i = 0; i < total; i++)
        {
            if (i == stopAt)
            {
                output.WriteLine($"stopping the leader {store.Node} before append {i}");
                await StopAsync(store.Node, ct);
            }

            var started = DateTime.UtcNow;
            while (true)
            {
                try
                {
                    positions[i] = (await store.AppendAsync($"s-{i % 7}", ExpectedRevision.Any, [events[i]], ct)).Positions[0];
                    break;
                }
                catch (RpcException e)
                {
                    // The retries ran out during the election: the same event again, as a redelivered message would be.
                    resent++;
                    output.WriteLine($"append {i} failed ({e.StatusCode}); sending it again");
                }
            }

            if (DateTime.UtcNow - started > longest) longest = DateTime.UtcNow - started;
        }

        output.WriteLine($"now writing to {store.Node}; appends sent again: {resent}; longest append {longest.TotalMilliseconds:F0} ms");

        await subscription;
        positions.ShouldBe(Enumerable.Range(1, total).Select(p => (long)p));
        (await reader.ReadAllAsync(1, int.MaxValue, ct).ToListAsync(ct)).Select(e => e.EventId).ShouldBe(events.Select(e => e.EventId));
        var chain = await HashChainVerifier.VerifyAsync(reader, ct);
        chain.Intact.ShouldBeTrue(chain.FirstBreak?.Detail);
        chain.Verified.ShouldBe(total);
        delivered.ShouldBe(Enumerable.Range(1, total).Select(p => (long)p));
    }

    /// <summary>Stops the node the store writes to, which is the leader.</summary>
    private static async Task StopAsync(string node, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = EsdbLeg.Settings.AddressOf(Parse(node)) };
        using var response = await http.PostAsync(new Uri("/admin/shutdown", UriKind.Relative), null, ct);
        response.EnsureSuccessStatusCode();
    }

    private static EsdbEndPoint Parse(string node)
    {
        var colon = node.LastIndexOf(':');
        return new EsdbEndPoint(node[..colon], int.Parse(node[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}

/// <summary>Runs only with COMPLIANCE_ESDB_FAILOVER=1 and a connection: it stops a cluster node.</summary>
public sealed class EsdbFailoverFactAttribute : FactAttribute
{
    public EsdbFailoverFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EsdbLeg.Variable))) Skip = EsdbLeg.NotRun;
        else if (Environment.GetEnvironmentVariable("COMPLIANCE_ESDB_FAILOVER") != "1")
            Skip = "COMPLIANCE_ESDB_FAILOVER=1 not set: the leader failover test (which stops the cluster's leader) did not run";
    }
}
