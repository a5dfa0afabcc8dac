using Compliance.Adapters.Messaging.Consumers;
using MassTransit;

namespace Compliance.Adapters.Messaging.Bus;

/// <summary>
/// The one queue every observation consumer reads. Messages are recorded one at a time in queue order (the ledger has
/// one writer, and a node's later state must not overtake an earlier one). Transient failures are retried with
/// exponential backoff; a rejected message is not retried and goes to <c>{queue}_error</c> with its reason.
/// </summary>
internal static class ObservationEndpoint
{
    public static readonly Type[] Consumers =
    [
        typeof(ControlPlaneVersionObservedConsumer), typeof(NodeObservedConsumer), typeof(NodeRemovedConsumer),
        typeof(AddOnVersionObservedConsumer), typeof(AddOnRemovedConsumer), typeof(DrainRiskFoundConsumer), typeof(DrainRiskResolvedConsumer),
        typeof(ReleaseCycleObservedConsumer), typeof(PatchReleasedConsumer), typeof(VulnerabilityPublishedConsumer),
    ];

    public static void Configure(IBusRegistrationContext context, IReceiveEndpointConfigurator endpoint, BusOptions options)
    {
        endpoint.PrefetchCount = options.PrefetchCount;
        endpoint.ConcurrentMessageLimit = 1;
        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(200));
            r.Ignore<RejectedMessageException>();
        });
        foreach (var consumer in Consumers) context.ConfigureConsumer(consumer, endpoint);
    }
}
