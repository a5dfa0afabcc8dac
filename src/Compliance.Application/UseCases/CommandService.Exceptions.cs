using Compliance.Application.UseCases.Requests;
using Compliance.Application.UseCases.Validation;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.UseCases;

/// <summary>Exceptions (request by an operator, approve or reject by a different admin) and catalog facts an operator records.</summary>
public sealed partial class CommandService
{
    /// <summary>
    /// Pins the subject as it stands now, from the read models: the open finding of that kind and subject (its episode),
    /// or the running component with that id (its release line and version). Nothing matching is the decider's rejection.
    /// </summary>
    public async Task<CommandResult> RequestExceptionAsync(string clusterId, RequestExceptionRequest r, CommandCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        var now = time.GetUtcNow();
        var (finding, component, unmatched) = await PinAsync(clusterId, r, now, ct);
        return await pipeline.RunAsync(nameof(RequestExceptionAsync), RouteIds.Cluster(clusterId), r, call, (r, actor, at) => new RequestException(
            clusterId, r.ExceptionId!, finding, component, unmatched, r.Reason!.Trim(), QueryRules.Day(r.ExpiresOn, default), actor, at), ct);
    }

    public Task<CommandResult> ApproveExceptionAsync(string clusterId, string exceptionId, ApproveExceptionRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(ApproveExceptionAsync), RouteIds.Exception(clusterId, exceptionId), r, call,
            (_, actor, now) => new ApproveException(clusterId, exceptionId, actor, now), ct);

    public Task<CommandResult> RejectExceptionAsync(string clusterId, string exceptionId, RejectExceptionRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(RejectExceptionAsync), RouteIds.Exception(clusterId, exceptionId), r, call,
            (r, actor, now) => new RejectException(clusterId, exceptionId, r.Reason!.Trim(), actor, now), ct);

    /// <summary>A release cycle of a product the shipped catalog lacks, as a catalog fact with its source (an operator's word for it).</summary>
    public Task<CommandResult> RecordCycleAsync(string product, RecordCycleRequest r, CommandCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (Inputs.IsSlug(product) && RecordCycleRequestValidator.ShippedProblem(product, r.Cycle) is { } shipped)
            return Task.FromResult(new CommandResult(null, Problem.Invalid("cycle", shipped)));
        return pipeline.RunAsync(nameof(RecordCycleAsync), RouteIds.CatalogProduct(product), r, call, (r, actor, now) => new RecordCatalogFact(
            new ReleaseCycleRecorded(product, r.Cycle!.Trim(), Day(r.ReleaseDate), Day(r.Eoas), Day(r.Eol), Day(r.Eoes), r.EolReached ?? false,
                $"{r.Source!.Trim()} (published {r.SourceDate}, recorded by {actor})", now), actor, now), ct);
    }

    private static DateOnly? Day(string? value) => QueryRules.TryDay(value, out var day) ? day : null;

    private async Task<(AcceptedFinding? Finding, AcceptedComponent? Component, string? Unmatched)> PinAsync(
        string clusterId, RequestExceptionRequest r, DateTimeOffset now, CancellationToken ct)
    {
        if (!Inputs.IsSlug(clusterId)) return (null, null, null);
        if (r.ComponentId is { } componentId)
        {
            var running = await queries.EolRiskAsync(clusterId, Days.Of(now), ct);
            var verdict = running.FirstOrDefault(v => v.ComponentId == componentId.Trim());
            return verdict is null
                ? (null, null, $"cluster '{clusterId}' runs no component '{componentId}' today (running: {List(running.Select(v => v.ComponentId))})")
                : (null, new AcceptedComponent(verdict.ComponentId, verdict.Kind, verdict.Product, verdict.Cycle, verdict.RawVersion), null);
        }

        if (!Inputs.TryEnum<FindingKind>(r.FindingKind, out var kind) || r.FindingSubject is not { } subject) return (null, null, null);
        var open = (await queries.FindingsAsync(clusterId, kind, now, ct)).Where(f => f.IsOpenAt(now)).ToList();
        var finding = open.Where(f => f.Subject == subject.Trim()).MaxBy(f => f.DetectedAt);
        return finding is null
            ? (null, null, $"cluster '{clusterId}' has no open {kind} finding '{subject}' (open {kind} findings: {List(open.Select(f => f.Subject))})")
            : (new AcceptedFinding(finding.Kind, finding.Subject, finding.DetectedAt), null, null);
    }

    private static string List(IEnumerable<string> names)
    {
        var list = names.Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Take(10)) + (list.Count > 10 ? $", ... ({list.Count} in all)" : "");
    }
}
