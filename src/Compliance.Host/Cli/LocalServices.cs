using System.CommandLine;
using Compliance.Adapters.Sqlite.ReadModels;
using Compliance.Application.Catalog;
using Compliance.Application.Checkpoints;
using Compliance.Application.Projections;
using Compliance.Application.Queries;
using Compliance.Application.Reports;
using Compliance.Application.Store;
using Compliance.Application.UseCases;
using Compliance.Host.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Cli;

/// <summary>
/// What a CLI command works on in this process: the ledger (the store the settings name, as for serve, or --store), the
/// read models of the data directory and the use-case layer, composed by the composition root. No web host is started.
/// </summary>
internal sealed class LocalServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private ProjectionRunner? projections;

    private LocalServices(ServiceProvider provider, DataDirectory data, StoreOptions store)
    {
        this.provider = provider;
        Data = data;
        StoreSettings = store;
    }

    public DataDirectory Data { get; }

    public StoreOptions StoreSettings { get; }

    public IEventStore Store => provider.GetRequiredService<IEventStore>();

    public IEventImporter Importer => provider.GetRequiredService<IEventImporter>();

    public SqliteReadModelStore ReadModels => provider.GetRequiredService<SqliteReadModelStore>();

    public CommandService Commands => provider.GetRequiredService<CommandService>();

    public QueryService Queries => provider.GetRequiredService<QueryService>();

    public FleetQueries Fleet => provider.GetRequiredService<FleetQueries>();

    public ReportService Reports => provider.GetRequiredService<ReportService>();

    public LedgerCheckpoints Checkpoints => provider.GetRequiredService<LedgerCheckpoints>();

    public ProjectionRunner Projections =>
        projections ??= new ProjectionRunner(Store, ReadModels, provider.GetRequiredService<CatalogSnapshot>().Catalog, provider.GetRequiredService<TimeProvider>());

    /// <summary>
    /// The services for <paramref name="parse"/>'s --data and --store with the settings serve reads (appsettings.json,
    /// COMPLIANCE_ variables). With <paramref name="requireLedger"/>, an embedded store must already hold a ledger.
    /// </summary>
    public static LocalServices Open(ParseResult parse, TimeProvider time, bool requireLedger = true) =>
        Open(parse.GetValue(Options.Data), parse.GetValue(Options.Store), time, requireLedger);

    /// <summary>The services for a data directory and a --store value (null: as the settings say).</summary>
    public static LocalServices Open(string? dataOption, string? storeOption, TimeProvider time, bool requireLedger)
    {
        var configuration = new ConfigurationBuilder();
        Settings.Add(configuration, [], dataOption);
        if (storeOption is { } store) configuration.AddInMemoryCollection(StoreOption.Settings(store));
        var settings = configuration.Build();
        StoreOptions chosen;
        try
        {
            chosen = CompositionRoot.Store(settings);
            CompositionRoot.Checkpoints(settings);
        }
        catch (OptionsValidationException e)
        {
            throw new UserError(string.Join("; ", e.Failures));
        }

        var data = Settings.DataDirectory(settings).RequireFolder();
        if (requireLedger && !chosen.UsesEventStoreDb) data.RequireLedger();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddComplianceCore(settings);
        return new LocalServices(services.BuildServiceProvider(), data, chosen);
    }

    /// <summary>
    /// Projects what the ledger has beyond the read models' checkpoint; nothing to do (and no replay) when current. A
    /// ledger that is not the one they were projected from (shorter, or rewritten up to their checkpoint) is refused.
    /// </summary>
    /// <exception cref="LedgerIntegrityException">the ledger and the read models disagree.</exception>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        await LedgerAgreement.ThrowIfDisagreeAsync(Store, ReadModels, ct);
        var (head, _) = await Store.ReadHeadAsync(ct);
        if (await ReadModels.ReadCheckpointAsync(ct) < head) await Projections.CatchUpAsync(ct);
    }

    /// <summary>
    /// Projects the whole ledger into new read models beside the current ones and moves them into place once complete,
    /// so a failure part-way leaves the read models as they were. Returns the events projected and the checkpoint reached.
    /// </summary>
    public Task<(long Events, long Checkpoint)> RebuildAsync(CancellationToken ct) =>
        ReadModelFile.ReplaceAsync(Data.ReadModelsFile, async (aside, token) =>
        {
            var runner = new ProjectionRunner(Store, aside, provider.GetRequiredService<CatalogSnapshot>().Catalog, provider.GetRequiredService<TimeProvider>());
            return (await runner.RebuildAsync(token), runner.Checkpoint);
        }, ct);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
