using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Compliance.Contracts.Observations;
using Compliance.Testing.RabbitMq;
using MassTransit;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;

namespace Compliance.Adapters.Messaging.Tests;

/// <summary>
/// <c>compliance serve</c> as a real process on the test broker, killed with SIGKILL while it records a stream of
/// observations and started again: every observation ends up in the ledger exactly once and the hash chain holds.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ServeKilledTests(RabbitMqBrokerFixture fixture) : IDisposable
{
    private const int Count = 3_000;
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string data = Directory.CreateTempSubdirectory("compliance-serve-killed-").FullName;
    private readonly string queue = $"observations-{Guid.NewGuid():N}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task serve_killed_with_sigkill_mid_stream_and_restarted_loses_nothing_and_doubles_nothing()
    {
        var ids = Enumerable.Range(0, Count).Select(MessageId).ToList();
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(fixture.Broker.Host, (ushort)fixture.Broker.Port, "/", h =>
        {
            h.Username(fixture.Broker.Username);
            h.Password(fixture.Broker.Password);
            h.PublisherConfirmation = true;
        }));
        await bus.StartAsync(Timeout(60));
        try
        {
            using (var first = ServeProcess.Start(data, fixture.Broker, queue))
            {
                await WaitForConsumerAsync(first);
                var publishing = PublishAsync(bus, ids);
                await WaitUntilAsync(() => Recorded() >= Count / 5, first, "a fifth of the stream being recorded");
                first.Kill();
                Recorded().ShouldBeLessThan(Count, "killed mid-stream");
                await publishing;
            }

            // the test cannot know which messages were committed but not acknowledged: send them all again
            await PublishAsync(bus, ids);
            using var second = ServeProcess.Start(data, fixture.Broker, queue);
            await WaitUntilAsync(() => Recorded() >= Count, second, "every observation being recorded");
            await WaitUntilAsync(() => QueueDepth() == 0, second, "the queue being drained (the repeats handled)");
            second.Kill();
        }
        finally
        {
            await bus.StopAsync(Timeout(30));
        }

        using var store = new SqliteEventStore(Path.Combine(data, "ledger.db"), TimeProvider.System);
        var perMessage = new Dictionary<Guid, int>();
        await foreach (var e in store.ReadAllAsync(1, int.MaxValue, CancellationToken.None))
        {
            if (e.Stream == Compliance.Domain.Deciders.Streams.Checkpoints) continue; // serve signs the head every 1000 events
            e.Type.ShouldBe("V1.NodeObserved");
            perMessage[e.CausationId] = perMessage.GetValueOrDefault(e.CausationId) + 1;
        }

        perMessage.Count.ShouldBe(Count);
        ids.Where(id => perMessage.GetValueOrDefault(id) != 1).ShouldBeEmpty("every observation recorded exactly once");
        (await HashChainVerifier.VerifyAsync(store, CancellationToken.None)).Intact.ShouldBeTrue();
    }

    private static Guid MessageId(int i) => new(i, 0x5eed, 0x0b5e, [0, 0, 0, 0, 0, 0, 0, 1]);

    private static async Task PublishAsync(IBus bus, List<Guid> ids)
    {
        for (var i = 0; i < ids.Count; i += 100)
            await Task.WhenAll(ids.Skip(i).Take(100).Select((id, j) =>
                bus.Publish(Observations.Node($"killed-{(i + j) % 10}", $"node-{i + j}", "v1.33.2", At), c => c.MessageId = id)));
    }

    private long Recorded()
    {
        var path = Path.Combine(data, "ledger.db");
        if (!File.Exists(path)) return 0;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events";
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not created yet
        }
    }

    private uint QueueDepth() => Passive(q => q.MessageCount);

    private uint Passive(Func<QueueDeclareOk, uint> read)
    {
        using var connection = RawRabbit.ConnectAsync(fixture.Broker).GetAwaiter().GetResult();
        using var channel = connection.CreateChannelAsync().GetAwaiter().GetResult();
        try
        {
            return read(channel.QueueDeclarePassiveAsync(queue).GetAwaiter().GetResult());
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return uint.MaxValue; // not declared yet
        }
    }

    /// <summary>Until serve consumes the queue, its bindings may not exist and a published message would be dropped.</summary>
    private Task WaitForConsumerAsync(ServeProcess serve) =>
        WaitUntilAsync(() => Passive(q => q.ConsumerCount) is > 0 and not uint.MaxValue, serve, "serve consuming its queue");

    private static async Task WaitUntilAsync(Func<bool> done, ServeProcess serve, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done())
        {
            serve.HasExited.ShouldBeFalse($"serve exited before {what}: {serve.Output}");
            if (DateTime.UtcNow > deadline) throw new ShouldAssertException($"{what} did not happen within 60 s: {serve.Output}");
            await Task.Delay(20);
        }
    }

    private static CancellationToken Timeout(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    /// <summary>The built <c>compliance.dll</c> (beside the tests) running <c>serve</c>; Kill is SIGKILL.</summary>
    private sealed class ServeProcess : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        private ServeProcess(Process process) => this.process = process;

        public bool HasExited => process.HasExited;

        public string Output
        {
            get
            {
                lock (output) return output.ToString();
            }
        }

        public static ServeProcess Start(string data, RabbitMqBroker broker, string queue)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "compliance.dll");
            File.Exists(dll).ShouldBeTrue(dll);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { dll, "serve", "--urls", $"http://127.0.0.1:{FreePort()}", "--data", data }) start.ArgumentList.Add(arg);
            start.Environment["COMPLIANCE_BUS__TRANSPORT"] = "RabbitMq";
            start.Environment["COMPLIANCE_BUS__RABBITMQ__HOST"] = broker.Host;
            start.Environment["COMPLIANCE_BUS__RABBITMQ__PORT"] = broker.Port.ToString(CultureInfo.InvariantCulture);
            start.Environment["COMPLIANCE_BUS__RABBITMQ__USERNAME"] = broker.Username;
            start.Environment["COMPLIANCE_BUS__RABBITMQ__PASSWORD"] = broker.Password;
            start.Environment["COMPLIANCE_BUS__OBSERVATIONQUEUE"] = queue;
            start.Environment["COMPLIANCE_KUBERNETES__ENABLED"] = "false";
            start.Environment["COMPLIANCE_CATALOG__REFRESHENABLED"] = "false";
            var serve = new ServeProcess(new Process { StartInfo = start });
            serve.process.OutputDataReceived += (_, e) => serve.Append(e.Data);
            serve.process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
            serve.process.Start();
            serve.process.BeginOutputReadLine();
            serve.process.BeginErrorReadLine();
            return serve;
        }

        /// <summary>SIGKILL: no shutdown code runs.</summary>
        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            if (!process.HasExited) Kill();
            process.Dispose();
        }

        private void Append(string? line)
        {
            lock (output) output.AppendLine(line);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
