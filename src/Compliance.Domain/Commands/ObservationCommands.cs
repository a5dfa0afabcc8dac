using Compliance.Domain.Events;

namespace Compliance.Domain.Commands;

/// <summary>
/// Record what a watcher saw. The observation decider turns it into an event only when it differs from what is
/// already known (a relist or a redelivery records nothing).
/// </summary>
public sealed record RecordObservation(ObservationEvent Observation, string Actor, DateTimeOffset Now) : Command(Actor, Now);

/// <summary>Record a catalog fact (cycle, patch, vulnerability); idempotent for the same fact.</summary>
public sealed record RecordCatalogFact(CatalogEvent Fact, string Actor, DateTimeOffset Now) : Command(Actor, Now);
