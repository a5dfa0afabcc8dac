namespace Compliance.Domain.Commands;

/// <summary>An imperative request; carries who asks and the instant it is decided at (the domain has no clock).</summary>
public abstract record Command(string Actor, DateTimeOffset Now);
