using System.Diagnostics;
using System.Net;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace Compliance.Host.Tests;

/// <summary>
/// infra/k8s as users install it: each kustomization rendered by `kubectl kustomize` (Debian's kubernetes-client, whose
/// kustomize is v2.0.3, when .ci/setup unpacked or installed it) and checked: images pinned, non-root, probes on the
/// paths serve answers, resource requests, the Secret referenced, the ServiceMonitor on the Service's port.
/// </summary>
public sealed class KustomizeTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("compliance-kustomize-").FullName;

    [Theory]
    [InlineData("infra/k8s", false)]
    [InlineData("infra/k8s/production", false)]
    [InlineData("infra/k8s/monitoring", true)]
    public async Task every_kustomization_renders_and_runs_compliance_pinned_unprivileged_probed_and_with_requests(string folder, bool monitored)
    {
        var documents = Render(folder);

        var kinds = documents.Select(d => d["kind"].ToString()).Order(StringComparer.Ordinal).ToList();
        kinds.ShouldBe([.. new[] { "ClusterRole", "ClusterRoleBinding", "ConfigMap", "Deployment", "Namespace", "PersistentVolumeClaim", "Service", "ServiceAccount" }
            .Concat(monitored ? ["ServiceMonitor"] : []).Order(StringComparer.Ordinal)]);
        var deployment = documents.Single(d => d["kind"].ToString() == "Deployment");
        var pod = Map(Map(Map(deployment, "spec"), "template"), "spec");
        Map(pod, "securityContext")["runAsNonRoot"].ToString().ShouldBe("true");
        int.Parse(Map(pod, "securityContext")["runAsUser"].ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        var container = ((YamlSequenceNode)pod["containers"]).Children.Cast<YamlMappingNode>().Single();

        var image = container["image"].ToString();
        var tag = image[(image.LastIndexOf('/') + 1)..];
        (tag.Contains('@', StringComparison.Ordinal) || (tag.Contains(':', StringComparison.Ordinal) && !tag.EndsWith(":latest", StringComparison.Ordinal))).ShouldBeTrue($"{folder}: image {image} is not pinned");
        Map(container, "securityContext")["allowPrivilegeEscalation"].ToString().ShouldBe("false");
        var requests = Map(Map(container, "resources"), "requests");
        requests.Children.Keys.Select(k => k.ToString()).Order().ShouldBe(["cpu", "memory"]);

        var port = ((YamlSequenceNode)container["ports"]).Children.Cast<YamlMappingNode>().Single();
        var paths = new Dictionary<string, string>();
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            var get = Map(Map(container, probe), "httpGet");
            get["port"].ToString().ShouldBe(port["name"].ToString());
            paths[probe] = get["path"].ToString();
        }

        paths["readinessProbe"].ShouldBe("/health/ready");
        paths["livenessProbe"].ShouldBe("/health/live");
        foreach (var path in paths.Values.Distinct()) (await StatusOfAsync(path)).ShouldNotBe(HttpStatusCode.NotFound, $"serve does not answer {path}");
        string.Join(' ', container["args"].AllNodes.Select(n => n.ToString())).ShouldContain($":{port["containerPort"]}");

        var envFrom = ((YamlSequenceNode)container["envFrom"]).Children.Cast<YamlMappingNode>().ToList();
        envFrom.ShouldContain(e => e.Children.ContainsKey("secretRef") && Map(e, "secretRef")["name"].ToString() == "compliance-secrets");
        envFrom.ShouldContain(e => e.Children.ContainsKey("configMapRef") && Map(e, "configMapRef")["name"].ToString() == "compliance-settings");

        var service = documents.Single(d => d["kind"].ToString() == "Service");
        var servicePort = ((YamlSequenceNode)Map(service, "spec")["ports"]).Children.Cast<YamlMappingNode>().Single();
        servicePort["targetPort"].ToString().ShouldBe(port["name"].ToString());
        if (monitored)
        {
            var monitor = documents.Single(d => d["kind"].ToString() == "ServiceMonitor");
            var endpoint = ((YamlSequenceNode)Map(monitor, "spec")["endpoints"]).Children.Cast<YamlMappingNode>().Single();
            endpoint["port"].ToString().ShouldBe(servicePort["name"].ToString());
            endpoint["path"].ToString().ShouldBe("/metrics");
        }
    }

    [Fact]
    public void the_production_overlay_sets_the_eventstoredb_and_rabbitmq_settings_and_requires_the_secret()
    {
        var documents = Render("infra/k8s/production");

        var settings = Map(documents.Single(d => d["kind"].ToString() == "ConfigMap"), "data");
        settings["COMPLIANCE_STORE__KIND"].ToString().ShouldBe("EventStoreDb");
        settings["COMPLIANCE_BUS__TRANSPORT"].ToString().ShouldBe("RabbitMq");
        settings["COMPLIANCE_DATA"].ToString().ShouldBe("/data");
        var deployment = documents.Single(d => d["kind"].ToString() == "Deployment");
        var container = ((YamlSequenceNode)Map(Map(Map(deployment, "spec"), "template"), "spec")["containers"]).Children.Cast<YamlMappingNode>().Single();
        var secret = ((YamlSequenceNode)container["envFrom"]).Children.Cast<YamlMappingNode>().Single(e => e.Children.ContainsKey("secretRef"));
        Map(secret, "secretRef")["optional"].ToString().ShouldBe("false");
    }

    /// <summary>The documents `kubectl kustomize` prints for a folder of the repository.</summary>
    private static List<YamlMappingNode> Render(string folder)
    {
        var start = new ProcessStartInfo(Kubectl(), ["kustomize", Path.Combine(DeploymentTests.Root, folder)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"kubectl kustomize {folder}: {error.Result}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(output.Result));
        return [.. yaml.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    /// <summary>Debian's kubectl as .ci/setup unpacked it into .tools/, else the one on PATH.</summary>
    private static string Kubectl()
    {
        var unpacked = Path.Combine(DeploymentTests.Root, ".tools", "kubernetes-client", "usr", "bin", "kubectl");
        return File.Exists(unpacked) ? unpacked : "kubectl";
    }

    /// <summary>What serve answers on a path (no adapters, the data folder empty): anything but 404 means the path is served.</summary>
    private async Task<HttpStatusCode> StatusOfAsync(string path)
    {
        await using var app = ServeApp.Build([], new ServeOptions("http://127.0.0.1:0", data, Adapters: false));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            return (await http.GetAsync(path)).StatusCode;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}
