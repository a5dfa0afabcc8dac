using System.Globalization;
using System.Reflection;
using Compliance.Adapters.Kubernetes;
using Compliance.Adapters.Messaging.Bus;
using Compliance.Adapters.Messaging.Catalog;
using Compliance.Host.Api;
using Compliance.Host.Composition;
using Compliance.Host.Serve;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YamlDotNet.RepresentationModel;

namespace Compliance.Host.Tests;

/// <summary>No Docker engine runs here: the deployment files are read and checked against what the service reads.</summary>
public sealed class DeploymentTests : IDisposable
{
    /// <summary>The repository: the folder holding Compliance.sln.</summary>
    internal static readonly string Root = FindRoot();
    private readonly string _data = Directory.CreateTempSubdirectory("compliance-deploy-").FullName;

    /// <summary>The options classes serve binds, by configuration section.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Store"] = typeof(StoreOptions),
        ["Bus"] = typeof(BusOptions),
        ["Kubernetes"] = typeof(KubernetesOptions),
        ["Catalog"] = typeof(CatalogRefreshOptions),
        ["Api"] = typeof(ApiSettings),
    };

    /// <summary>Keys read straight from configuration (Settings.DataDirectory, the reports' organisation).</summary>
    private static readonly HashSet<string> PlainKeys = new(StringComparer.OrdinalIgnoreCase) { "Data", "Organisation" };

    [Fact]
    public void the_compose_file_runs_eventstoredb_rabbitmq_and_compliance_on_pinned_images_with_health_checks_and_volumes()
    {
        var compose = Load("docker-compose.yml");
        var services = (YamlMappingNode)compose["services"];
        var declaredVolumes = ((YamlMappingNode)compose["volumes"]).Children.Keys.Select(k => k.ToString()).ToHashSet();

        services.Children.Keys.Select(k => k.ToString()).Order().ShouldBe(["compliance", "eventstoredb", "rabbitmq"]);
        foreach (var (name, node) in services.Children.Select(c => (c.Key.ToString(), (YamlMappingNode)c.Value)))
        {
            var image = node["image"].ToString();
            var tag = image[(image.LastIndexOf('/') + 1)..].Split(':');
            tag.Length.ShouldBe(2, $"{name}: image '{image}' has no tag");
            tag[1].ShouldNotBe("latest", $"{name}: image '{image}' is not pinned");
            ((YamlSequenceNode)((YamlMappingNode)node["healthcheck"])["test"]).Children.Count.ShouldBeGreaterThan(1, $"{name}: no health check");
            var volumes = ((YamlSequenceNode)node["volumes"]).Children.Select(v => v.ToString().Split(':')[0]).ToList();
            volumes.ShouldNotBeEmpty($"{name}: no volume");
            volumes.ShouldAllBe(v => declaredVolumes.Contains(v), $"{name}: a volume is not declared at the top level");
        }

        services.Children.Values.Select(s => ((YamlMappingNode)s)["image"].ToString()).ShouldContain("eventstore/eventstore:23.10.6-bookworm-slim");
        var esdb = Environment(services, "eventstoredb");
        esdb["EVENTSTORE_INSECURE"].ShouldBe("true");
        var build = (YamlMappingNode)((YamlMappingNode)services["compliance"])["build"];
        File.Exists(Path.Combine(Root, build["context"].ToString(), build["dockerfile"].ToString())).ShouldBeTrue();
    }

    [Fact]
    public void the_dockerfile_publishes_self_contained_in_two_stages_and_runs_unprivileged_with_a_liveness_health_check()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "infra", "docker", "Dockerfile")).Select(l => l.Trim()).ToList();

        lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ShouldBe(
            ["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0"]);
        lines.ShouldContain(l => l.Contains("dotnet publish", StringComparison.Ordinal) && l.Contains("--self-contained", StringComparison.Ordinal));
        lines.ShouldContain("ENTRYPOINT [\"/app/compliance\"]");
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        user.ShouldNotBe("USER root");
        user.ShouldNotBe("USER 0");
        lines.IndexOf(user).ShouldBeGreaterThan(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        string.Join('\n', lines).ShouldContain("HEALTHCHECK");
        lines.ShouldContain(l => l.Contains("/health/live", StringComparison.Ordinal));
    }

    [Fact]
    public void the_image_is_built_from_the_product_alone_without_the_tests()
    {
        var copies = File.ReadAllLines(Path.Combine(Root, "infra", "docker", "Dockerfile")).Select(l => l.Trim()).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)).ToList();

        copies.ShouldContain("COPY src/ src/");
        copies.ShouldAllBe(l => !l.Contains("tests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task every_setting_the_compose_file_and_the_k8s_config_map_give_compliance_is_one_serve_reads()
    {
        var settings = Environment((YamlMappingNode)Load("docker-compose.yml")["services"], "compliance");
        var configMaps = new[] { "base", "production" }.SelectMany(overlay => ((YamlMappingNode)Load(Path.Combine("infra", "k8s", overlay, "configmap.yaml"))["data"]).Children);

        foreach (var (key, value) in settings.Concat(configMaps.Select(c => new KeyValuePair<string, string>(c.Key.ToString(), c.Value.ToString()))))
        {
            key.ShouldStartWith(Settings.Prefix, Case.Sensitive);
            var path = key[Settings.Prefix.Length..].Split("__");
            if (path.Length == 1)
            {
                PlainKeys.ShouldContain(path[0], $"{key} is not a setting compliance reads");
                continue;
            }

            Sections.ShouldContainKey(path[0], $"{key}: no options section {path[0]}");
            Property(Sections[path[0]], path[1..]).ShouldNotBeNull($"{key} is not a setting compliance reads");
        }

        // And bound as serve binds them, the options see the values (the store one validated as at start).
        await using var app = ServeApp.Build([.. settings.Where(s => s.Key != "COMPLIANCE_DATA").Select(s => $"--Compliance:{s.Key[Settings.Prefix.Length..].Replace("__", ":", StringComparison.Ordinal)}={s.Value}")],
            new ServeOptions("http://127.0.0.1:0", _data));
        var bound = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            ["Store"] = app.Services.GetRequiredService<IOptions<StoreOptions>>().Value,
            ["Bus"] = app.Services.GetRequiredService<IOptions<BusOptions>>().Value,
            ["Kubernetes"] = app.Services.GetRequiredService<IOptions<KubernetesOptions>>().Value,
        };
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        foreach (var (key, value) in settings)
        {
            var path = key[Settings.Prefix.Length..].Split("__");
            if (path.Length == 1)
            {
                if (key != "COMPLIANCE_DATA") configuration[$"Compliance:{path[0]}"].ShouldBe(value);
                continue;
            }

            var seen = path[1..].Aggregate(bound[path[0]], (o, name) => Property(o.GetType(), [name])!.GetValue(o)!);
            var text = Convert.ToString(seen, CultureInfo.InvariantCulture);
            string.Equals(text, value, StringComparison.OrdinalIgnoreCase).ShouldBeTrue($"{key}: the options hold '{text}', the compose file says '{value}'");
        }
    }

    private static PropertyInfo? Property(Type type, IReadOnlyList<string> path)
    {
        PropertyInfo? property = null;
        foreach (var name in path)
        {
            property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite) return null;
            type = property.PropertyType;
        }

        return property;
    }

    private static Dictionary<string, string> Environment(YamlMappingNode services, string service) =>
        ((YamlMappingNode)((YamlMappingNode)services[service])["environment"]).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());

    private static YamlMappingNode Load(string relative)
    {
        using var reader = new StreamReader(Path.Combine(Root, relative));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>The repository: above the test binaries, or (with --artifacts-path elsewhere) above this source file.</summary>
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln"))) return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Compliance.sln not found above {AppContext.BaseDirectory} or {source}");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
