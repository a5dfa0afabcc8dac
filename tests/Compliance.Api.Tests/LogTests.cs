using System.Net;
using System.Net.Sockets;

namespace Compliance.Api.Tests;

/// <summary>What `compliance serve` prints when its environment fails: one line for a user error at start, one warning per dependency that goes away, no stack traces unless --verbose.</summary>
public sealed class LogTests
{
    [Fact]
    public async Task a_port_in_use_is_one_line_and_exit_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var data = await SeededLedger.CopyAsync();
        await using var serve = ServeProcess.Start(data, url: url);

        (await serve.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue(serve.Output);

        serve.ExitCode.ShouldBe(1);
        serve.Lines.Where(l => l.Length > 0).ShouldBe([$"compliance: --urls: cannot listen on {url}: the address is already in use"]);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task an_unreachable_broker_is_one_warning_and_no_stack_trace_or_endpoint_chatter()
    {
        var data = await SeededLedger.CopyAsync();
        var closed = ServeProcess.FreePort();
        await using var serve = ServeProcess.Start(data, new Dictionary<string, string>
        {
            ["COMPLIANCE_BUS__TRANSPORT"] = "RabbitMq",
            ["COMPLIANCE_BUS__RABBITMQ__HOST"] = "127.0.0.1",
            ["COMPLIANCE_BUS__RABBITMQ__PORT"] = closed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            await serve.WaitUntilLiveAsync();
            for (var i = 0; i < 300 && !serve.Lines.Any(l => l.Contains("bus is unreachable", StringComparison.Ordinal)); i++) await Task.Delay(100);
            // Several of MassTransit's reconnect rounds (1, 2, 4 s ...) pass while the broker stays away.
            await Task.Delay(TimeSpan.FromSeconds(8));
        }
        finally
        {
            await serve.StopAsync();
        }

        var lines = serve.Lines;
        lines.Count(l => l.Contains("bus is unreachable", StringComparison.Ordinal)).ShouldBe(1, serve.Output);
        lines.ShouldAllBe(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal), serve.Output);
        lines.ShouldAllBe(l => !l.Contains("Configured endpoint", StringComparison.Ordinal), serve.Output);
        // Besides the broker's one warning: no API keys, and the signing key serve created in the data directory.
        lines.Count(l => (l.StartsWith("warn", StringComparison.Ordinal) || l.StartsWith("fail", StringComparison.Ordinal))
            && !l.Contains("Created the checkpoint signing key", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(2, serve.Output);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task masstransits_endpoint_lines_show_only_with_verbose()
    {
        var data = await SeededLedger.CopyAsync();
        await using var serve = ServeProcess.Start(data, extra: "--verbose");
        try
        {
            await serve.WaitUntilLiveAsync();
        }
        finally
        {
            await serve.StopAsync();
        }

        // One line per receive endpoint (the consumers' queues), however many there are.
        serve.Lines.Count(l => l.Contains("Configured endpoint", StringComparison.Ordinal)).ShouldBeGreaterThan(0, serve.Output);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}
