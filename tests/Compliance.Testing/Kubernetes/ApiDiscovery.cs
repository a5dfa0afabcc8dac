using System.Text.Json.Nodes;

namespace Compliance.Testing.Kubernetes;

/// <summary>Discovery documents: <c>/apis</c> (APIGroupList) and <c>/apis/{group}/{version}</c> (APIResourceList), the Cluster API groups only when installed.</summary>
internal static class ApiDiscovery
{
    public static JsonObject GroupList(bool clusterApiInstalled)
    {
        var groups = ApiResources.All
            .Where(r => r.Group.Length > 0 && (!r.IsClusterApi || clusterApiInstalled))
            .GroupBy(r => r.Group)
            .Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g.Key,
                ["versions"] = new JsonArray(g.Select(r => r.Version).Distinct()
                    .Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{g.Key}/{v}", ["version"] = v }).ToArray()),
                ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{g.Key}/{g.First().Version}", ["version"] = g.First().Version },
            });
        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = new JsonArray(groups.ToArray()) };
    }

    /// <summary>The group version's resources, or null when it is not served.</summary>
    public static JsonObject? ResourceList(string group, string version, bool clusterApiInstalled)
    {
        var resources = ApiResources.All.Where(r => r.Group == group && r.Version == version && (!r.IsClusterApi || clusterApiInstalled)).ToList();
        if (resources.Count == 0) return null;
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = $"{group}/{version}",
            ["resources"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural, ["singularName"] = r.Kind.ToLowerInvariant(), ["namespaced"] = r.Namespaced, ["kind"] = r.Kind,
                ["verbs"] = new JsonArray("get", "list", "watch"),
            }).ToArray()),
        };
    }
}
