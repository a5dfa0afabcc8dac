using Compliance.Application.Projections;
using Compliance.Contracts.Integration;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Integration;

public sealed partial class IntegrationGateway
{
    private const int LedgerPage = 1_000;

    /// <summary>Announces maintenance actions appended after <paramref name="after"/>; the first scan only notes the ledger's head.</summary>
    private async Task<(long Position, int Published)> PublishMaintenanceAsync(long? after, CancellationToken ct)
    {
        if (after is not { } position) return ((await ledger.ReadHeadAsync(ct)).Position, 0);
        var published = 0;
        while (true)
        {
            var read = 0;
            await foreach (var stored in ledger.ReadAllAsync(position + 1, LedgerPage, ct))
            {
                read++;
                position = stored.Position;
                if (!stored.Stream.StartsWith(Streams.Maintenance(""), StringComparison.Ordinal)) continue;
                if (events.FromStored(stored) is not MaintenanceEvent e) continue;
                var message = new MaintenanceRecorded(e.ClusterId, WindowOf(e), AuditText.Describe(e), stored.RecordedAt, stored.Actor);
                await publisher.PublishAsync(message, MessageIds.For($"MaintenanceRecorded|{stored.EventId}"), ct);
                published++;
            }

            if (read < LedgerPage) return (position, published);
        }
    }

    private static string? WindowOf(MaintenanceEvent e) => e switch
    {
        MaintenanceWindowScheduled w => w.WindowId,
        MaintenanceAnnounced w => w.WindowId,
        MaintenanceStarted w => w.WindowId,
        ComponentUpgraded w => w.WindowId,
        NodeDrained w => w.WindowId,
        MaintenanceCompleted w => w.WindowId,
        MaintenanceAborted w => w.WindowId,
        RetrospectiveRecorded w => w.WindowId,
        _ => null,
    };
}
