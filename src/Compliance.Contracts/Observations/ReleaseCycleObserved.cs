namespace Compliance.Contracts.Observations;

/// <summary>
/// A release cycle of a catalog product as a release feed lists it (dates are whole days, UTC; null when the feed has none).
/// <paramref name="EolReached"/> is true when the feed says the cycle is end-of-life without giving a date.
/// </summary>
public sealed record ReleaseCycleObserved(
    string Product,
    string Cycle,
    DateOnly? ReleaseDate,
    DateOnly? Eoas,
    DateOnly? Eol,
    DateOnly? Eoes,
    bool EolReached,
    DateTimeOffset ObservedAt,
    string Source);
