#if ESDB_CONTRACT
using Compliance.Application.Store;
using Compliance.Testing;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>
/// The store contract against the EventStoreDB named by COMPLIANCE_ESDB_CONNECTION. Each test gets its own stream
/// prefix, so the shared server looks like a fresh, empty store to it.
/// </summary>
public sealed class EventStoreDbContractTests : EventStoreContract
{
    private readonly List<EventStoreDbEventStore> _stores = [];

    protected override IEventStore CreateStore(TimeProvider time)
    {
        var settings = EsdbConnectionString.Parse(Environment.GetEnvironmentVariable(EsdbFactAttribute.Variable));
        var store = new EventStoreDbEventStore(settings, time, EsdbRetry.Default, $"contract{Guid.NewGuid():N}-");
        _stores.Add(store);
        return store;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) foreach (var store in _stores) store.Dispose();
    }
}
#endif
