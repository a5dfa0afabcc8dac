namespace Compliance.Benchmarks.Bus;

/// <summary>The broker the bus benchmark uses, and how much it sends.</summary>
internal sealed record BusBenchOptions(
    string Host,
    int Port,
    string VirtualHost,
    string Username,
    string Password,
    int Observations,
    int LatencySamples,
    int LatencyRatePerSecond);
