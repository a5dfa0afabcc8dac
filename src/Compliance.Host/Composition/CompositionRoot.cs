using Compliance.Adapters.Messaging.Bus;
using Compliance.Adapters.Pdf;
using Compliance.Application.Checkpoints;
using Compliance.Application.Handling;
using Compliance.Application.ReadModels;
using Compliance.Application.Reports;
using Compliance.Application.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Composition;

/// <summary>
/// The one composition root: it alone chooses the store (SQLite | EventStoreDB, from Compliance:Store) and the bus
/// (in-memory | RabbitMQ, from Compliance:Bus); each adapter registers only itself. `compliance serve` and every CLI
/// command compose the same core from the same settings.
/// </summary>
internal static class CompositionRoot
{
    /// <summary>The ledger (the configured store), the read models and command answers (SQLite in the data directory) and the use-case layer.</summary>
    public static IServiceCollection AddComplianceCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        var data = Settings.DataDirectory(configuration);
        services.AddSingleton(data);
        var store = Store(configuration);
        services.AddSingleton(Options.Create(store));
        if (store.UsesEventStoreDb) services.AddEventStoreDbLedger(store.EventStoreDb.ConnectionString!, store.EventStoreDb.LedgerStream);
        else services.AddSqliteLedger(data.LedgerFile);
        services.AddSqliteReadModels(data.ReadModelsFile, data.IdempotencyFile);
        services.AddComplianceApplication();
        services.AddSingleton<IReportRenderer, PdfReportRenderer>();
        var checkpoints = Checkpoints(configuration);
        services.AddSingleton(Options.Create(checkpoints));
        services.AddSingleton(new CheckpointKeySource(checkpoints.KeyFile, Path.Combine(data.Path, CheckpointOptions.DefaultKeyFileName)));
        services.AddSingleton(s => new LedgerCheckpoints(s.GetRequiredService<IEventStore>(), s.GetRequiredService<CommandHandler>(),
            s.GetRequiredService<CheckpointKeySource>(), s.GetRequiredService<TimeProvider>(), s.GetRequiredService<IReadModelStore>()));
        services.AddSingleton<ReportService>();
        return services;
    }

    /// <summary>Compliance:Checkpoints (the signing key, how often serve signs), checked now like the store settings.</summary>
    public static CheckpointOptions Checkpoints(IConfiguration configuration)
    {
        var options = configuration.GetSection(CheckpointOptions.Section).Get<CheckpointOptions>() ?? new CheckpointOptions();
        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new OptionsValidationException(CheckpointOptions.Section, typeof(CheckpointOptions), problems);
        return options;
    }

    /// <summary>The bus with the transport Compliance:Bus:Transport names, and the Kubernetes watchers.</summary>
    public static IServiceCollection AddComplianceAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        var bus = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        services.AddComplianceMessaging(configuration, bus.Transport);
        services.AddComplianceKubernetes(configuration);
        return services;
    }

    /// <summary>Compliance:Store, checked now: a bad setting stops the start with one line per problem.</summary>
    public static StoreOptions Store(IConfiguration configuration)
    {
        var options = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        var result = new StoreOptionsValidation().Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(StoreOptions.Section, typeof(StoreOptions), result.Failures);
        return options;
    }
}
