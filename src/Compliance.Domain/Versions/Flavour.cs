namespace Compliance.Domain.Versions;

/// <summary>How a cluster's Kubernetes is delivered; decides which catalog product rules its support dates.</summary>
public enum Flavour
{
    Upstream,
    Eks,
    Gke,
    Aks,
    OpenShift,
    K3s,
    Rke2,
}
