using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Microsoft.Data.Sqlite;

using static Compliance.Adapters.Sqlite.Tests.ReadModels.OneClusterFleet;

namespace Compliance.Adapters.Sqlite.Tests.ReadModels;

/// <summary>What the verdicts now keep survives the read models: a kernel's maintainer, findings' owners and due dates, exceptions.</summary>
public sealed class ReadModelShapeTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly OneClusterFleet fleet = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task a_kernels_maintainer_a_findings_owner_and_an_exception_are_read_back_as_written()
    {
        var store = new SqliteReadModelStore(folder.File("shape.db"));
        fleet.Register();
        fleet.Apply(Node(0, "v1.32.3", At));
        fleet.Apply(new DrainRiskFound(ClusterId, "pdb/db", DrainRiskKind.PdbAllowsNoDisruption, "billing/db", "0 disruptions", null, At.AddHours(1)));
        fleet.Apply(new ExceptionRequested(ClusterId, "db-pdb", new AcceptedFinding(FindingKind.PdbAllowsNoDisruption, "billing/db", At.AddHours(1)), null,
            "storage migration first", new DateOnly(2026, 6, 1), "ops:erin", At.AddHours(2)));
        fleet.Apply(new ExceptionApproved(ClusterId, "db-pdb", "admin:grace", At.AddHours(3)));
        await fleet.WriteAsync(store);

        var kernel = (await store.ComponentsAtAsync(ClusterId, At.AddHours(4), CancellationToken.None)).Single(c => c.Component.Kind == ComponentKind.Kernel);
        var finding = (await store.FindingsAsync(ClusterId, FindingKind.PdbAllowsNoDisruption, CancellationToken.None)).ShouldHaveSingleItem();
        var exception = (await store.ExceptionsAsync(ClusterId, CancellationToken.None)).ShouldHaveSingleItem();

        kernel.Component.Version.MaintainedBy.ShouldBe(new MaintainedBy("ubuntu", "22.04"));
        finding.Owner.ShouldBe("platform");
        exception.Status.ShouldBe(ExceptionStatus.Accepted);
        exception.Finding.ShouldBe(new AcceptedFinding(FindingKind.PdbAllowsNoDisruption, "billing/db", At.AddHours(1)));
        exception.DecidedBy.ShouldBe("admin:grace");
        Exceptions.At(exception, At.AddHours(2.5))!.Status.ShouldBe(ExceptionStatus.Requested);
        Exceptions.StatusOf(finding, [exception], At.AddHours(4)).State.ShouldBe(FindingState.Accepted);
    }

    [Fact]
    public async Task read_models_of_an_older_shape_are_emptied_so_that_the_ledger_rebuilds_them()
    {
        var file = folder.File("old.db");
        await using (var old = new SqliteConnection($"Data Source={file}"))
        {
            old.Open();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL, evaluated_at INTEGER NOT NULL);
                INSERT INTO checkpoint VALUES (1, 42, 0);
                CREATE TABLE findings (cluster_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL,
                    detected_at INTEGER NOT NULL, resolved_at INTEGER, evidence_json TEXT NOT NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var store = new SqliteReadModelStore(file);

        (await store.ReadCheckpointAsync(CancellationToken.None)).ShouldBe(0);
        (await store.FindingsAsync(null, null, CancellationToken.None)).ShouldBeEmpty();
    }
}
