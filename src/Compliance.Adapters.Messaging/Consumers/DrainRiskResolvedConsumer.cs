using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class DrainRiskResolvedConsumer(ObservationRecorder recorder) : IConsumer<DrainRiskResolved>
{
    public Task Consume(ConsumeContext<DrainRiskResolved> context) =>
        recorder.RecordAsync(context, ObservationMapping.ToDomain(context.Message), context.Message.Source);
}
