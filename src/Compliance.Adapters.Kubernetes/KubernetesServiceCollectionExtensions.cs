using Compliance.Adapters.Kubernetes;
using Compliance.Application.Ports;
using Compliance.Application.Queries;
using Compliance.Application.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// The Kubernetes watcher (<c>Compliance:Kubernetes</c>): a hosted service watching the configured clusters (the
    /// kubeconfig's current context by default, or in-cluster) and publishing through the registered
    /// <c>IObservationPublisher</c>, plus a health check tagged "ready" with each cluster's watch state. With no cluster
    /// to watch it logs why and does nothing. When the process has the ledger (an <c>IRecordedObservations</c>, or an
    /// <c>IEventReader</c> to read one from) a watcher that starts again records what disappeared while none ran;
    /// without it, it logs that this restart reconciliation is off.
    /// </summary>
    public static IServiceCollection AddComplianceKubernetes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KubernetesOptions>().Bind(configuration.GetSection(KubernetesOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesOptions>, KubernetesOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KubernetesWatchRegistry>();
        services.TryAddSingleton(s => new WatcherLedger(
            s.GetService<IRecordedObservations>() ?? (s.GetService<IEventReader>() is { } reader ? new RecordedObservations(reader) : null)));
        services.AddHostedService<KubernetesWatcherService>();
        services.AddHealthChecks().AddCheck<KubernetesHealthCheck>("kubernetes", tags: ["ready"]);
        return services;
    }
}
