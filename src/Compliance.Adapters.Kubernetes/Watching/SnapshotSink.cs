namespace Compliance.Adapters.Kubernetes.Watching;

/// <summary>A sink made of three functions (the cluster model's methods for one resource).</summary>
internal sealed class SnapshotSink<T>(Action<IReadOnlyList<T>> replace, Action<T> put, Action<T> remove) : ISnapshotSink<T>
{
    public void Replace(IReadOnlyList<T> listed) => replace(listed);

    public void Put(T snapshot) => put(snapshot);

    public void Remove(T snapshot) => remove(snapshot);
}
