using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class NodeRemovedConsumer(ObservationRecorder recorder) : IConsumer<NodeRemoved>
{
    public Task Consume(ConsumeContext<NodeRemoved> context) =>
        recorder.RecordAsync(context, ObservationMapping.ToDomain(context.Message), context.Message.Source);
}
