namespace Compliance.Domain.Versions;

public static class VersionChanges
{
    public static ChangeKind Classify(ObservedVersion from, ObservedVersion to, bool kubernetesMinorIsMajor = true) => ChangeKind.Unknown;
}
