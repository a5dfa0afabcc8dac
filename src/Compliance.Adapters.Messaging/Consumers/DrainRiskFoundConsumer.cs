using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class DrainRiskFoundConsumer(ObservationRecorder recorder) : IConsumer<DrainRiskFound>
{
    public Task Consume(ConsumeContext<DrainRiskFound> context) =>
        recorder.RecordAsync(context, ObservationMapping.ToDomain(context.Message), context.Message.Source);
}
