using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

public sealed class ReleaseCycleObservedConsumer(ObservationRecorder recorder) : IConsumer<ReleaseCycleObserved>
{
    public Task Consume(ConsumeContext<ReleaseCycleObserved> context) =>
        recorder.RecordAsync(context, CatalogMapping.ToDomain(context.Message), context.Message.Source);
}
