using System.CommandLine;
using Compliance.Application.UseCases.Requests;
using static Compliance.Host.Cli.Api.ApiVerb;

namespace Compliance.Host.Cli.Api;

/// <summary>
/// <c>compliance exception request|approve|reject|list</c>: risk acceptances through the same use cases as the API (an
/// operator requests; an admin other than the requester decides; on a server the API key's role is checked).
/// </summary>
internal static class ExceptionCommands
{
    public static Command Create(TextWriter output)
    {
        var cluster = Required("--cluster", "The cluster id");
        var id = Required("--id", "The exception id (1-63 lowercase letters, digits or '-')");
        string At(ParseResult p, string action = "") =>
            $"/api/v1/clusters/{Segment(p.GetValue(cluster)!)}/exceptions" + (action.Length == 0 ? "" : $"/{Segment(p.GetValue(id)!)}/{action}");

        var kind = Optional("--finding-kind", "The finding's kind, as 'compliance findings' lists it (e.g. eolComponent, partialWindow)");
        var subject = Optional("--finding", "The finding's subject, as 'compliance findings' lists it");
        var component = Optional("--component", "A running component's id, as 'compliance eol-risk' lists it (e.g. control-plane, node/*/kubelet)");
        var reason = Required("--reason", "Why the risk is accepted");
        var expires = Required("--expires", "The day the acceptance ends, YYYY-MM-DD (after today; the item is open again that day)");
        var request = Post<RequestExceptionRequest>("request", "Request acceptance of one finding or one component's risk (operator)", output, p => At(p),
            p => new Dictionary<string, object?>
            {
                ["exceptionId"] = p.GetValue(id), ["findingKind"] = p.GetValue(kind), ["findingSubject"] = p.GetValue(subject),
                ["componentId"] = p.GetValue(component), ["reason"] = p.GetValue(reason), ["expiresOn"] = p.GetValue(expires),
            }, (s, p, r, call, ct) => s.RequestExceptionAsync(p.GetValue(cluster)!, r, call, ct), cluster, id, kind, subject, component, reason, expires);

        var approve = Post<ApproveExceptionRequest>("approve", "Approve an exception (admin, not the requester)", output, p => At(p, "approve"),
            _ => new Dictionary<string, object?>(), (s, p, r, call, ct) => s.ApproveExceptionAsync(p.GetValue(cluster)!, p.GetValue(id)!, r, call, ct), cluster, id);

        var why = Required("--reason", "Why the exception is rejected");
        var reject = Post<RejectExceptionRequest>("reject", "Reject an exception (admin, not the requester)", output, p => At(p, "reject"),
            p => new Dictionary<string, object?> { ["reason"] = p.GetValue(why) },
            (s, p, r, call, ct) => s.RejectExceptionAsync(p.GetValue(cluster)!, p.GetValue(id)!, r, call, ct), cluster, id, why);

        var which = Optional("--cluster", "The cluster id (default: every cluster)");
        var asOf = Options.AsOf();
        var list = Get("list", "Exceptions with their status, who accepted what, why and until when", output,
            p => p.GetValue(which) is { } c
                ? Query($"/api/v1/clusters/{Segment(c)}/exceptions", ("asOf", p.GetValue(asOf)))
                : Query("/api/v1/fleet/exceptions", ("asOf", p.GetValue(asOf))),
            async (q, p, ct) => p.GetValue(which) is { } c
                ? Boxed(await q.ExceptionsAsync(c, new AsOfQuery(p.GetValue(asOf)), ct))
                : Boxed(await q.FleetExceptionsAsync(new AsOfQuery(p.GetValue(asOf)), ct)),
            (a, f, s) => ApiOutput.Render(a, f, s, "exceptions", "clusterId", "exceptionId", "status", "subject", "requestedBy", "decidedBy", "expiresOn", "reason",
                "lapseReason"),
            which, asOf);
        return QueryCommands.WithTarget(new Command("exception", "Risk acceptances: request, approve, reject, list") { request, approve, reject, list });
    }
}
