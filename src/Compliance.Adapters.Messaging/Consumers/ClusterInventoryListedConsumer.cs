using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class ClusterInventoryListedConsumer(ObservationRecorder recorder) : IConsumer<ClusterInventoryListed>
{
    public Task Consume(ConsumeContext<ClusterInventoryListed> context) =>
        recorder.RecordAsync(context, ObservationMapping.ToDomain(context.Message), context.Message.Source);
}
