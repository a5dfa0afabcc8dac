using Compliance.Adapters.Kubernetes;
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
    /// to watch it logs why and does nothing. It needs no ledger: what disappeared while no watcher ran is decided where
    /// its listing of each cluster is recorded.
    /// </summary>
    public static IServiceCollection AddComplianceKubernetes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KubernetesOptions>().Bind(configuration.GetSection(KubernetesOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesOptions>, KubernetesOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KubernetesWatchRegistry>();
        services.AddHostedService<KubernetesWatcherService>();
        services.AddHealthChecks().AddCheck<KubernetesHealthCheck>("kubernetes", tags: ["ready"]);
        return services;
    }
}
