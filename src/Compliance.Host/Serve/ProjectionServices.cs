using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Host.Serve;

/// <summary>
/// What keeps the read models current while serve runs: the projection worker, its lag metrics, the verdict metrics and
/// the readiness check; and what keeps the ledger honest: the guard that refuses writes while ledger and read models
/// disagree, and the checkpoint signer.
/// </summary>
internal static class ProjectionServices
{
    public static IServiceCollection AddComplianceProjections(this IServiceCollection services)
    {
        services.AddSingleton<LagProbe>();
        services.AddSingleton<ProjectionWorker>();
        services.AddHostedService(s => s.GetRequiredService<ProjectionWorker>());
        services.AddHostedService<LagMetrics>();
        services.AddSingleton<VerdictMetrics>();
        services.AddHostedService(s => s.GetRequiredService<VerdictMetrics>());
        services.AddSingleton<LedgerGuard>();
        services.AddHostedService<CheckpointWorker>();
        services.AddHealthChecks().AddCheck<ProjectionHealthCheck>("store-and-projections", tags: ["ready"]);
        return services;
    }
}
