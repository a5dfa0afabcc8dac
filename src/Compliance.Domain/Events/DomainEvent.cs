namespace Compliance.Domain.Events;

/// <summary>A past-tense fact recorded in the ledger. Each stream has its own closed hierarchy below this.</summary>
public abstract record DomainEvent;

public enum Environment
{
    Staging,
    Production,
}
