using Compliance.Domain.Policies;

namespace Compliance.Domain.Deciders;

/// <summary>What makes a <see cref="MaintenancePolicy"/> acceptable; the first problem found, or null.</summary>
public static class PolicyValidation
{
    /// <summary>Why a window schedule's cron cannot be a policy's (it does not parse, or restricts both day fields); null when it can.</summary>
    public static string? CronProblem(string? cronText)
    {
        if (!CronExpression.TryParse(cronText ?? "", out var cron, out var cronError)) return cronError;
        return cron.RestrictsBothDays ? BothDaysProblem(cron) : null;
    }

    public static string? Problem(MaintenancePolicy? policy)
    {
        if (policy is null) return "policy is required";
        if (policy.Schedule is null) return "window schedule is required";
        if (CronProblem(policy.Schedule.Cron) is { } cronProblem) return cronProblem;
        if (policy.Schedule.Duration <= TimeSpan.Zero) return $"window duration must be positive, was {policy.Schedule.Duration}";
        if (policy.Schedule.Duration > TimeSpan.FromHours(24)) return $"window duration must be at most 24 hours, was {policy.Schedule.Duration}";
        if (!TimeZones.TryFind(policy.Schedule.TimeZone, out _)) return $"time zone '{policy.Schedule.TimeZone}' does not exist (use an IANA id such as Europe/Berlin)";
        if (policy.Sla is null) return "patch SLA is required";
        if (policy.Sla.Critical <= TimeSpan.Zero) return $"critical patch SLA must be positive, was {policy.Sla.Critical}";
        if (policy.Sla.Other <= TimeSpan.Zero) return $"patch SLA for other patches must be positive, was {policy.Sla.Other}";
        if (policy.NoticeDays < 0) return $"notice days must not be negative, was {policy.NoticeDays}";
        if (policy.StagingSoakDays < 0) return $"staging soak days must not be negative, was {policy.StagingSoakDays}";
        if (policy.Eol is null) return "EOL thresholds are required";
        if (policy.Eol.HighDays <= 0) return $"EOL high threshold must be positive, was {policy.Eol.HighDays} days";
        if (policy.Eol.HighDays >= policy.Eol.MediumDays)
        {
            return $"EOL high threshold ({policy.Eol.HighDays} days) must be below the medium threshold ({policy.Eol.MediumDays} days)";
        }
        if (policy.WindowCadenceDays <= 0) return $"window cadence must be positive, was {policy.WindowCadenceDays} days";
        if (policy.RetrospectiveDays < 0) return $"retrospective days must not be negative, was {policy.RetrospectiveDays}";
        return null;
    }

    /// <summary>
    /// Vixie cron runs such a schedule on days matching either field, Cronos, Quartz and most schedulers that read
    /// cron on days matching both (or refuse it), so a reader cannot tell which days it means.
    /// </summary>
    private static string BothDaysProblem(CronExpression cron)
    {
        var fields = cron.Text.Split(' ');
        return $"window cron '{cron.Text}' restricts both day-of-month ('{fields[2]}') and day-of-week ('{fields[4]}'): "
            + "cron dialects disagree whether that means either day or both; restrict one and write '*' for the other "
            + "(for the first Tuesday, '0 2 * * 2#1')";
    }
}
