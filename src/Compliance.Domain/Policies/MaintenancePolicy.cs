namespace Compliance.Domain.Policies;

/// <summary>When maintenance windows recur: a five-field cron expression evaluated in an IANA time zone.</summary>
public sealed record WindowSchedule(string Cron, TimeSpan Duration, string TimeZone);

/// <summary>How fast patches must be applied once released.</summary>
public sealed record PatchSla(TimeSpan Critical, TimeSpan Other)
{
    public static PatchSla Default { get; } = new(TimeSpan.FromHours(72), TimeSpan.FromDays(35));
}

/// <summary>Days before end-of-life at which a component's risk rises to high and medium.</summary>
public sealed record EolThresholds(int HighDays, int MediumDays)
{
    public static EolThresholds Default { get; } = new(30, 90);
}

/// <summary>The promises a platform team makes about one cluster (DOMAIN.md defaults).</summary>
public sealed record MaintenancePolicy(
    WindowSchedule Schedule,
    PatchSla Sla,
    int NoticeDays,
    int StagingSoakDays,
    EolThresholds Eol,
    bool? ExtendedSupport = null,
    int WindowCadenceDays = 31,
    int RetrospectiveDays = 7,
    bool KubernetesMinorIsMajor = true)
{
    public static MaintenancePolicy Default { get; } = new(
        new WindowSchedule("0 2 * * 2#1", TimeSpan.FromHours(4), "Etc/UTC"),
        PatchSla.Default,
        NoticeDays: 30,
        StagingSoakDays: 7,
        EolThresholds.Default);
}
