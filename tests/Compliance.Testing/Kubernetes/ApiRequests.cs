using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Compliance.Testing.Kubernetes;

/// <summary>
/// Answers the API server's read paths: <c>/version</c>, discovery (<c>/api</c>, <c>/apis</c>, <c>/apis/{group}/{version}</c>),
/// lists (with <c>limit</c> and <c>continue</c>) and watches (<c>watch=true</c>, <c>resourceVersion</c>,
/// <c>allowWatchBookmarks</c>, <c>timeoutSeconds</c>) of the resources in <see cref="ApiResources"/>.
/// </summary>
internal sealed class ApiRequests(LocalKubernetesApi api)
{

    private readonly ConcurrentDictionary<string, (ApiResource Resource, long ResourceVersion, IReadOnlyList<StoredObject> Remaining)> pages = new();

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString() != "Bearer " + api.Token)
        {
            await WriteStatusAsync(context, 401, "Unauthorized", "Unauthorized");
            return;
        }

                var parts = (request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["version"]:
                await WriteJsonAsync(context, api.VersionJson());
                return;
            case ["api"]:
                await WriteJsonAsync(context, new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") });
                return;
            case ["apis"]:
                await WriteJsonAsync(context, ApiDiscovery.GroupList(api.ClusterApiInstalled));
                return;
            case ["apis", var g, var v]:
                if (ApiDiscovery.ResourceList(g, v, api.ClusterApiInstalled) is { } list) await WriteJsonAsync(context, list);
                else await WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
                return;
        }

        if (Route(parts) is not { } route || (route.Resource.IsClusterApi && !api.ClusterApiInstalled))
        {
            await WriteStatusAsync(context, 404, "NotFound", $"the server could not find the requested resource ({request.Path})");
            return;
        }

        var query = request.Query;
        if (route.Name is { } name)
        {
            if (api.State.Get(route.Resource, route.Namespace, name) is { } one) await WriteRawAsync(context, one.Json);
            else await WriteStatusAsync(context, 404, "NotFound", $"{route.Resource.Plural} \"{name}\" not found");
        }
        else if (query["watch"] is var w && (w == "true" || w == "1"))
        {
            await WatchAsync(context, route.Resource, route.Namespace);
        }
        else
        {
            await ListAsync(context, route.Resource, route.Namespace);
        }
    }

    private static (ApiResource Resource, string? Namespace, string? Name)? Route(string[] parts)
    {
        var (group, version, rest) = parts switch
        {
            ["api", var v, .. var r] => ("", v, r),
            ["apis", var g, var v, .. var r] => (g, v, r),
            _ => ("", "", Array.Empty<string>()),
        };
        return rest switch
        {
            ["namespaces", var ns, var plural] when ApiResources.Find(group, version, plural) is { Namespaced: true } r => (r, ns, null),
            ["namespaces", var ns, var plural, var name] when ApiResources.Find(group, version, plural) is { Namespaced: true } r => (r, ns, name),
            [var plural] when ApiResources.Find(group, version, plural) is { } r => (r, null, null),
            [var plural, var name] when ApiResources.Find(group, version, plural) is { Namespaced: false } r => (r, null, name),
            _ => null,
        };
    }

    private async Task ListAsync(HttpContext context, ApiResource resource, string? ns)
    {
        if (api.ListFails(resource))
        {
            await WriteStatusAsync(context, 503, "ServiceUnavailable", $"listing {resource.Plural} fails (scripted)");
            return;
        }

        var query = context.Request.Query;
        IReadOnlyList<StoredObject> items;
        long rv;
        if (query["continue"].ToString() is { Length: > 0 } token)
        {
            if (!pages.TryRemove(token, out var page) || page.Resource != resource)
            {
                await WriteStatusAsync(context, 410, "Expired", "the provided continue parameter is too old");
                return;
            }
            (items, rv) = (page.Remaining, page.ResourceVersion);
        }
        else
        {
            (items, rv) = api.State.List(resource, ns);
        }

        string? next = null;
        if (int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0 && items.Count > limit)
        {
            next = Guid.NewGuid().ToString("N");
            pages[next] = (resource, rv, items.Skip(limit).ToList());
            items = items.Take(limit).ToList();
        }

        var json = new StringBuilder(64 + items.Sum(i => i.Json.Length + 1));
        json.Append(string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"{{resource.ListKind}}","apiVersion":"{{resource.GroupVersion}}","metadata":{"resourceVersion":"{{rv}}""") + "\"");
        if (next is not null) json.Append(CultureInfo.InvariantCulture, $$""","continue":"{{next}}","remainingItemCount":{{pages[next].Remaining.Count}}""");
        json.Append("},\"items\":[");
        json.AppendJoin(',', items.Select(i => i.Json));
        json.Append("]}");
        await WriteRawAsync(context, json.ToString());
    }

    private async Task WatchAsync(HttpContext context, ApiResource resource, string? ns)
    {
        var query = context.Request.Query;
        long? since = long.TryParse(query["resourceVersion"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rv) && rv > 0 ? rv : null;
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var timeout = int.TryParse(query["timeoutSeconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && t > 0
            ? TimeSpan.FromSeconds(t) : Timeout.InfiniteTimeSpan;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        api.RecordWatch(resource, since);
        var watch = api.State.Subscribe(resource, ns, since);
        if (watch is null)
        {
            var status = Status(410, "Expired", $"too old resource version: {since} ({api.State.ResourceVersion})");
            await WriteLineAsync(context, ApiState.EventLine("ERROR", status.ToJsonString()));
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        stop.CancelAfter(timeout);
        try
        {
            await context.Response.Body.FlushAsync(stop.Token);
            while (!stop.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                idle.CancelAfter(api.BookmarkInterval);
                try
                {
                    if (!await watch.Lines.Reader.WaitToReadAsync(idle.Token)) return;
                    while (watch.Lines.Reader.TryRead(out var line)) await WriteLineAsync(context, line, flush: false);
                    await context.Response.Body.FlushAsync(stop.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    if (bookmarks) await WriteLineAsync(context, Bookmark(resource, api.State.ResourceVersion));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the client went away or the timeout passed: the watch ends as the real server ends it
        }
        finally
        {
            api.State.Unsubscribe(watch);
        }
    }

    private static string Bookmark(ApiResource resource, long rv) => ApiState.EventLine("BOOKMARK",
        $$"""{"kind":"{{resource.Kind}}","apiVersion":"{{resource.GroupVersion}}","metadata":{"resourceVersion":"{{rv}}","annotations":{"k8s.io/initial-events-end":"true"}""" + "}}");

    internal static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure",
        ["message"] = message, ["reason"] = reason, ["code"] = code,
    };

    private static async Task WriteStatusAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        await WriteJsonAsync(context, Status(code, reason, message));
    }

    private static Task WriteJsonAsync(HttpContext context, JsonObject json) => WriteRawAsync(context, json.ToJsonString());

    private static async Task WriteRawAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static async Task WriteLineAsync(HttpContext context, string line, bool flush = true)
    {
        await context.Response.WriteAsync(line + "\n", context.RequestAborted);
        if (flush) await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
