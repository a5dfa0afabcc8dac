using Compliance.Adapters.EventStoreDb.Grpc;
using Compliance.Application.Store;

namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>
/// Another application's events in the ledger's database: in a stream whose name starts with the ledger stream's, and in
/// streams of its own, each carrying metadata shaped exactly like a ledger event's.
/// </summary>
internal static class ForeignEvents
{
    private const int PerAppend = 500;

    public static async Task WriteAsync(EsdbSettings settings, string ledgerStream, int count, CancellationToken ct)
    {
        using var leader = new EsdbLeader(settings);
        for (var written = 0; written < count; written += PerAppend)
        {
            var stream = (written / PerAppend) % 2 == 0 ? $"{ledgerStream}-archive" : $"orders-{Guid.NewGuid():N}";
            var messages = new List<AppendReq> { new() { Options = EsdbMessages.AppendOptions(stream, ExpectedRevision.Any) } };
            for (var i = written; i < Math.Min(count, written + PerAppend); i++)
                messages.Add(new AppendReq { ProposedMessage = EsdbMessages.Proposed(LookAlike(i)) });
            await leader.RunAsync(async (client, c) =>
            {
                using var call = client.Append(leader.Headers, leader.Deadline(), c);
                foreach (var message in messages) await call.RequestStream.WriteAsync(message, c);
                await call.RequestStream.CompleteAsync();
                return await call.ResponseAsync;
            }, ct);
        }
    }

    private static StoredEvent LookAlike(int n)
    {
        var e = new StoredEvent(Guid.NewGuid(), "s", n, n + 1, "V1.ContractTested", 1, DateTimeOffset.UnixEpoch, "someone-else", Guid.NewGuid(), Guid.NewGuid(),
            $$"""{"n":{{n}}}""", HashChain.Genesis, "");
        return e with { Hash = HashChain.Compute(e, e.PreviousHash) };
    }
}
