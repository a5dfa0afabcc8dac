using Compliance.Domain.Events;

namespace Compliance.Domain.Commands;

/// <summary>Record a signed checkpoint of the ledger's head; a position already checkpointed with the same hash records nothing.</summary>
public sealed record RecordLedgerCheckpoint(LedgerCheckpointed Checkpoint, string Actor, DateTimeOffset Now) : Command(Actor, Now);
