using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class ControlPlaneVersionObservedConsumer(ObservationRecorder recorder) : IConsumer<ControlPlaneVersionObserved>
{
    public Task Consume(ConsumeContext<ControlPlaneVersionObserved> context) =>
        recorder.RecordAsync(context, ObservationMapping.ToDomain(context.Message), context.Message.Source);
}
