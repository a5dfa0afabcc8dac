using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Compliance.Benchmarks.Bus;

/// <summary>The floor: plain RabbitMQ.Client publishing persistent messages (confirms on) to a durable queue and one consumer acking them.</summary>
internal static class RawRabbitBench
{
    public static async Task<double> PublishAndConsumeRateAsync(BusBenchOptions options, int messages, int bodyBytes, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(options, ct);
        await using var publish = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await using var consume = await connection.CreateChannelAsync(cancellationToken: ct);
        var queue = $"bench-raw-{Guid.NewGuid():N}";
        await publish.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true, cancellationToken: ct);
        await consume.BasicQosAsync(0, 256, false, ct);
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consume);
        consumer.ReceivedAsync += async (_, e) =>
        {
            await consume.BasicAckAsync(e.DeliveryTag, false, ct);
            if (Interlocked.Increment(ref received) == messages) done.TrySetResult();
        };
        await consume.BasicConsumeAsync(queue, autoAck: false, consumer, ct);

        var body = new byte[bodyBytes];
        var properties = new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" };
        var clock = Stopwatch.StartNew();
        var pending = new List<ValueTask>(256);
        for (var i = 0; i < messages; i++)
        {
            pending.Add(publish.BasicPublishAsync("", queue, false, properties, body, ct));
            if (pending.Count == 256)
            {
                foreach (var p in pending) await p;
                pending.Clear();
            }
        }

        foreach (var p in pending) await p;
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5), ct);
        return messages / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A connection to the benchmark's broker; <see cref="BrokerUnreachableException"/> when none can be opened.</summary>
    public static async Task<IConnection> ConnectAsync(BusBenchOptions options, CancellationToken ct)
    {
        var factory = new ConnectionFactory { HostName = options.Host, Port = options.Port, UserName = options.Username, Password = options.Password, VirtualHost = options.VirtualHost };
        try
        {
            return await factory.CreateConnectionAsync(ct);
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException e)
        {
            var reason = e.InnerException;
            while (reason?.InnerException is not null) reason = reason.InnerException;
            throw new BrokerUnreachableException(options.Host, options.Port, reason?.Message ?? e.Message);
        }
    }
}
