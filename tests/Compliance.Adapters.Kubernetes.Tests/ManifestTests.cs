using System.Runtime.CompilerServices;
using Compliance.Adapters.Kubernetes.Watching;
using k8s;
using k8s.Models;

namespace Compliance.Adapters.Kubernetes.Tests;

public sealed class ManifestTests
{
    private static string Manifest(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "infra", "k8s", "base", name);

    [Fact]
    public void the_cluster_role_grants_read_only_access_to_exactly_what_the_watcher_reads()
    {
        var role = KubernetesYaml.Deserialize<V1ClusterRole>(File.ReadAllText(Manifest("clusterrole.yaml")));

        var resourceRules = role.Rules.Where(r => r.Resources is { Count: > 0 }).ToList();
        resourceRules.SelectMany(r => r.Verbs).Distinct().Order().ShouldBe(["get", "list", "watch"]);
        var granted = resourceRules.SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.Select(x => (g, x)))).Order().ToList();
        granted.ShouldBe(Resources.Read.Order().ToList());
        granted.ShouldNotContain(g => g.Item2 == "secrets" || g.Item2 == "*" || g.g == "*");
        role.Rules.Where(r => r.NonResourceURLs is { Count: > 0 }).SelectMany(r => r.Verbs).ShouldBe(["get"]);
    }

    [Fact]
    public void the_deployment_runs_serve_in_cluster_under_the_bound_service_account()
    {
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Manifest("deployment.yaml")));
        var binding = KubernetesYaml.Deserialize<V1ClusterRoleBinding>(File.ReadAllText(Manifest("clusterrolebinding.yaml")));
        var account = KubernetesYaml.Deserialize<V1ServiceAccount>(File.ReadAllText(Manifest("serviceaccount.yaml")));

        var pod = deployment.Spec.Template.Spec;
        pod.ServiceAccountName.ShouldBe(account.Metadata.Name);
        binding.Subjects.ShouldHaveSingleItem().Name.ShouldBe(account.Metadata.Name);
        binding.RoleRef.Name.ShouldBe("compliance-watcher");
        var container = pod.Containers.ShouldHaveSingleItem();
        container.Args[0].ShouldBe("serve");
        container.EnvFrom.Select(e => e.ConfigMapRef?.Name).ShouldContain("compliance-settings");
        var settings = KubernetesYaml.Deserialize<V1ConfigMap>(File.ReadAllText(Manifest("configmap.yaml")));
        settings.Data["COMPLIANCE_KUBERNETES__INCLUSTER"].ShouldBe("true");
        container.SecurityContext.ReadOnlyRootFilesystem.ShouldBe(true);
        File.ReadAllText(Manifest("kustomization.yaml")).ShouldContain("clusterrole.yaml");
    }
}
