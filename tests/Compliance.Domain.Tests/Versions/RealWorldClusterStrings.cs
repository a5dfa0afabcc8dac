using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Versions;

/// <summary>Version strings as EKS, GKE, AKS, OpenShift, k3s, RKE2 and kubeadm clusters report them.</summary>
public static class RealWorldClusterStrings
{
    /// <summary>kind, raw, flavour hint, product, cycle, normalized, build.</summary>
    public static TheoryData<ComponentKind, string, Flavour?, string, string, string, string?> Known => new()
    {
        // control plane, kubelet and kube-proxy gitVersions
        { ComponentKind.ControlPlane, "v1.29.3-eks-adc7111", null, "amazon-eks", "1.29", "1.29.3", "eks-adc7111" },
        { ComponentKind.Kubelet, "v1.29.0-eks-5e0fdde", null, "amazon-eks", "1.29", "1.29.0", "eks-5e0fdde" },
        { ComponentKind.ControlPlane, "v1.30.4-eks-a737599", Flavour.Eks, "amazon-eks", "1.30", "1.30.4", "eks-a737599" },
        { ComponentKind.KubeProxy, "v1.28.11-eks-f8587cb", null, "amazon-eks", "1.28", "1.28.11", "eks-f8587cb" },
        { ComponentKind.ControlPlane, "v1.30.1", Flavour.Eks, "amazon-eks", "1.30", "1.30.1", null },
        { ComponentKind.ControlPlane, "v1.27.8-gke.1067004", null, "google-kubernetes-engine", "1.27", "1.27.8-gke.1067004", "gke.1067004" },
        { ComponentKind.Kubelet, "v1.29.6-gke.1254000", Flavour.Gke, "google-kubernetes-engine", "1.29", "1.29.6-gke.1254000", "gke.1254000" },
        { ComponentKind.ControlPlane, "v1.30.3-gke.1969001", null, "google-kubernetes-engine", "1.30", "1.30.3-gke.1969001", "gke.1969001" },
        { ComponentKind.ControlPlane, "v1.29.2", Flavour.Aks, "azure-kubernetes-service", "1.29", "1.29.2", null },
        { ComponentKind.Kubelet, "v1.28.9", Flavour.Aks, "azure-kubernetes-service", "1.28", "1.28.9", null },
        { ComponentKind.KubeProxy, "v1.30.0", Flavour.Aks, "azure-kubernetes-service", "1.30", "1.30.0", null },
        { ComponentKind.ControlPlane, "v1.27.10+c79e5e2", null, "red-hat-openshift", "4.14", "1.27.10", "c79e5e2" },
        { ComponentKind.Kubelet, "v1.29.6+aa66fa5", Flavour.OpenShift, "red-hat-openshift", "4.16", "1.29.6", "aa66fa5" },
        { ComponentKind.ControlPlane, "v1.25.16+9946c63", null, "red-hat-openshift", "4.12", "1.25.16", "9946c63" },
        { ComponentKind.ControlPlane, "v1.28.5+k3s1", null, "kubernetes", "1.28", "1.28.5+k3s1", "k3s1" },
        { ComponentKind.Kubelet, "v1.29.4+k3s1", Flavour.K3s, "kubernetes", "1.29", "1.29.4+k3s1", "k3s1" },
        { ComponentKind.ControlPlane, "v1.30.2+rke2r1", null, "kubernetes", "1.30", "1.30.2+rke2r1", "rke2r1" },
        { ComponentKind.Kubelet, "v1.28.10+rke2r1", Flavour.Rke2, "kubernetes", "1.28", "1.28.10+rke2r1", "rke2r1" },
        { ComponentKind.ControlPlane, "v1.29.2", null, "kubernetes", "1.29", "1.29.2", null },
        { ComponentKind.ControlPlane, "v1.30.0-rc.1", null, "kubernetes", "1.30", "1.30.0-rc.1", null },
        { ComponentKind.ControlPlane, "v1.31.0-alpha.3", null, "kubernetes", "1.31", "1.31.0-alpha.3", null },
        { ComponentKind.ControlPlane, "v1.26.5+vmware.2", null, "kubernetes", "1.26", "1.26.5", "vmware.2" },
        // nodeInfo.osImage
        { ComponentKind.OsImage, "Ubuntu 22.04.4 LTS", null, "ubuntu", "22.04", "22.04.4", null },
        { ComponentKind.OsImage, "Ubuntu 20.04.6 LTS", null, "ubuntu", "20.04", "20.04.6", null },
        { ComponentKind.OsImage, "Ubuntu 24.04 LTS", null, "ubuntu", "24.04", "24.04", null },
        { ComponentKind.OsImage, "Debian GNU/Linux 12 (bookworm)", null, "debian", "12", "12", null },
        { ComponentKind.OsImage, "Debian GNU/Linux 11 (bullseye)", null, "debian", "11", "11", null },
        { ComponentKind.OsImage, "Red Hat Enterprise Linux 8.9 (Ootpa)", null, "rhel", "8", "8.9", null },
        { ComponentKind.OsImage, "Red Hat Enterprise Linux CoreOS 415.92.202402201450-0 (Plow)", null, "rhel", "9", "9.2", "415.92.202402201450-0" },
        { ComponentKind.OsImage, "Red Hat Enterprise Linux CoreOS 412.86.202306132230-0 (Ootpa)", null, "rhel", "8", "8.6", "412.86.202306132230-0" },
        { ComponentKind.OsImage, "Red Hat Enterprise Linux CoreOS 9.6.20250523-0 (Plow)", null, "rhel", "9", "9.6", "9.6.20250523-0" },
        { ComponentKind.OsImage, "Rocky Linux 9.3 (Blue Onyx)", null, "rocky-linux", "9", "9.3", null },
        { ComponentKind.OsImage, "AlmaLinux 9.3 (Shamrock Pampas Cat)", null, "almalinux", "9", "9.3", null },
        { ComponentKind.OsImage, "Amazon Linux 2", null, "amazon-linux", "2", "2", null },
        { ComponentKind.OsImage, "Amazon Linux 2023.6.20241010", null, "amazon-linux", "2023", "2023.6.20241010", null },
        { ComponentKind.OsImage, "Bottlerocket OS 1.19.2 (aws-k8s-1.29)", null, "bottlerocket", "1.19", "1.19.2", "aws-k8s-1.29" },
        { ComponentKind.OsImage, "Flatcar Container Linux by Kinvolk 3815.2.1 (Oklo)", null, "flatcar", "3815", "3815.2.1", null },
        { ComponentKind.OsImage, "Talos (v1.6.7)", null, "talos", "1.6", "1.6.7", null },
        { ComponentKind.OsImage, "SUSE Linux Enterprise Server 15 SP5", null, "sles", "15.5", "15.5", null },
        { ComponentKind.OsImage, "Oracle Linux Server 8.9", null, "oracle-linux", "8", "8.9", null },
        { ComponentKind.OsImage, "CentOS Stream 9", null, "centos-stream", "9", "9", null },
        { ComponentKind.OsImage, "Microsoft Azure Linux 3.0", null, "azure-linux", "3.0", "3.0", null },
        { ComponentKind.OsImage, "Windows Server 2022 Datacenter", null, "windows-server", "2022", "2022", null },
        { ComponentKind.OsImage, "Fedora CoreOS 39.20240210.3.0", null, "fedora", "39", "39", null },
        // nodeInfo.kernelVersion
        { ComponentKind.Kernel, "5.15.0-1057-azure", null, "linux-kernel", "5.15", "5.15.0", "1057-azure" },
        { ComponentKind.Kernel, "6.1.0-18-amd64", null, "linux-kernel", "6.1", "6.1.0", "18-amd64" },
        { ComponentKind.Kernel, "5.10.210-201.852.amzn2.x86_64", null, "linux-kernel", "5.10", "5.10.210", "201.852.amzn2.x86_64" },
        { ComponentKind.Kernel, "6.1.58+", null, "linux-kernel", "6.1", "6.1.58", "+" },
        { ComponentKind.Kernel, "6.8.0-1008-gke", null, "linux-kernel", "6.8", "6.8.0", "1008-gke" },
        { ComponentKind.Kernel, "5.14.0-362.24.1.el9_3.x86_64", null, "linux-kernel", "5.14", "5.14.0", "362.24.1.el9_3.x86_64" },
        { ComponentKind.Kernel, "6.6.30", null, "linux-kernel", "6.6", "6.6.30", null },
        { ComponentKind.Kernel, "6.1.79-99.164.amzn2023.x86_64", null, "linux-kernel", "6.1", "6.1.79", "99.164.amzn2023.x86_64" },
        { ComponentKind.Kernel, "6.6.22-talos", null, "linux-kernel", "6.6", "6.6.22", "talos" },
        { ComponentKind.Kernel, "5.15.153.1-2.cm2", null, "linux-kernel", "5.15", "5.15.153.1", "2.cm2" },
        { ComponentKind.Kernel, "5.14.0-284.54.1.el9_2.x86_64", null, "linux-kernel", "5.14", "5.14.0", "284.54.1.el9_2.x86_64" },
        { ComponentKind.Kernel, "6.1.77-flatcar", null, "linux-kernel", "6.1", "6.1.77", "flatcar" },
        { ComponentKind.Kernel, "4.18.0-513.11.1.el8_9.x86_64", null, "linux-kernel", "4.18", "4.18.0", "513.11.1.el8_9.x86_64" },
        { ComponentKind.Kernel, "5.14.21-150500.55.52-default", null, "linux-kernel", "5.14", "5.14.21", "150500.55.52-default" },
        // nodeInfo.containerRuntimeVersion
        { ComponentKind.ContainerRuntime, "containerd://1.7.15", null, "containerd", "1.7", "1.7.15", null },
        { ComponentKind.ContainerRuntime, "containerd://1.7.15-1", null, "containerd", "1.7", "1.7.15", "1" },
        { ComponentKind.ContainerRuntime, "containerd://2.0.0-rc.1", null, "containerd", "2.0", "2.0.0-rc.1", null },
        { ComponentKind.ContainerRuntime, "cri-o://1.28.1", null, "cri-o", "1.28", "1.28.1", null },
        { ComponentKind.ContainerRuntime, "docker://24.0.7", null, "docker-engine", "24.0", "24.0.7", null },
        { ComponentKind.ContainerRuntime, "containerd://1.7.11-k3s2", null, "containerd", "1.7", "1.7.11", "k3s2" },
        { ComponentKind.ContainerRuntime, "containerd://1.6.28+bottlerocket", null, "containerd", "1.6", "1.6.28", "bottlerocket" },
        { ComponentKind.ContainerRuntime, "cri-o://1.27.4-4.rhaos4.14.gitd4cd2ad.el9", null, "cri-o", "1.27", "1.27.4", "4.rhaos4.14.gitd4cd2ad.el9" },
        { ComponentKind.ContainerRuntime, "docker://20.10.25", null, "docker-engine", "20.10", "20.10.25", null },
        { ComponentKind.ContainerRuntime, "docker://19.3.15", null, "docker-engine", "19.03", "19.3.15", null },
    };
}
