using k8s;
using k8s.Exceptions;

namespace Compliance.Adapters.Kubernetes;

/// <summary>A cluster to watch: the id its observations carry, where it was configured, and how to reach it.</summary>
internal sealed record ClusterTarget(string ClusterId, string Source, KubernetesClientConfiguration Configuration);

/// <summary>A configured cluster that cannot be watched (its context is missing or unreadable), and why.</summary>
public sealed record UnavailableCluster(string ClusterId, string Source, string Reason);

/// <summary>Which clusters the configuration asks to watch, which of them cannot be, or why none is asked for.</summary>
internal sealed record ClusterSelection(IReadOnlyList<ClusterTarget> Targets, string? WhyNone, IReadOnlyList<UnavailableCluster> Unavailable)
{
    public static ClusterSelection None(string why) => new([], why, []);
}

internal static class ClusterTargets
{
    /// <summary>
    /// The configured clusters, each context on its own: one that is missing from the kubeconfig or cannot be read is
    /// unavailable and does not stop the others. A kubeconfig that cannot be read at all throws (every context is lost).
    /// </summary>
    public static ClusterSelection Resolve(KubernetesOptions options)
    {
        if (options.Enabled == false) return ClusterSelection.None($"disabled by {KubernetesOptions.Section}:Enabled=false");
        if (options.InCluster || (options.Enabled is null && options.Contexts.Count == 0 && string.IsNullOrEmpty(options.KubeconfigPath)
            && KubernetesClientConfiguration.IsInCluster()))
        {
            if (!KubernetesClientConfiguration.IsInCluster())
                return new([], null, [new(options.InClusterId, "in-cluster service account", "InCluster is set but this process does not run in a cluster (no service account token)")]);
            return new([new ClusterTarget(options.InClusterId, "in-cluster service account", KubernetesClientConfiguration.InClusterConfig())], null, []);
        }

        var path = options.KubeconfigPath is { Length: > 0 } p ? p : DefaultKubeconfig();
        if (path is null || !File.Exists(path)) return ClusterSelection.None($"no kubeconfig at {path ?? "~/.kube/config"} and not in a cluster");
        var config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path));
        var contexts = options.Contexts.Count > 0 ? options.Contexts : config.CurrentContext is { Length: > 0 } current ? [current] : [];
        if (contexts.Count == 0) return ClusterSelection.None($"kubeconfig {path} has no current context and {KubernetesOptions.Section}:Contexts is empty");
        var known = config.Contexts?.Select(c => c.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var targets = new List<ClusterTarget>();
        var unavailable = new List<UnavailableCluster>();
        foreach (var context in contexts)
        {
            var id = options.ClusterIds.GetValueOrDefault(context) ?? context;
            var source = $"context {context} in {path}";
            if (!known.Contains(context))
            {
                unavailable.Add(new(id, source, $"kubeconfig {path} has no context {context}"));
                continue;
            }

            try
            {
                targets.Add(new ClusterTarget(id, source, KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context)));
            }
            catch (Exception e) when (e is KubeConfigException or IOException or FormatException or InvalidOperationException)
            {
                unavailable.Add(new(id, source, $"context {context} cannot be used: {e.Message}"));
            }
        }

        return new(targets, null, unavailable);
    }

    private static string? DefaultKubeconfig()
    {
        var env = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(env)) return env.Split(Path.PathSeparator).FirstOrDefault(File.Exists) ?? env.Split(Path.PathSeparator)[0];
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".kube", "config");
    }
}
