using Compliance.Domain.Deciders;

namespace Compliance.Adapters.Kubernetes.Model;

/// <summary>
/// The images the pods of each add-on container run, by pod; an add-on's image is the one most of its pods run (ties:
/// the ordinally greatest), seen at the newest contributing resourceVersion. Not thread-safe: the cluster model locks.
/// </summary>
internal sealed class AddOnIndex
{
    private readonly Dictionary<AddOnKey, Dictionary<(string, string), (string Image, long Version)>> byKey = [];

    public IEnumerable<AddOnKey> Keys => byKey.Keys;

    /// <summary>Adds the pod's containers; returns the keys it touched.</summary>
    public IReadOnlyList<AddOnKey> Add(PodSnapshot pod, long resourceVersion)
    {
        var touched = new List<AddOnKey>();
        foreach (var (container, image) in pod.Containers)
        {
            var key = new AddOnKey(pod.Namespace, pod.Workload, container);
            if (!byKey.TryGetValue(key, out var pods)) byKey[key] = pods = [];
            pods[(pod.Namespace, pod.Name)] = (image, resourceVersion);
            touched.Add(key);
        }

        return touched;
    }

    /// <summary>Removes the pod's containers; returns the keys it touched.</summary>
    public IReadOnlyList<AddOnKey> Remove(PodSnapshot pod)
    {
        var touched = new List<AddOnKey>();
        foreach (var (container, _) in pod.Containers)
        {
            var key = new AddOnKey(pod.Namespace, pod.Workload, container);
            if (!byKey.TryGetValue(key, out var pods) || !pods.Remove((pod.Namespace, pod.Name))) continue;
            if (pods.Count == 0) byKey.Remove(key);
            touched.Add(key);
        }

        return touched;
    }

    public (string Image, long SourceVersion)? Running(AddOnKey key)
    {
        if (!byKey.TryGetValue(key, out var pods) || pods.Count == 0) return null;
        var image = pods.Values.GroupBy(v => v.Image, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key, StringComparer.Ordinal).First().Key;
        return (image, pods.Values.Max(v => v.Version));
    }
}
