namespace Compliance.Host.Cli;

/// <summary>A clock the demo moves step by step through simulated history, so recorded-at says when each fact happened.</summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
