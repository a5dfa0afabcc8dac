namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>
/// Says in the test report whether the EventStoreDB leg ran: skipped (with the reason) without a server; with one, the
/// server answers and the contract suite (<see cref="EventStoreDbContractTests"/>) is compiled in and runs.
/// </summary>
public sealed class EventStoreDbLegTests
{
    [EsdbFact]
    public async Task the_configured_eventstoredb_answers_and_the_contract_suite_runs_against_it()
    {
        using var store = new EventStoreDbEventStore(EsdbLeg.Settings, $"leg{Guid.NewGuid():N}-ledger", TimeProvider.System);

        var (position, hash) = await store.ReadHeadAsync(CancellationToken.None);

        position.ShouldBe(0);
        hash.Length.ShouldBe(64);
#if !ESDB_CONTRACT
        Assert.Fail("COMPLIANCE_ESDB_CONNECTION was set for the run but not for the build: rebuild so the contract suite is compiled in.");
#endif
    }
}
