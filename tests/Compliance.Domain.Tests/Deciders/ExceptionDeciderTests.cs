using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Deciders;

/// <summary>DOMAIN.md "Exceptions": an operator requests, a different admin decides; repeats record nothing.</summary>
public sealed class ExceptionDeciderTests
{
    private const string Cluster = "billing-prod";
    private const string Id = "cp-eol";
    private const string Operator = "ops:erin";
    private const string Admin = "admin:grace";

    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Expires = new(2027, 2, 1);
    private static readonly AcceptedComponent ControlPlane = new("control-plane", ComponentKind.ControlPlane, "kubernetes", "1.32", "v1.32.9");
    private static readonly AcceptedFinding Pdb = new(FindingKind.PdbAllowsNoDisruption, "billing/invoice-db", Now.AddDays(-90));
    private const string Reason = "vendor certification of 1.33 is due in January; the API server is reachable from the VPN only";

    private static RequestException Request(AcceptedComponent? component = null, AcceptedFinding? finding = null, DateOnly? expires = null, string reason = Reason,
        string? unmatched = null, DateTimeOffset? now = null) =>
        new(Cluster, Id, finding, finding is null && unmatched is null ? component ?? ControlPlane : component, unmatched, reason, expires ?? Expires, Operator, now ?? Now);

    private static ExceptionRequested Requested(AcceptedFinding? finding = null) =>
        new(Cluster, Id, finding, finding is null ? ControlPlane : null, Reason, Expires, Operator, Now);

    [Fact]
    public void an_operator_requests_acceptance_of_a_components_risk_with_a_reason_and_an_expiry() =>
        Spec.Exceptions().When(Request()).Then(Requested());

    [Fact]
    public void an_operator_requests_acceptance_of_one_finding() =>
        Spec.Exceptions().When(Request(finding: Pdb)).Then(Requested(Pdb));

    [Fact]
    public void the_same_request_again_records_nothing() =>
        Spec.Exceptions().Given(Requested()).When(Request()).ThenUnchanged();

    [Fact]
    public void another_request_under_the_same_id_is_refused() =>
        Spec.Exceptions().Given(Requested()).When(Request(finding: Pdb)).ThenRejected("already requested", "new id");

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void an_expiry_that_is_not_after_the_day_of_the_request_is_refused(int days) =>
        Spec.Exceptions().When(Request(expires: DateOnly.FromDateTime(Now.UtcDateTime).AddDays(days))).ThenRejected("must be after the day of the request");

    [Fact]
    public void a_request_without_a_reason_is_refused() =>
        Spec.Exceptions().When(Request(reason: " ")).ThenRejected("reason");

    [Fact]
    public void a_request_whose_subject_matched_nothing_is_refused_with_what_was_looked_for() =>
        Spec.Exceptions().When(Request(unmatched: "cluster 'billing-prod' has no open MissedWindow finding 'mw-1'")).ThenRejected("no open MissedWindow finding 'mw-1'");

    [Fact]
    public void a_different_admin_approves() =>
        Spec.Exceptions().Given(Requested()).When(new ApproveException(Cluster, Id, Admin, Now.AddHours(2)))
            .Then(new ExceptionApproved(Cluster, Id, Admin, Now.AddHours(2)));

    [Theory]
    [InlineData(Operator)]
    [InlineData("OPS:ERIN")]
    public void the_requester_cannot_approve_their_own_request(string actor) =>
        Spec.Exceptions().Given(Requested()).When(new ApproveException(Cluster, Id, actor, Now.AddHours(2))).ThenRejected("requested by ops:erin", "different admin");

    [Fact]
    public void approving_again_records_nothing() =>
        Spec.Exceptions().Given(Requested(), new ExceptionApproved(Cluster, Id, Admin, Now.AddHours(2)))
            .When(new ApproveException(Cluster, Id, "admin:heidi", Now.AddHours(3))).ThenUnchanged();

    [Fact]
    public void an_exception_whose_expiry_day_came_cannot_be_approved() =>
        Spec.Exceptions().Given(Requested()).When(new ApproveException(Cluster, Id, Admin, new DateTimeOffset(Expires.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))
            .ThenRejected("expired on 2027-02-01");

    [Fact]
    public void an_unknown_exception_cannot_be_approved() =>
        Spec.Exceptions().When(new ApproveException(Cluster, Id, Admin, Now)).ThenRejected("no exception 'cp-eol'");

    [Fact]
    public void a_different_admin_rejects_with_a_reason_and_a_rejection_stands() =>
        Spec.Exceptions().Given(Requested()).When(new RejectException(Cluster, Id, "upgrade instead: 1.33 is certified", Admin, Now.AddHours(1)))
            .Then(new ExceptionRejected(Cluster, Id, Admin, "upgrade instead: 1.33 is certified", Now.AddHours(1)));

    [Fact]
    public void a_rejected_exception_cannot_be_approved_and_rejecting_again_records_nothing()
    {
        var rejected = new ExceptionRejected(Cluster, Id, Admin, "no", Now.AddHours(1));

        Spec.Exceptions().Given(Requested(), rejected).When(new ApproveException(Cluster, Id, "admin:heidi", Now.AddHours(2))).ThenRejected("was rejected by admin:grace");
        Spec.Exceptions().Given(Requested(), rejected).When(new RejectException(Cluster, Id, "no", Admin, Now.AddHours(2))).ThenUnchanged();
    }

    [Fact]
    public void an_approved_exception_cannot_be_rejected_nor_decided_by_its_requester()
    {
        Spec.Exceptions().Given(Requested(), new ExceptionApproved(Cluster, Id, Admin, Now.AddHours(2)))
            .When(new RejectException(Cluster, Id, "changed my mind", "admin:heidi", Now.AddHours(3))).ThenRejected("was approved by admin:grace");
        Spec.Exceptions().Given(Requested()).When(new RejectException(Cluster, Id, "withdrawn", Operator, Now.AddHours(3))).ThenRejected("different admin");
    }
}
