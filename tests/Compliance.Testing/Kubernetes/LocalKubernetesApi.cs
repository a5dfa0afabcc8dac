using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compliance.Testing.Kubernetes;

/// <summary>
/// A local Kubernetes API server for tests: Kestrel on 127.0.0.1 (a free port, kept across stop and start), serving
/// the read paths of <see cref="ApiRequests"/> from <see cref="ApiState"/>, with a generated kubeconfig file that the
/// real KubernetesClient loads. Tests script changes (<see cref="Put"/>, <see cref="Delete"/>), expire the watch
/// history (410 Gone), inject malformed watch lines and stop or restart the server.
/// </summary>
internal sealed class LocalKubernetesApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<(ApiResource Resource, long? Since)> watches = new();
    private readonly ConcurrentDictionary<ApiResource, bool> failingLists = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "compliance-kube-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;
    private int port;
    private volatile string gitVersion = "v1.29.3";

    private LocalKubernetesApi(int historyLimit, TimeSpan bookmarkInterval)
    {
        State = new ApiState(historyLimit);
        BookmarkInterval = bookmarkInterval;
        Directory.CreateDirectory(folder);
    }

    public ApiState State { get; }

    public string Token { get; } = "test-token-" + Guid.NewGuid().ToString("N")[..8];

    public TimeSpan BookmarkInterval { get; }

    /// <summary>Whether the Cluster API groups are served (discovery lists them and their paths answer).</summary>
    public bool ClusterApiInstalled { get; set; }

    public Uri Url => new($"http://127.0.0.1:{port}");

    public bool IsRunning => app is not null;

    /// <summary>Every watch opened so far: which resource and from which resourceVersion (null: from now).</summary>
    public IReadOnlyList<(ApiResource Resource, long? Since)> Watches => [.. watches];

    public static async Task<LocalKubernetesApi> StartAsync(int historyLimit = 100_000, TimeSpan? bookmarkInterval = null)
    {
        var api = new LocalKubernetesApi(historyLimit, bookmarkInterval ?? TimeSpan.FromSeconds(1));
        await api.StartAsync();
        return api;
    }

    /// <summary>Starts (or restarts on the same port) the HTTP server.</summary>
    public async Task StartAsync()
    {
        if (app is not null) return;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var web = builder.Build();
        var requests = new ApiRequests(this);
        web.Run(requests.HandleAsync);
        await web.StartAsync();
        if (port == 0)
        {
            var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            port = new Uri(address).Port;
        }

        app = web;
    }

    /// <summary>Stops the HTTP server, ending every open watch; the objects stay for a later <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (app is not { } web) return;
        app = null;
        State.CloseWatches();
        await web.StopAsync();
        await web.DisposeAsync();
    }

    /// <summary>Writes a kubeconfig whose current context (named <paramref name="context"/>) points at this server.</summary>
    public string WriteKubeconfig(string context = "local-test") =>
        WriteKubeconfig(Path.Combine(folder, $"kubeconfig-{context}.yaml"), [(context, this)]);

    /// <summary>Writes a kubeconfig with one context per server (the first is the current one).</summary>
    public static string WriteKubeconfig(string path, IReadOnlyList<(string Context, LocalKubernetesApi Api)> contexts)
    {
        var text = new System.Text.StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        foreach (var (context, api) in contexts) text.Append($"- name: {context}\n  cluster:\n    server: {api.Url.ToString().TrimEnd('/')}\n");
        text.Append("users:\n");
        foreach (var (context, api) in contexts) text.Append($"- name: {context}\n  user:\n    token: {api.Token}\n");
        text.Append("contexts:\n");
        foreach (var (context, _) in contexts) text.Append($"- name: {context}\n  context:\n    cluster: {context}\n    user: {context}\n");
        text.Append($"current-context: {contexts[0].Context}\n");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Sets what <c>GET /version</c> answers.</summary>
    public void SetVersion(string version) => gitVersion = version;

    public StoredObject Put(JsonObject obj) => State.Put(obj);

    public bool Delete(ApiResource resource, string? ns, string name) => State.Delete(resource, ns, name);

    public void ExpireHistory() => State.ExpireHistory();

    /// <summary>Lists of <paramref name="resource"/> answer 503 while <paramref name="failing"/> (the other paths keep working).</summary>
    public void FailLists(ApiResource resource, bool failing = true)
    {
        if (failing) failingLists[resource] = true;
        else failingLists.TryRemove(resource, out _);
    }

    internal bool ListFails(ApiResource resource) => failingLists.ContainsKey(resource);

    internal void RecordWatch(ApiResource resource, long? since) => watches.Enqueue((resource, since));

    internal JsonObject VersionJson()
    {
        var version = gitVersion;
        var core = version.TrimStart('v').Split('.', '-', '+');
        return new JsonObject
        {
            ["major"] = core.ElementAtOrDefault(0) ?? "",
            ["minor"] = core.ElementAtOrDefault(1) ?? "",
            ["gitVersion"] = version,
            ["gitCommit"] = "6813625b7cd706db5bc7388921be03071e1a492d",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2024-03-15T00:00:00Z",
            ["goVersion"] = "go1.21.8",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
