using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class AddOnRemovedConsumer(ObservationRecorder recorder) : IConsumer<AddOnRemoved>
{
    public Task Consume(ConsumeContext<AddOnRemoved> context) =>
        recorder.RecordAsync(context, ObservationMapping.ToDomain(context.Message), context.Message.Source);
}
