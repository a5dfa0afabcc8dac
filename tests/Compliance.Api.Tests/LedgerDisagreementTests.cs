using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Compliance.Api.Tests;

/// <summary>Serve on a ledger that lost its last events (someone with the file cut them off) while the read models remember them.</summary>
public sealed class TruncatedLedgerFactory : ApiFactory
{
    protected override bool WaitUntilReady => false;

    protected override Task PrepareAsync(string data)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "ledger.db")};Pooling=False");
        connection.Open();
        using var cut = connection.CreateCommand();
        cut.CommandText = "DROP TRIGGER events_are_not_deleted; DELETE FROM events WHERE position > (SELECT max(position) - 5 FROM events)";
        cut.ExecuteNonQuery();
        return Task.CompletedTask;
    }
}

/// <summary>Serve on a ledger whose event at the read models' checkpoint was rewritten (its hash recomputed).</summary>
public sealed class RewrittenLedgerFactory : ApiFactory
{
    protected override bool WaitUntilReady => false;

    protected override Task PrepareAsync(string data)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "ledger.db")};Pooling=False");
        connection.Open();
        using var edit = connection.CreateCommand();
        edit.CommandText = $"DROP TRIGGER events_are_not_updated; UPDATE events SET hash = '{new string('f', 64)}' WHERE position = (SELECT max(position) FROM events)";
        edit.ExecuteNonQuery();
        return Task.CompletedTask;
    }
}

public sealed class TruncatedLedgerTests(TruncatedLedgerFactory api) : IClassFixture<TruncatedLedgerFactory>
{
    [Fact]
    public async Task every_write_is_refused_with_503_the_reason_and_retry_after_and_nothing_is_recorded()
    {
        var before = await api.LedgerHeadAsync();

        var post = await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters", new
        {
            clusterId = "after-cut", displayName = "After the cut", environment = "staging", ownerTeam = "team", flavour = "upstream",
        });
        var report = await api.Auditor().GetAsync("/api/v1/reports?scope=fleet");

        post.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        post.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(30));
        var detail = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString().ShouldNotBeNull();
        detail.ShouldContain("ends at position");
        detail.ShouldContain("Nothing was recorded");
        report.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await api.LedgerHeadAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task readiness_says_why_it_is_unready()
    {
        // The reason is readiness detail, shown to an admin; anyone else learns only the status word.
        var ready = await api.Admin().GetAsync("/health/ready");
        var anonymous = await api.CreateClient().GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldContain("the ledger and the read models disagree, writes are refused");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await anonymous.Content.ReadAsStringAsync()).ShouldNotContain("disagree");
    }

    [Fact]
    public async Task a_caller_without_a_key_learns_nothing_but_401()
    {
        var post = await ApiFactory.PostAsync(api.ClientFor(null), "/api/v1/clusters", new { clusterId = "x" });

        post.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class RewrittenLedgerTests(RewrittenLedgerFactory api) : IClassFixture<RewrittenLedgerFactory>
{
    [Fact]
    public async Task a_ledger_rewritten_under_the_read_models_checkpoint_refuses_writes_too()
    {
        var post = await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters", new
        {
            clusterId = "after-edit", displayName = "After the edit", environment = "staging", ownerTeam = "team", flavour = "upstream",
        });

        post.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await post.Content.ReadAsStringAsync()).ShouldContain("was rewritten up to there");
    }
}
