using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Compliance.Testing.Kubernetes;

/// <summary>One stored object: its identity, the resourceVersion of its last write and its JSON as served.</summary>
internal sealed record StoredObject(ApiResource Resource, string? Namespace, string Name, long ResourceVersion, string Json);

/// <summary>A change as a watch sees it: the line it sends, and which resource and namespace it belongs to.</summary>
internal sealed record HistoryEntry(long ResourceVersion, ApiResource Resource, string? Namespace, string Line);

/// <summary>An open watch: its filter and the lines not yet written to it.</summary>
internal sealed class WatchSubscription(ApiResource resource, string? ns)
{
    public Channel<string> Lines { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public bool Wants(ApiResource r, string? n) => r == resource && (ns is null || ns == n);
}

/// <summary>
/// The objects, the global resourceVersion every write bumps, the retained watch history (older resourceVersions get
/// 410 Gone) and the open watches. Thread-safe; survives stopping and restarting the HTTP server.
/// </summary>
internal sealed class ApiState(int historyLimit)
{
    private readonly Lock gate = new();
    private readonly Dictionary<(ApiResource, string?, string), StoredObject> objects = [];
    private readonly List<HistoryEntry> history = [];
    private readonly List<WatchSubscription> watches = [];
    private long resourceVersion = 1;
    private long oldestWatchable = 1;

    public long ResourceVersion
    {
        get { lock (gate) return resourceVersion; }
    }

    /// <summary>Creates or replaces an object (ADDED or MODIFIED), stamping metadata.resourceVersion and uid.</summary>
    public StoredObject Put(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var resource = ApiResources.ForKind((string)obj["apiVersion"]!, (string)obj["kind"]!);
        var metadata = obj["metadata"]!.AsObject();
        var name = (string)metadata["name"]!;
        var ns = resource.Namespaced ? (string?)metadata["namespace"] ?? "default" : null;
        lock (gate)
        {
            var rv = ++resourceVersion;
            var copy = obj.DeepClone().AsObject();
            var meta = copy["metadata"]!.AsObject();
            meta["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
            meta["uid"] ??= Guid.NewGuid().ToString();
            meta["creationTimestamp"] ??= "2026-01-01T00:00:00Z";
            if (ns is not null) meta["namespace"] = ns;
            var key = (resource, ns, name);
            var type = objects.ContainsKey(key) ? "MODIFIED" : "ADDED";
            var stored = new StoredObject(resource, ns, name, rv, copy.ToJsonString());
            objects[key] = stored;
            Record(new HistoryEntry(rv, resource, ns, EventLine(type, stored.Json)));
            return stored;
        }
    }

    /// <summary>Deletes an object (DELETED with its last state at a new resourceVersion); false when there is none.</summary>
    public bool Delete(ApiResource resource, string? ns, string name)
    {
        lock (gate)
        {
            if (!objects.Remove((resource, resource.Namespaced ? ns ?? "default" : null, name), out var gone)) return false;
            var rv = ++resourceVersion;
            var last = JsonNode.Parse(gone.Json)!.AsObject();
            last["metadata"]!["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
            Record(new HistoryEntry(rv, resource, gone.Namespace, EventLine("DELETED", last.ToJsonString())));
            return true;
        }
    }

    /// <summary>Sends a raw watch line (for example a malformed object) at a new resourceVersion without storing anything.</summary>
    public void InjectWatchLine(ApiResource resource, string? ns, string line)
    {
        lock (gate)
        {
            Record(new HistoryEntry(++resourceVersion, resource, ns, line));
        }
    }

    /// <summary>Forgets the watch history: a watch from any earlier resourceVersion now gets 410 Gone.</summary>
    public void ExpireHistory()
    {
        lock (gate)
        {
            history.Clear();
            oldestWatchable = resourceVersion;
        }
    }

    /// <summary>Current objects of a resource (one namespace or all), ordered by namespace and name, at one resourceVersion.</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(ApiResource resource, string? ns)
    {
        lock (gate)
        {
            var items = objects.Values
                .Where(o => o.Resource == resource && (ns is null || o.Namespace == ns))
                .OrderBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
                .ToList();
            return (items, resourceVersion);
        }
    }

    public StoredObject? Get(ApiResource resource, string? ns, string name)
    {
        lock (gate) return objects.GetValueOrDefault((resource, resource.Namespaced ? ns : null, name));
    }

    /// <summary>
    /// Opens a watch after <paramref name="since"/> (null: from now, starting with ADDED for every current object).
    /// Returns null when <paramref name="since"/> is older than the retained history (the caller answers 410 Gone).
    /// </summary>
    internal WatchSubscription? Subscribe(ApiResource resource, string? ns, long? since)
    {
        lock (gate)
        {
            if (since is { } rv && rv < oldestWatchable) return null;
            var watch = new WatchSubscription(resource, ns);
            if (since is { } from)
            {
                foreach (var entry in history.Where(h => h.ResourceVersion > from && watch.Wants(h.Resource, h.Namespace)))
                    watch.Lines.Writer.TryWrite(entry.Line);
            }
            else
            {
                foreach (var o in objects.Values.Where(o => watch.Wants(o.Resource, o.Namespace)).OrderBy(o => o.ResourceVersion))
                    watch.Lines.Writer.TryWrite(EventLine("ADDED", o.Json));
            }

            watches.Add(watch);
            return watch;
        }
    }

    internal void Unsubscribe(WatchSubscription watch)
    {
        lock (gate) watches.Remove(watch);
    }

    /// <summary>Ends every open watch (the server is stopping).</summary>
    internal void CloseWatches()
    {
        lock (gate)
        {
            foreach (var w in watches) w.Lines.Writer.TryComplete();
            watches.Clear();
        }
    }

    internal static string EventLine(string type, string objectJson) => $$"""{"type":"{{type}}","object":{{objectJson}}}""";

    private void Record(HistoryEntry entry)
    {
        history.Add(entry);
        if (history.Count > historyLimit)
        {
            var drop = history.Count - historyLimit;
            oldestWatchable = history[drop - 1].ResourceVersion;
            history.RemoveRange(0, drop);
        }

        foreach (var w in watches.Where(w => w.Wants(entry.Resource, entry.Namespace))) w.Lines.Writer.TryWrite(entry.Line);
    }
}
