using Compliance.Contracts.Observations;
using MassTransit;

namespace Compliance.Adapters.Messaging.Consumers;

/// <summary>Records the fact as known from the moment the feed was read (the message's sent time) or, without it, now.</summary>
public sealed class PatchReleasedConsumer(ObservationRecorder recorder, TimeProvider time) : IConsumer<PatchReleased>
{
    public Task Consume(ConsumeContext<PatchReleased> context) =>
        recorder.RecordAsync(context, CatalogMapping.ToDomain(context.Message, SentAt(context)), context.Message.Source);

    private DateTimeOffset SentAt(ConsumeContext context) =>
        context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : time.GetUtcNow();
}
