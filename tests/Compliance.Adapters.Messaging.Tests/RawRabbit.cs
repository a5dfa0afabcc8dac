using System.Text;
using System.Text.Json;
using Compliance.Testing.RabbitMq;
using RabbitMQ.Client;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>Plain RabbitMQ.Client, no MassTransit: what a consumer in another language does.</summary>
internal static class RawRabbit
{
    public static Task<IConnection> ConnectAsync(RabbitMqBroker broker) =>
        new ConnectionFactory { HostName = broker.Host, Port = broker.Port, UserName = broker.Username, Password = broker.Password }.CreateConnectionAsync();

    /// <summary>Takes one message from a queue, or null when none arrives in time.</summary>
    public static async Task<BasicGetResult?> GetAsync(IChannel channel, string queue, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var got = await channel.BasicGetAsync(queue, autoAck: true);
            if (got is not null) return got;
            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>
    /// Takes one message from a queue that may not exist yet (an error queue is declared with the first fault, which
    /// can come after later messages were recorded), or null when none arrives in time.
    /// </summary>
    public static async Task<BasicGetResult?> GetOnceDeclaredAsync(IConnection connection, string queue, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                var got = await channel.BasicGetAsync(queue, autoAck: true);
                if (got is not null) return got;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
                // not declared yet
            }

            await Task.Delay(50);
        }

        return null;
    }

    public static JsonElement Json(BasicGetResult message) => JsonDocument.Parse(message.Body).RootElement.Clone();

    public static string Header(BasicGetResult message, string name) =>
        message.BasicProperties.Headers?.TryGetValue(name, out var v) == true
            ? v switch { byte[] b => Encoding.UTF8.GetString(b), null => "", _ => v.ToString() ?? "" }
            : "";
}
