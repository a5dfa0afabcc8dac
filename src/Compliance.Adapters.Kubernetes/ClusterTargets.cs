using k8s;
using k8s.Exceptions;

namespace Compliance.Adapters.Kubernetes;

/// <summary>A cluster to watch: the id its observations carry, where it was configured, and how to reach it.</summary>
internal sealed record ClusterTarget(string ClusterId, string Source, KubernetesClientConfiguration Configuration);

/// <summary>Which clusters the configuration asks to watch, or why none.</summary>
internal sealed record ClusterSelection(IReadOnlyList<ClusterTarget> Targets, string? WhyNone);

internal static class ClusterTargets
{
    public static ClusterSelection Resolve(KubernetesOptions options)
    {
        if (options.Enabled == false) return new([], $"disabled by {KubernetesOptions.Section}:Enabled=false");
        if (options.InCluster || (options.Enabled is null && options.Contexts.Count == 0 && string.IsNullOrEmpty(options.KubeconfigPath)
            && KubernetesClientConfiguration.IsInCluster()))
        {
            if (!KubernetesClientConfiguration.IsInCluster())
                return new([], "InCluster is set but this process does not run in a cluster (no service account token)");
            return new([new ClusterTarget(options.InClusterId, "in-cluster service account", KubernetesClientConfiguration.InClusterConfig())], null);
        }

        var path = options.KubeconfigPath is { Length: > 0 } p ? p : DefaultKubeconfig();
        if (path is null || !File.Exists(path)) return new([], $"no kubeconfig at {path ?? "~/.kube/config"} and not in a cluster");
        var config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path));
        var contexts = options.Contexts.Count > 0 ? options.Contexts : config.CurrentContext is { Length: > 0 } current ? [current] : [];
        if (contexts.Count == 0) return new([], $"kubeconfig {path} has no current context and {KubernetesOptions.Section}:Contexts is empty");
        var known = config.Contexts?.Select(c => c.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var missing = contexts.Where(c => !known.Contains(c)).ToList();
        if (missing.Count > 0) throw new KubeConfigException($"kubeconfig {path} has no context {string.Join(", ", missing)}");
        return new([.. contexts.Select(c => new ClusterTarget(
            options.ClusterIds.GetValueOrDefault(c) ?? c,
            $"context {c} in {path}",
            KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: c)))], null);
    }

    private static string? DefaultKubeconfig()
    {
        var env = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(env)) return env.Split(Path.PathSeparator).FirstOrDefault(File.Exists) ?? env.Split(Path.PathSeparator)[0];
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".kube", "config");
    }
}
