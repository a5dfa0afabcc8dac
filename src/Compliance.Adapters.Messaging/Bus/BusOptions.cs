namespace Compliance.Adapters.Messaging.Bus;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>Section <c>Compliance:Bus</c>: which transport carries observations and integration events.</summary>
public sealed class BusOptions
{
    public const string Section = "Compliance:Bus";

    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>The queue the observation consumers read (its dead letters go to <c>{name}_error</c>).</summary>
    public string ObservationQueue { get; set; } = "compliance-observations";

    /// <summary>Messages fetched ahead of processing.</summary>
    public int PrefetchCount { get; set; } = 256;

    /// <summary>
    /// Observation messages consumed at once and recorded together in one ledger transaction (each is still acknowledged
    /// or faulted on its own). 1 records one message at a time.
    /// </summary>
    public int IngestBatchSize { get; set; } = 500;

    /// <summary>How long a batch waits for more messages after the first arrives (while one is being written, they gather anyway).</summary>
    public TimeSpan IngestWindow { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How often the integration gateway compares the read models with what it announced.</summary>
    public TimeSpan IntegrationPollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Where the gateway remembers what it announced; empty: <c>integration-published.json</c> in the data directory.</summary>
    public string? PublishedStatePath { get; set; }

    /// <summary>Whether MassTransit may send its usage telemetry (host OS, time zone, endpoint names) to its vendor; off unless set.</summary>
    public bool UsageTelemetry { get; set; }
}

/// <summary>Section <c>Compliance:Bus:RabbitMq</c>.</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public bool UseTls { get; set; }
}
