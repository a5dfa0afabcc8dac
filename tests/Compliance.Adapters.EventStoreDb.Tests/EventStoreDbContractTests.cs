#if ESDB_CONTRACT
using Compliance.Application.Store;
using Compliance.Testing;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>
/// The store contract against the EventStoreDB named by COMPLIANCE_ESDB_CONNECTION (a single node, a cluster, or one of
/// its followers). Each test gets its own ledger stream, so the shared server looks like a fresh, empty store to it,
/// among the other tests' ledgers and the foreign streams they write.
/// </summary>
public sealed class EventStoreDbContractTests : EventStoreContract
{
    private readonly string ledger = $"contract{Guid.NewGuid():N}-ledger";

    protected override IEventStore CreateStore(TimeProvider time) => new EventStoreDbEventStore(EsdbLeg.Settings, ledger, time);

    protected override IEventStore OpenAnother(TimeProvider time) => new EventStoreDbEventStore(EsdbLeg.Settings, ledger, time);

    protected override Task WriteForeignEventsAsync(int count, CancellationToken ct) => ForeignEvents.WriteAsync(EsdbLeg.Settings, ledger, count, ct);
}
#endif
