using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Verdicts.Catalogs;

namespace Compliance.Domain.Tests.Verdicts;

/// <summary>DOMAIN.md "Exceptions": accepted items are shown as accepted and come back open at expiry or when their subject changes.</summary>
public sealed class ExceptionsTests
{
    private static readonly DateOnly Eol = Date(2026, 10, 28);
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);
    private static readonly DateTimeOffset Requested = Ledger.At(2026, 11, 2, 9);
    private static readonly DateTimeOffset Approved = Requested.AddHours(3);
    private static readonly DateOnly Expires = Date(2027, 1, 15);

    private static readonly ReleaseCatalog Catalog = Of(Product("kubernetes",
        [Cycle("kubernetes", "1.29", eoas: Date(2026, 6, 28), eol: Eol)],
        Patch("kubernetes", "1.29.3", Ledger.At(2025, 12, 1)), Patch("kubernetes", "1.29.4", Ledger.At(2026, 12, 1, 12))));

    private static readonly AcceptedComponent ControlPlane = new("control-plane", ComponentKind.ControlPlane, "kubernetes", "1.29", "v1.29.3");

    private static Ledger Cluster() => new Ledger().Registered(T, owner: "team-billing").ControlPlane("v1.29.3", T.AddDays(1));

    private static Ledger Accepting(Ledger ledger, AcceptedComponent? component = null, AcceptedFinding? finding = null) => ledger
        .Exception(new ExceptionRequested(ledger.ClusterId, "cp-eol", finding, finding is null ? component ?? ControlPlane : null,
            "vendor certification of 1.30 is due in January", Expires, "ops:erin", Requested))
        .Exception(new ExceptionApproved(ledger.ClusterId, "cp-eol", "admin:grace", Approved));

    private static (IReadOnlyList<Finding> Findings, IReadOnlyList<ExceptionVerdict> Exceptions) Judge(Ledger ledger, DateTimeOffset asOf)
    {
        var history = ledger.History();
        var findings = ClusterFindings.Evaluate(history, null, Catalog, PatchLatency.Evaluate(history, Catalog, asOf), DrainReadiness.Evaluate(history, asOf), asOf);
        return (findings, Exceptions.Evaluate(history, findings, asOf));
    }

    private static FindingStatus EolFinding(Ledger ledger, DateTimeOffset asOf)
    {
        var (findings, exceptions) = Judge(ledger, asOf);
        return Exceptions.StatusOf(findings.Single(f => f.Kind == FindingKind.EolComponent), exceptions, asOf);
    }

    [Fact]
    public void an_accepted_finding_is_shown_as_accepted_with_who_accepted_it_why_and_until_when()
    {
        var asOf = Requested.AddDays(10);

        var finding = EolFinding(Accepting(Cluster()), asOf);

        finding.State.ShouldBe(FindingState.Accepted);
        finding.OverdueSince.ShouldBe(Days.StartOf(Eol));
        finding.Owner.ShouldBe("team-billing");
        finding.Accepted.ShouldBe(new Acceptance("cp-eol", "vendor certification of 1.30 is due in January", "ops:erin", "admin:grace", Approved, Expires));
    }

    // Expiry is judged as of a date: on the expiry day itself the item is open again.
    [Theory]
    [InlineData(-1, ExceptionStatus.Accepted, FindingState.Accepted)]
    [InlineData(0, ExceptionStatus.Expired, FindingState.Overdue)]
    [InlineData(40, ExceptionStatus.Expired, FindingState.Overdue)]
    public void an_accepted_item_comes_back_open_on_its_expiry_day(int daysFromExpiry, ExceptionStatus status, FindingState state)
    {
        var asOf = Days.StartOf(Expires.AddDays(daysFromExpiry)).AddHours(12);
        var ledger = Accepting(Cluster());

        var (_, exceptions) = Judge(ledger, asOf);

        exceptions.ShouldHaveSingleItem().Status.ShouldBe(status);
        EolFinding(ledger, asOf).State.ShouldBe(state);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(1, ExceptionStatus.Requested)]
    [InlineData(4, ExceptionStatus.Accepted)]
    [InlineData(24 * 80, ExceptionStatus.Expired)]
    public void an_exception_evaluated_later_seen_as_of_an_earlier_instant_equals_evaluating_then(int hoursAfterRequest, ExceptionStatus? status)
    {
        var ledger = Accepting(Cluster());
        var asOf = Requested.AddHours(hoursAfterRequest);
        var later = Judge(ledger, Requested.AddDays(100)).Exceptions.Single();

        var seen = Exceptions.At(later, asOf);
        var then = Judge(ledger, asOf).Exceptions.SingleOrDefault();

        seen?.Status.ShouldBe(status!.Value);
        (seen is null).ShouldBe(status is null);
        Describe(seen).ShouldBe(Describe(then));
    }

    [Fact]
    public void an_accepted_component_that_moves_to_another_version_is_open_again()
    {
        var moved = Requested.AddDays(20);
        var ledger = Accepting(Cluster()).ControlPlane("v1.29.4", moved);

        var exception = Judge(ledger, moved.AddDays(1)).Exceptions.Single();

        exception.Status.ShouldBe(ExceptionStatus.Lapsed);
        exception.LapsedAt.ShouldBe(moved);
        exception.LapseReason.ShouldBe("control-plane moved from v1.29.3 to v1.29.4 at 2026-11-22 09:00 UTC");
        EolFinding(ledger, moved.AddDays(1)).State.ShouldBe(FindingState.Overdue);
        Judge(ledger, moved.AddHours(-1)).Exceptions.Single().Status.ShouldBe(ExceptionStatus.Accepted);
    }

    [Fact]
    public void an_accepted_finding_raised_again_from_new_evidence_is_open_again()
    {
        var found = Ledger.At(2026, 9, 1);
        var again = Requested.AddDays(15);
        var ledger = Cluster().DrainRisk("pdb/billing/invoice-db", DrainRiskKind.PdbAllowsNoDisruption, found, subject: "billing/invoice-db");
        Accepting(ledger, finding: new AcceptedFinding(FindingKind.PdbAllowsNoDisruption, "billing/invoice-db", found))
            .DrainRiskResolved("pdb/billing/invoice-db", Requested.AddDays(5))
            .DrainRisk("pdb/billing/invoice-db", DrainRiskKind.PdbAllowsNoDisruption, again, subject: "billing/invoice-db");

        var (findings, exceptions) = Judge(ledger, again.AddDays(1));
        var before = Judge(ledger, Requested.AddDays(2));

        exceptions.Single().Status.ShouldBe(ExceptionStatus.Lapsed);
        exceptions.Single().LapsedAt.ShouldBe(again);
        var current = findings.Single(f => f.Kind == FindingKind.PdbAllowsNoDisruption && f.DetectedAt == again);
        Exceptions.StatusOf(current, exceptions, again.AddDays(1)).State.ShouldBe(FindingState.Open);
        var accepted = before.Findings.Single(f => f.Kind == FindingKind.PdbAllowsNoDisruption);
        Exceptions.StatusOf(accepted, before.Exceptions, Requested.AddDays(2)).State.ShouldBe(FindingState.Accepted);
    }

    [Fact]
    public void the_eol_verdict_of_an_accepted_component_carries_the_acceptance_and_keeps_its_level()
    {
        var ledger = Accepting(Cluster());
        var asOf = Requested.AddDays(3);
        var history = ledger.History();
        var (_, exceptions) = Judge(ledger, asOf);

        var verdict = EolRisk.Evaluate(history, Catalog, Days.Of(asOf)).Single(v => v.Kind == ComponentKind.ControlPlane);

        verdict.Level.ShouldBe(EolLevel.Eol);
        Exceptions.Covering(verdict, exceptions).ShouldNotBeNull().ExceptionId.ShouldBe("cp-eol");
        Exceptions.Covering(verdict, [.. exceptions.Select(x => Exceptions.At(x, Requested.AddHours(1))!)]).ShouldBeNull();
    }

    [Theory]
    [InlineData("node/*/kubelet", "node/n1/kubelet", ComponentKind.Kubelet, "kubernetes", true)]
    [InlineData("node/*/kubelet", "node/n1/kernel", ComponentKind.Kernel, "linux-kernel", false)]
    [InlineData("node/n1/kubelet", "node/n2/kubelet", ComponentKind.Kubelet, "kubernetes", false)]
    [InlineData("addon/*/cert-manager", "addon/cert-manager/cert-manager/controller", ComponentKind.AddOn, "cert-manager", true)]
    [InlineData("addon/*/cert-manager", "addon/ingress-nginx/controller/controller", ComponentKind.AddOn, "ingress-nginx", false)]
    [InlineData("control-plane", "control-plane", ComponentKind.ControlPlane, "kubernetes", true)]
    public void an_exception_names_one_component_or_a_group_of_them(string pattern, string componentId, ComponentKind kind, string product, bool names) =>
        Exceptions.Names(pattern, componentId, kind, product).ShouldBe(names);

    private static string Describe(ExceptionVerdict? x) =>
        x is null ? "none" : $"{x.Status} {x.DecidedBy} {x.DecidedAt:O} {x.Approved} {x.LapsedAt:O} {x.Evidence.Count}";
}
