using Compliance.Domain.Verdicts;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Domain.Tests.Verdicts;

/// <summary>Finding texts say what happened in words (the subject used to read "ControlPlane kubernetes at 2026-12-03T18:27:48Z").</summary>
public sealed class FindingTextTests
{
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);
    private static readonly DateTimeOffset S = Ledger.At(2026, 12, 3, 18, 27);

    public enum Case
    {
        ControlPlaneChanged,
        AddOnChanged,
        KubeletsChanged,
        StagingNeverRanIt,
        StagingRanItBriefly,
        WindowMissed,
    }

    private static Finding Judge(Case c)
    {
        var cluster = new Ledger().Registered(T, staging: "stg").ControlPlane("v1.34.2", T).Node("a", "v1.34.2", T).Node("b", "v1.34.2", T)
            .AddOn("cert-manager", "controller", "quay.io/jetstack/cert-manager-controller:v1.16.1", "cert-manager", T, ns: "cert-manager");
        var staging = new Ledger("stg").Registered(T, environment: Environment.Staging).ControlPlane("v1.34.2", T);
        var (ledger, kind) = c switch
        {
            Case.ControlPlaneChanged => (cluster.ControlPlane("v1.34.3", S), FindingKind.UnrecordedChange),
            Case.AddOnChanged => (cluster.AddOn("cert-manager", "controller", "quay.io/jetstack/cert-manager-controller:v1.16.2", "cert-manager", S, ns: "cert-manager"),
                FindingKind.UnrecordedChange),
            Case.KubeletsChanged => (cluster.Node("a", "v1.34.3", S).Node("b", "v1.34.3", S.AddMinutes(12)), FindingKind.UnrecordedChange),
            Case.StagingNeverRanIt => (cluster.ControlPlane("v1.35.3", S), FindingKind.StagingSkipped),
            Case.StagingRanItBriefly => (cluster.ControlPlane("v1.35.3", S), FindingKind.StagingSkipped),
            Case.WindowMissed => (cluster.Scheduled("mw-2026-12", S, at: S.AddDays(-30)), FindingKind.MissedWindow),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
        if (c == Case.StagingRanItBriefly) staging.ControlPlane("v1.35.3", S.AddDays(-2));
        return ProcessChecks.Evaluate(ledger.History(), staging.History(), S.AddDays(1))
            .Where(f => f.Kind == kind && (kind != FindingKind.UnrecordedChange || f.DetectedAt == S))
            .Where(f => c != Case.KubeletsChanged || f.Subject.StartsWith("kubelet ", StringComparison.Ordinal))
            .ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(Case.ControlPlaneChanged, "control plane kubernetes changed 2026-12-03 18:27 UTC",
        "control plane kubernetes changed from 1.34.2 to 1.34.3 at 2026-12-03 18:27 UTC with no maintenance window open and no emergency patch recorded for it")]
    [InlineData(Case.AddOnChanged, "add-on cert-manager changed 2026-12-03 18:27 UTC",
        "add-on cert-manager changed from 1.16.1 to 1.16.2 at 2026-12-03 18:27 UTC")]
    [InlineData(Case.KubeletsChanged, "kubelet kubernetes changed 2026-12-03 18:27 UTC", "from 1.34.2 to 1.34.3 on 2 kubelets at 2026-12-03 18:27 UTC")]
    [InlineData(Case.StagingNeverRanIt, "control-plane 1.35.3",
        "production took control plane 1.35.3 at 2026-12-03 18:27 UTC though staging stg had never run it (or a later 1.35 patch); the soak is 7 days")]
    [InlineData(Case.StagingRanItBriefly, "control-plane 1.35.3", "after staging stg had run it for 2 days; the soak is 7 days")]
    [InlineData(Case.WindowMissed, "mw-2026-12", "window mw-2026-12 (2026-12-03 18:27 UTC to 2026-12-03 22:27 UTC) was scheduled and not started by its end")]
    public void a_finding_says_what_happened_in_words(Case c, string subject, string detail)
    {
        var finding = Judge(c);

        finding.Subject.ShouldBe(subject);
        finding.Detail.ShouldContain(detail);
        finding.Subject.ShouldNotContain("T18:27:48Z");
    }
}
