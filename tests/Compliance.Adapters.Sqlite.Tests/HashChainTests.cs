using Compliance.Application.Store;

namespace Compliance.Adapters.Sqlite.Tests;

public sealed class HashChainTests
{
    /// <summary>
    /// Existing ledgers are verified with whatever HashChain computes today, so its canonical form must never drift:
    /// this vector was computed independently (Python hashlib over the fields joined by "\n", UTF-8).
    /// </summary>
    [Fact]
    public void the_hash_of_a_known_event_never_changes()
    {
        var hash = HashChain.Compute(
            HashChain.Genesis,
            Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            "cluster-prod-eu",
            41,
            "V1.ComponentUpgraded",
            1,
            new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(1234567),
            "ops@example.test — Zoë",
            Guid.Parse("11111111-2222-3333-4444-555555555555"),
            Guid.Parse("66666666-7777-8888-9999-000000000000"),
            """{"clusterId":"prod-eu","note":"naïve ✓"}""");

        hash.ShouldBe("b261aaa17368273d4302151548d0b5a251cd9e5178722594d0b3c936e3a101e7");
    }
}
