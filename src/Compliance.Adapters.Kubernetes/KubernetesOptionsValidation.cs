using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Kubernetes;

/// <summary>One clear message per problem in <c>Compliance:Kubernetes</c>.</summary>
internal sealed class KubernetesOptionsValidation : IValidateOptions<KubernetesOptions>
{
    public ValidateOptionsResult Validate(string? name, KubernetesOptions options)
    {
        var problems = new List<string>();
        if (options.VersionPollInterval <= TimeSpan.Zero)
            problems.Add($"{KubernetesOptions.Section}:VersionPollInterval must be positive (was {options.VersionPollInterval})");
        if (options.RetryInitial <= TimeSpan.Zero || options.RetryMaximum < options.RetryInitial)
            problems.Add($"{KubernetesOptions.Section}:RetryInitial must be positive and no larger than RetryMaximum");
        if (options.PageSize < 1) problems.Add($"{KubernetesOptions.Section}:PageSize must be at least 1 (was {options.PageSize})");
        if (options.Contexts.Any(string.IsNullOrWhiteSpace)) problems.Add($"{KubernetesOptions.Section}:Contexts has an empty entry");
        if (options.Namespaces.Any(string.IsNullOrWhiteSpace)) problems.Add($"{KubernetesOptions.Section}:Namespaces has an empty entry");
        if (options.InCluster && options.Contexts.Count > 0)
            problems.Add($"{KubernetesOptions.Section}: InCluster and Contexts exclude each other (in-cluster watches the cluster it runs in)");
        if (options.KubeconfigPath is { Length: > 0 } path && options.Enabled != false && !options.InCluster && !File.Exists(path))
            problems.Add($"{KubernetesOptions.Section}:KubeconfigPath '{path}' does not exist");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
