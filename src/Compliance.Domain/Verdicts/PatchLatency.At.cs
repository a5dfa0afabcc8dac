namespace Compliance.Domain.Verdicts;

public static partial class PatchLatency
{
    /// <summary>
    /// A verdict computed later, seen as it stood at <paramref name="asOf"/>: null when the patch was not released yet;
    /// not applied (and without the evidence of the application) when it was applied after <paramref name="asOf"/>; status and age as of that instant. A patch is applied
    /// at the first instant every instance ran it, which does not depend on what came after, so this equals evaluating the
    /// history up to <paramref name="asOf"/>.
    /// </summary>
    public static PatchLatencyVerdict? At(PatchLatencyVerdict verdict, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.ReleasedAt > asOf) return null;
        var applied = verdict.AppliedAt <= asOf ? verdict.AppliedAt : null;
        var status = applied is { } a
            ? a <= verdict.DueAt ? SlaStatus.Met : SlaStatus.Breached
            : asOf > verdict.DueAt ? SlaStatus.Breached : SlaStatus.Open;
        return verdict with
        {
            AppliedAt = applied,
            Latency = Since(verdict.ClockFrom, applied),
            Age = Since(verdict.ClockFrom, applied ?? asOf)!.Value,
            Status = status,
            Evidence = applied is null ? null : verdict.Evidence,
        };
    }
}
