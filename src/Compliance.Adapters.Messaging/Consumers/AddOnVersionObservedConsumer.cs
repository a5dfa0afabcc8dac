using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class AddOnVersionObservedConsumer(ObservationRecorder recorder) : IConsumer<AddOnVersionObserved>
{
    public Task Consume(ConsumeContext<AddOnVersionObserved> context) =>
        recorder.RecordAsync(context, ObservationMapping.ToDomain(context.Message), context.Message.Source);
}
