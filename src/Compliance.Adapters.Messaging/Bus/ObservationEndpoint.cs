using Compliance.Adapters.Messaging.Consumers;
using MassTransit;

namespace Compliance.Adapters.Messaging.Bus;

/// <summary>
/// The one queue every observation consumer reads. Up to <see cref="BusOptions.IngestBatchSize"/> messages are consumed
/// at once and recorded together (<see cref="IngestBatcher"/>: one ledger transaction per stream, in delivery order
/// within the batch, so a node's later state does not overtake an earlier one that arrived with it). Each message is
/// acknowledged once its own events are committed. Transient failures are retried with exponential backoff; a rejected
/// message is not retried and goes alone to <c>{queue}_error</c> with its reason.
/// </summary>
internal static class ObservationEndpoint
{
    public static readonly Type[] Consumers =
    [
        typeof(ControlPlaneVersionObservedConsumer), typeof(NodeObservedConsumer), typeof(NodeRemovedConsumer),
        typeof(AddOnVersionObservedConsumer), typeof(AddOnRemovedConsumer), typeof(DrainRiskFoundConsumer), typeof(DrainRiskResolvedConsumer),
        typeof(ClusterInventoryListedConsumer),
        typeof(ReleaseCycleObservedConsumer), typeof(PatchReleasedConsumer), typeof(VulnerabilityPublishedConsumer),
    ];

    public static void Configure(IBusRegistrationContext context, IReceiveEndpointConfigurator endpoint, BusOptions options)
    {
        endpoint.PrefetchCount = Math.Max(options.PrefetchCount, options.IngestBatchSize);
        endpoint.ConcurrentMessageLimit = options.IngestBatchSize;
        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(200));
            r.Ignore<RejectedMessageException>();
        });
        foreach (var consumer in Consumers) context.ConfigureConsumer(consumer, endpoint);
    }
}
