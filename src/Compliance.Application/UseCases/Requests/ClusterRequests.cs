namespace Compliance.Application.UseCases.Requests;

/// <summary>POST /clusters: register a cluster. Environment: staging|production; flavour: upstream|eks|gke|aks|openShift|k3s|rke2.</summary>
public sealed record RegisterClusterRequest(
    string? ClusterId,
    string? DisplayName,
    string? Environment,
    string? OwnerTeam,
    string? Flavour,
    string? StagingClusterId);

/// <summary>
/// POST /clusters/{id}/policy: the maintenance policy (admin). Windows recur on a five-field cron in an IANA time zone;
/// SLAs in hours (critical) and days (other patches); thresholds and soak periods in days.
/// </summary>
public sealed record SetPolicyRequest(
    string? WindowCron,
    double? WindowHours,
    string? TimeZone,
    double? CriticalSlaHours,
    double? OtherSlaDays,
    int? NoticeDays,
    int? StagingSoakDays,
    int? EolHighDays,
    int? EolMediumDays,
    bool? ExtendedSupport = null,
    int? WindowCadenceDays = null,
    int? RetrospectiveDays = null,
    bool? KubernetesMinorIsMajor = null);

/// <summary>POST /clusters/{id}/emergency-patches: an out-of-band patch for CVEs.</summary>
public sealed record EmergencyPatchRequest(
    string? EmergencyId,
    IReadOnlyList<string?>? CveIds,
    IReadOnlyList<string?>? Products,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt);
