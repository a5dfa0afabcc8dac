using Microsoft.Extensions.Options;

namespace Compliance.Adapters.Messaging.Bus;

/// <summary>One clear message per problem, checked at start-up.</summary>
internal sealed class BusOptionsValidation : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Transport))
            problems.Add($"Compliance:Bus:Transport '{options.Transport}' is not InMemory or RabbitMq");
        if (string.IsNullOrWhiteSpace(options.ObservationQueue))
            problems.Add("Compliance:Bus:ObservationQueue must name a queue");
        if (options.PrefetchCount is < 1 or > 65_535)
            problems.Add($"Compliance:Bus:PrefetchCount {options.PrefetchCount} must be between 1 and 65535");
        if (options.IngestBatchSize is < 1 or > 1_000)
            problems.Add($"Compliance:Bus:IngestBatchSize {options.IngestBatchSize} must be between 1 and 1000");
        if (options.IngestWindow < TimeSpan.Zero || options.IngestWindow > TimeSpan.FromSeconds(1))
            problems.Add($"Compliance:Bus:IngestWindow {options.IngestWindow} must be between 0 and 1 s");
        if (options.IntegrationPollInterval <= TimeSpan.Zero)
            problems.Add($"Compliance:Bus:IntegrationPollInterval {options.IntegrationPollInterval} must be positive");
        if (options.Transport == BusTransport.RabbitMq)
        {
            var rabbit = options.RabbitMq;
            if (string.IsNullOrWhiteSpace(rabbit.Host)) problems.Add("Compliance:Bus:RabbitMq:Host must name the broker");
            if (rabbit.Port is < 1 or > 65_535) problems.Add($"Compliance:Bus:RabbitMq:Port {rabbit.Port} must be between 1 and 65535");
            if (string.IsNullOrEmpty(rabbit.VirtualHost)) problems.Add("Compliance:Bus:RabbitMq:VirtualHost must not be empty (the default is '/')");
            if (string.IsNullOrEmpty(rabbit.Username)) problems.Add("Compliance:Bus:RabbitMq:Username must not be empty");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
