using Compliance.Domain.Catalog;
using Compliance.Domain.Events;
using C = Compliance.Contracts.Observations;

namespace Compliance.Adapters.Messaging.Consumers;

/// <summary>Contract → catalog fact. <c>At</c> of a fact is when the feed was read (the observation), not when it is recorded.</summary>
public static class CatalogMapping
{
    public static ReleaseCycleRecorded ToDomain(C.ReleaseCycleObserved m) =>
        new(Text(m.Product), Text(m.Cycle), m.ReleaseDate, m.Eoas, m.Eol, m.Eoes, m.EolReached, Text(m.Source), m.ObservedAt);

    public static PatchReleased ToDomain(C.PatchReleased m, DateTimeOffset receivedAt) =>
        new(Text(m.Product), Text(m.Cycle), Text(m.Version), m.ReleasedAt, receivedAt);

    public static VulnerabilityPublished ToDomain(C.VulnerabilityPublished m, DateTimeOffset receivedAt) =>
        new(Text(m.Product), Text(m.CveId), Severity(m.Severity), Text(m.Summary), Text(m.Url), [.. m.FixedIn ?? []], m.PublishedAt, receivedAt);

    private static Severity Severity(string? severity) =>
        string.IsNullOrWhiteSpace(severity) ? Domain.Catalog.Severity.Unknown
        : Enum.TryParse<Severity>(severity, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(severity, out _) ? parsed
        : throw new RejectedMessageException($"severity '{severity}' is not one of unknown, low, medium, high, critical");

    private static string Text(string? value) => value ?? "";
}
