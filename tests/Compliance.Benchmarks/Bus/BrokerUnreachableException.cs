namespace Compliance.Benchmarks.Bus;

/// <summary>The benchmark's broker did not accept a connection: a setup mistake to report in one line, not a crash.</summary>
internal sealed class BrokerUnreachableException(string host, int port, string reason)
    : Exception($"cannot reach RabbitMQ at {host}:{port} ({reason}); start one (infra/local/start-rabbitmq.sh) or point --host/--port at it");
