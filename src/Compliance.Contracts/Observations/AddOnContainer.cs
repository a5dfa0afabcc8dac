namespace Compliance.Contracts.Observations;

/// <summary>Where an add-on container runs, as <see cref="AddOnVersionObserved"/> names it.</summary>
public sealed record AddOnContainer(string Namespace, string Workload, string Container);
