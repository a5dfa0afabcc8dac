using Compliance.Application.Store;
using Compliance.Domain.Deciders;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Witnessed = Compliance.Contracts.Integration.LedgerCheckpointed;

namespace Compliance.Api.Tests;

/// <summary>Serve with its checkpoint signer on, every 3 events.</summary>
public sealed class CheckpointingApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Compliance:Checkpoints:Enabled"] = "true",
        ["Compliance:Checkpoints:EveryEvents"] = "3",
    };
}

public sealed class CheckpointServeTests(CheckpointingApiFactory api) : IClassFixture<CheckpointingApiFactory>
{
    [Fact]
    public async Task serve_signs_the_head_after_so_many_events_and_a_witness_on_the_bus_receives_each_checkpoint()
    {
        var received = new List<Witnessed>();
        var bus = api.Services.GetRequiredService<IBus>();
        var witness = bus.ConnectReceiveEndpoint("checkpoint-witness", e => e.Handler<Witnessed>(context =>
        {
            lock (received) received.Add(context.Message);
            return Task.CompletedTask;
        }));
        await witness.Ready;
        var ledger = api.Services.GetRequiredService<IEventReader>();

        for (var i = 0; i < 3; i++)
        {
            (await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters", new
            {
                clusterId = $"signed-{i}", displayName = $"Signed {i}", environment = "staging", ownerTeam = "team", flavour = "upstream",
            })).EnsureSuccessStatusCode();
        }

        var (head, _) = await api.LedgerHeadAsync();
        bool Witnessed(Witnessed m) => m.Position >= head - 1 && m.Algorithm == "Ed25519" && m.PublicKey.StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal);
        bool Arrived()
        {
            lock (received) return received.Any(Witnessed);
        }

        // Waits for the checkpoint of the new head on the bus too: an earlier checkpoint's message may arrive first.
        List<StoredEvent> checkpoints = [];
        for (var i = 0; i < 300 && (checkpoints.Count == 0 || checkpoints[^1].Position < head || !Arrived()); i++)
        {
            await Task.Delay(100);
            checkpoints = await ledger.ReadStreamAsync(Streams.Checkpoints, Direction.Forwards, 0, 100, CancellationToken.None).ToListAsync();
        }

        checkpoints.ShouldNotBeEmpty();
        checkpoints[^1].Position.ShouldBeGreaterThan(head);
        lock (received) received.ShouldContain(m => m.Position >= head - 1 && m.Algorithm == "Ed25519" && m.PublicKey.StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal));
    }
}
