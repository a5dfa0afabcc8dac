using Compliance.Domain.Deciders;

namespace Compliance.Adapters.Kubernetes.Model;

/// <summary>
/// The watcher's picture of one cluster, kept small (snapshots, not API objects), with what changed since the last
/// publication: changed nodes, changed add-on keys, and a flag for drain readiness. Safe to share between the streams.
/// </summary>
internal sealed partial class ClusterModel(IReadOnlySet<string> addOnNamespaces)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, NodeSnapshot> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), PodSnapshot> pods = [];
    private readonly Dictionary<(string, string, string), WorkloadSnapshot> workloads = [];
    private readonly Dictionary<(string, string), PdbSnapshot> pdbs = [];
    private readonly Dictionary<(string, string, string), ClusterApiSnapshot> clusterApi = [];
    private readonly AddOnIndex addOns = new();
    private readonly HashSet<string> dirtyNodes = new(StringComparer.Ordinal);
    private readonly HashSet<AddOnKey> dirtyAddOns = [];
    private bool drainDirty;
    private long watermark;

    public IReadOnlyList<ClusterApiSnapshot> ClusterApiObjects
    {
        get { lock (gate) return [.. clusterApi.Values.OrderBy(c => c.Kind).ThenBy(c => c.Namespace).ThenBy(c => c.Name)]; }
    }

    public int NodeCount
    {
        get { lock (gate) return nodes.Count; }
    }

    public void SeeVersion(string resourceVersion)
    {
        if (!long.TryParse(resourceVersion, out var rv)) return;
        lock (gate) watermark = Math.Max(watermark, rv);
    }

    public void PutNode(NodeSnapshot node)
    {
        lock (gate)
        {
            var had = nodes.TryGetValue(node.Name, out var old);
            nodes[node.Name] = node;
            if (!had || old!.ResourceVersion != node.ResourceVersion) dirtyNodes.Add(node.Name);
            if (!had || old!.Unschedulable != node.Unschedulable || old.Cpu != node.Cpu || old.Memory != node.Memory) drainDirty = true;
        }
    }

    public void RemoveNode(string name)
    {
        lock (gate)
        {
            if (!nodes.Remove(name)) return;
            dirtyNodes.Add(name);
            drainDirty = true;
        }
    }

    /// <summary>After a (re)list: the listed nodes replace the known ones; nodes not listed are removed.</summary>
    public void ReplaceNodes(IReadOnlyList<NodeSnapshot> listed)
    {
        lock (gate)
        {
            var names = listed.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in nodes.Keys.Where(k => !names.Contains(k)).ToList()) RemoveNode(gone);
            foreach (var node in listed) PutNode(node);
            Listed("nodes");
        }
    }

    public void PutPod(PodSnapshot pod)
    {
        lock (gate)
        {
            RemovePodLocked(pod.Namespace, pod.Name);
            if (pod.Finished) return;
            pods[(pod.Namespace, pod.Name)] = pod;
            if (addOnNamespaces.Contains(pod.Namespace) && long.TryParse(pod.ResourceVersion, out var rv)) dirtyAddOns.UnionWith(addOns.Add(pod, rv));

            if (pod.WorkloadKind is "Deployment" or "StatefulSet") drainDirty = true;
        }
    }

    public void RemovePod(string ns, string name)
    {
        lock (gate) RemovePodLocked(ns, name);
    }

    public void ReplacePods(IReadOnlyList<PodSnapshot> listed)
    {
        lock (gate)
        {
            var keys = listed.Select(p => (p.Namespace, p.Name)).ToHashSet();
            foreach (var gone in pods.Keys.Where(k => !keys.Contains(k)).ToList()) RemovePodLocked(gone.Item1, gone.Item2);
            foreach (var pod in listed)
            {
                if (pods.TryGetValue((pod.Namespace, pod.Name), out var known) && known.ResourceVersion == pod.ResourceVersion) continue;
                PutPod(pod);
            }

            Listed("pods");
        }
    }

    public void PutWorkload(WorkloadSnapshot workload) => Put(workloads, (workload.Kind, workload.Namespace, workload.Name), workload);

    public void RemoveWorkload(string kind, string ns, string name) => Remove(workloads, (kind, ns, name));

    public void ReplaceWorkloads(string kind, IReadOnlyList<WorkloadSnapshot> listed) =>
        Replace(workloads, listed.ToDictionary(w => (w.Kind, w.Namespace, w.Name)), k => k.Item1 == kind, kind);

    public void PutPdb(PdbSnapshot pdb) => Put(pdbs, (pdb.Namespace, pdb.Name), pdb);

    public void RemovePdb(string ns, string name) => Remove(pdbs, (ns, name));

    public void ReplacePdbs(IReadOnlyList<PdbSnapshot> listed) => Replace(pdbs, listed.ToDictionary(p => (p.Namespace, p.Name)), _ => true, "pdbs");

    /// <summary>Stores a Cluster API object; true when its version or phase changed (the caller logs it).</summary>
    public bool PutClusterApi(ClusterApiSnapshot obj)
    {
        lock (gate)
        {
            var key = (obj.Kind, obj.Namespace, obj.Name);
            var changed = !clusterApi.TryGetValue(key, out var old) || old != obj;
            clusterApi[key] = obj;
            return changed;
        }
    }

    public void RemoveClusterApi(string kind, string ns, string name)
    {
        lock (gate) clusterApi.Remove((kind, ns, name));
    }

    public void ReplaceClusterApi(string kind, IReadOnlyList<ClusterApiSnapshot> listed)
    {
        lock (gate)
        {
            foreach (var gone in clusterApi.Keys.Where(k => k.Item1 == kind).ToList()) clusterApi.Remove(gone);
            foreach (var obj in listed) clusterApi[(obj.Kind, obj.Namespace, obj.Name)] = obj;
        }
    }

    /// <summary>Hands out what changed since the last call and forgets it.</summary>
    public ModelChanges TakeChanges()
    {
        lock (gate)
        {
            var changedNodes = dirtyNodes.ToDictionary(n => n, n => nodes.GetValueOrDefault(n), StringComparer.Ordinal);
            var changedAddOns = dirtyAddOns.ToDictionary(k => k, addOns.Running);
            DrainInputs? drain = drainDirty
                ? new DrainInputs([.. nodes.Values], [.. workloads.Values], [.. pods.Values.Where(p => p.WorkloadKind is "Deployment" or "StatefulSet")], [.. pdbs.Values])
                : null;
            dirtyNodes.Clear();
            dirtyAddOns.Clear();
            drainDirty = false;
            return new ModelChanges(changedNodes, changedAddOns, drain, watermark, IsComplete);
        }
    }

    /// <summary>Marks everything for publication again (a publication failed and must be retried).</summary>
    public void MarkAllDirty()
    {
        lock (gate)
        {
            dirtyNodes.UnionWith(nodes.Keys);
            dirtyAddOns.UnionWith(addOns.Keys);
            drainDirty = true;
        }
    }

    private void RemovePodLocked(string ns, string name)
    {
        if (!pods.Remove((ns, name), out var old)) return;
        dirtyAddOns.UnionWith(addOns.Remove(old));

        if (old.WorkloadKind is "Deployment" or "StatefulSet") drainDirty = true;
    }

    private void Put<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value) where TKey : notnull
    {
        lock (gate)
        {
            if (map.TryGetValue(key, out var old) && Equals(old, value)) return;
            map[key] = value;
            drainDirty = true;
        }
    }

    private void Remove<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key) where TKey : notnull
    {
        lock (gate)
        {
            if (map.Remove(key)) drainDirty = true;
        }
    }

    private void Replace<TKey, TValue>(Dictionary<TKey, TValue> map, Dictionary<TKey, TValue> listed, Func<TKey, bool> scope, string stream) where TKey : notnull
    {
        lock (gate)
        {
            foreach (var gone in map.Keys.Where(k => scope(k) && !listed.ContainsKey(k)).ToList()) Remove(map, gone);
            foreach (var (key, value) in listed) Put(map, key, value);
            Listed(stream);
        }
    }
}
