using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Versions;

/// <summary>Images of system pods as they run in kube-system, cert-manager, ingress-nginx, logging, monitoring, ...</summary>
public static class RealWorldAddOnImages
{
    private const string Digest = "sha256:42b3f0e5d0846876b1791cd3afeb5f1cbbe4259d6f35651dcc1b5c980925379c";

    /// <summary>image, product, cycle, normalized, build.</summary>
    public static TheoryData<string, string, string, string, string?> Known => new()
    {
        { "quay.io/jetstack/cert-manager-controller:v1.14.4", "cert-manager", "1.14", "1.14.4", null },
        { "quay.io/jetstack/cert-manager-cainjector:v1.14.4", "cert-manager", "1.14", "1.14.4", null },
        { "quay.io/jetstack/cert-manager-webhook:v1.13.3", "cert-manager", "1.13", "1.13.3", null },
        { "quay.io/jetstack/cert-manager-acmesolver:v1.15.1", "cert-manager", "1.15", "1.15.1", null },
        { "docker.io/bitnami/fluent-bit:1.14.4-debian-12-r3", "fluent-bit", "1.14", "1.14.4", "debian-12-r3" },
        { "docker.io/bitnami/fluent-bit:3.0.7-debian-12-r0", "fluent-bit", "3.0", "3.0.7", "debian-12-r0" },
        { $"registry.k8s.io/ingress-nginx/controller:v1.10.0@{Digest}", "ingress-nginx", "1.10", "1.10.0", null },
        { "quay.io/cilium/cilium:v1.15.3", "cilium", "1.15", "1.15.3", null },
        { "quay.io/cilium/operator-generic:v1.15.3", "cilium", "1.15", "1.15.3", null },
        { "quay.io/cilium/hubble-relay:v1.14.9", "cilium", "1.14", "1.14.9", null },
        { "docker.io/calico/node:v3.27.2", "calico", "3.27", "3.27.2", null },
        { "quay.io/calico/cni:v3.27.2", "calico", "3.27", "3.27.2", null },
        { "calico/kube-controllers:v3.26.4", "calico", "3.26", "3.26.4", null },
        { "registry.k8s.io/coredns/coredns:v1.11.1", "coredns", "1.11", "1.11.1", null },
        { "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.11.1-eksbuild.4", "coredns", "1.11", "1.11.1", "eksbuild.4" },
        { "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.29.0-minimal-eksbuild.1", "kubernetes", "1.29", "1.29.0", "minimal-eksbuild.1" },
        { "registry.k8s.io/kube-proxy:v1.29.2", "kubernetes", "1.29", "1.29.2", null },
        { "cr.fluentbit.io/fluent/fluent-bit:2.2.2", "fluent-bit", "2.2", "2.2.2", null },
        { "docker.io/istio/pilot:1.21.0", "istio", "1.21", "1.21.0", null },
        { "docker.io/istio/proxyv2:1.20.3", "istio", "1.20", "1.20.3", null },
        { "ghcr.io/kyverno/kyverno:v1.11.4", "kyverno", "1.11", "1.11.4", null },
        { "ghcr.io/kyverno/background-controller:v1.11.4", "kyverno", "1.11", "1.11.4", null },
        { "quay.io/argoproj/argocd:v2.10.4", "argo-cd", "2.10", "2.10.4", null },
        { "registry.k8s.io/etcd:3.5.12-0", "etcd", "3.5", "3.5.12", "0" },
        { "quay.io/prometheus/prometheus:v2.51.0", "prometheus", "2.51", "2.51.0", null },
        { "docker.io/grafana/grafana:10.4.1", "grafana", "10.4", "10.4.1", null },
        { "ghcr.io/kedacore/keda:2.13.1", "keda", "2.13", "2.13.1", null },
        { "ghcr.io/fluxcd/flux-cli:v2.2.3", "flux", "2.2", "2.2.3", null },
        { "openpolicyagent/gatekeeper:v3.15.1", "gatekeeper", "3.15", "3.15.1", null },
        { "goharbor/harbor-core:v2.10.1", "harbor", "2.10", "2.10.1", null },
        { "quay.io/jcmoraisjr/haproxy-ingress:v0.14.6", "haproxy-ingress", "0.14", "0.14.6", null },
        { "nginx:1.25.4-alpine", "nginx", "1.25", "1.25.4", "alpine" },
        { "registry.k8s.io/nfd/node-feature-discovery:v0.15.4", "kubernetes-node-feature-discovery", "0.15", "0.15.4", null },
        { "registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.10.0", "kubernetes-csi-node-driver-registrar", "2.10", "2.10.0", null },
        { "harbor.example.com/mirror/jetstack/cert-manager-controller:v1.12.9", "cert-manager", "1.12", "1.12.9", null },
    };

    /// <summary>Strings that must stay unknown: kind, raw, product kept (or empty), a phrase the reason contains.</summary>
    public static TheoryData<ComponentKind, string, string, string> Unknown => new()
    {
        { ComponentKind.OsImage, "Container-Optimized OS from Google", "cos", "carries no version" },
        { ComponentKind.OsImage, "CBL-Mariner/Linux", "azure-linux", "carries no version" },
        { ComponentKind.OsImage, "VMware Photon OS/Linux", "photon", "carries no version" },
        { ComponentKind.OsImage, "Debian GNU/Linux trixie/sid", "debian", "no release cycle" },
        { ComponentKind.OsImage, "Garden Linux 1443.3", "", "not a known operating system image" },
        { ComponentKind.AddOn, $"quay.io/jetstack/cert-manager-controller@{Digest}", "cert-manager", "digest only" },
        { ComponentKind.AddOn, "nginx:latest", "nginx", "names no version" },
        { ComponentKind.AddOn, "docker.io/calico/node", "calico", "has no tag" },
        { ComponentKind.AddOn, "ghcr.io/fluxcd/source-controller:v1.2.4", "flux", "versioned apart from the Flux distribution" },
        { ComponentKind.AddOn, "quay.io/tigera/operator:v1.32.5", "", "not a known add-on" },
        { ComponentKind.AddOn, "quay.io/cilium/hubble-ui:v0.13.0", "", "not a known add-on" },
        { ComponentKind.AddOn, "mcr.microsoft.com/oss/kubernetes/azure-cloud-node-manager:v1.29.5", "", "not a known add-on" },
        { ComponentKind.Kernel, "10.0.20348.2340", "windows-server", "Windows build number" },
        { ComponentKind.ContainerRuntime, "1.7.15", "", "names no runtime" },
        { ComponentKind.ContainerRuntime, "containerd://", "containerd", "is not a version" },
        { ComponentKind.ControlPlane, "", "", "empty" },
        { ComponentKind.ControlPlane, "v1.11.0+d4cacc0", "red-hat-openshift", "no OpenShift 4 release" },
        { ComponentKind.ControlPlane, "v1.15.12+1a2b3c4", "red-hat-openshift", "no OpenShift 4 release" },
    };
}
