namespace Compliance.Adapters.Kubernetes.Model;

/// <summary>Whether every stream has been listed, so that the model is the whole cluster and not the part seen so far.</summary>
internal sealed partial class ClusterModel
{
    /// <summary>The streams whose lists make the model a complete picture of what the watcher publishes (Cluster API objects publish nothing).</summary>
    private static readonly IReadOnlySet<string> CompleteLists =
        new HashSet<string>(["nodes", "pods", "Deployment", "StatefulSet", "pdbs"], StringComparer.Ordinal);

    private readonly HashSet<string> listedStreams = new(StringComparer.Ordinal);

    /// <summary>Every stream's first list has been taken in (under the lock).</summary>
    private bool IsComplete => listedStreams.Count == CompleteLists.Count;

    /// <summary>
    /// Notes that a stream's list has been taken in (under the lock); once every stream's has, drain readiness is
    /// evaluated again so that the first <see cref="ModelChanges"/> with <see cref="ModelChanges.Complete"/> carries the
    /// whole cluster's risks.
    /// </summary>
    private void Listed(string stream)
    {
        if (IsComplete || !CompleteLists.Contains(stream)) return;
        listedStreams.Add(stream);
        if (IsComplete) drainDirty = true;
    }
}
