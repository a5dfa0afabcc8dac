using Compliance.Domain.Deciders;

namespace Compliance.Application.Ports;

/// <summary>
/// Read-only: what the ledger holds as present in one cluster now (its <c>observations-{clusterId}</c> stream: nodes
/// observed and not removed, add-on containers observed and not removed, drain risks found and not resolved). A watcher
/// that starts again compares it with a complete list of the cluster to record what disappeared while none watched.
/// </summary>
public interface IRecordedObservations
{
    Task<RecordedPresence> PresentAsync(string clusterId, CancellationToken ct);
}

/// <summary>
/// Each subject the ledger holds as present, with the stream revision of the event that last recorded it: a removal
/// derived from that revision is the same removal however often it is derived, and a later return of the subject gives
/// a new revision.
/// </summary>
public sealed record RecordedPresence(
    IReadOnlyDictionary<string, long> Nodes,
    IReadOnlyDictionary<AddOnKey, long> AddOns,
    IReadOnlyDictionary<string, long> OpenRisks);
