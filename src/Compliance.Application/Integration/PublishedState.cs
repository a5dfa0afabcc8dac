namespace Compliance.Application.Integration;

/// <summary>
/// What the gateway has announced, so a restart announces nothing twice: the last level per running component
/// (key <c>cluster|component|version</c>), the SLA breaches and unrecorded changes announced, and the ledger position up
/// to which maintenance actions were announced (null before the first scan).
/// </summary>
public sealed record PublishedState(
    IReadOnlyDictionary<string, string> Levels,
    IReadOnlyCollection<string> Breaches,
    IReadOnlyCollection<string> UnrecordedChanges,
    long? MaintenancePosition)
{
    public static PublishedState Empty { get; } = new(new Dictionary<string, string>(), [], [], null);
}

/// <summary>Keeps <see cref="PublishedState"/> across restarts.</summary>
public interface IPublishedStateStore
{
    Task<PublishedState> LoadAsync(CancellationToken ct);

    Task SaveAsync(PublishedState state, CancellationToken ct);
}
