using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class NodeObservedConsumer(ObservationRecorder recorder) : IConsumer<NodeObserved>
{
    public Task Consume(ConsumeContext<NodeObserved> context) =>
        recorder.RecordAsync(context, ObservationMapping.ToDomain(context.Message), context.Message.Source);
}
