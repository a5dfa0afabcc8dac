using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Demo;
using Compliance.Application.Handling;
using Compliance.Application.Projections;
using Compliance.Application.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Api.Tests;

/// <summary>
/// The demo fleet written once through the command handler and projected, then copied into a fresh folder per API
/// instance (a real SQLite ledger and read models in a temporary folder).
/// </summary>
internal static class SeededLedger
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    /// <summary>The clock the served app starts at: noon of the demo's last day.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Task<string>> Template = new(CreateAsync);

    /// <summary>A new folder holding a copy of the seeded ledger and read models.</summary>
    public static async Task<string> CopyAsync()
    {
        var template = await Template.Value;
        var folder = NewFolder();
        foreach (var file in Directory.GetFiles(template)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "compliance-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<string> CreateAsync()
    {
        var folder = NewFolder();
        var clock = new FakeTimeProvider(Now.AddYears(-2));
        var steps = DemoFleet.Generate(CatalogSnapshot.Embedded.Catalog, Today, 42);
        using (var store = new SqliteEventStore(Path.Combine(folder, "ledger.db"), clock))
        {
            using var handler = new CommandHandler(store);
            await DemoRecorder.RecordAsync(handler, steps, Guid.Empty, clock.SetUtcNow, CancellationToken.None);

            clock.SetUtcNow(Now);
            var readModels = new SqliteReadModelStore(Path.Combine(folder, "readmodels.db"));
            await new ProjectionRunner(store, readModels, CatalogSnapshot.Embedded.Catalog, clock).RebuildAsync(CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(folder);
        return folder;
    }

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
