using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Compliance.Testing;

namespace Compliance.Adapters.Sqlite.Tests;

/// <summary>The store contract against a SQLite file in a temp folder.</summary>
public sealed class SqliteEventStoreContractTests : EventStoreContract
{
    private readonly TempFolder _folder = new();

    protected override IEventStore CreateStore(TimeProvider time) => new SqliteEventStore(_folder.File("ledger.db"), time);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
