using System.Diagnostics;
using System.Net;
using Compliance.Benchmarks.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Benchmarks.Tests;

/// <summary>The `compliance-bench api` load generator against a real Kestrel server in this process: what it sends and how it counts.</summary>
public sealed class LoadGeneratorTests : IAsyncLifetime
{
    private const int Held = 20;
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication app = null!;
    private HttpClient http = null!;
    private int arrived;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/big", () => Results.Bytes(new byte[1_000_000], "application/octet-stream"));
        app.MapGet("/fail", () => Results.StatusCode(500));
        // Answers nothing until Held requests are waiting at once: only an open loop (sending on schedule, not after answers) gets past it.
        app.MapGet("/held", async () =>
        {
            if (Interlocked.Increment(ref arrived) >= Held) release.TrySetResult();
            await release.Task;
            return "ok";
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task the_fixed_rate_keeps_sending_on_schedule_while_answers_wait()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await FixedRate.RunAsync(http, "held", "/held", 50, TimeSpan.FromSeconds(1), timeout.Token);

        result.Requests.ShouldBe(50);
        result.Errors.ShouldBe(0);
        // The first request cannot be answered before the Held-th was sent, which is never before it was due.
        result.MaxMs.ShouldBeGreaterThanOrEqualTo((Held - 1) * 1000.0 / 50);
    }

    [Fact]
    public void fixed_rate_latency_counts_from_when_a_request_was_due_so_a_late_send_is_not_hidden()
    {
        var ms = Stopwatch.Frequency / 1000;
        var timings = new Timings(100);
        for (var i = 0; i < 100; i++)
        {
            timings.Due[i] = i * ms;
            timings.Sent[i] = i < 98 ? i * ms : 200 * ms; // the last two left 102 and 101 ms late
            timings.Done[i] = timings.Sent[i] + 2 * ms;
            timings.Ok[i] = true;
            timings.Bytes[i] = 7;
        }

        var result = timings.Result("x", "100/s fixed", 1);

        result.P50Ms.ShouldBe(2, 0.001);
        result.P99Ms.ShouldBe(103, 0.001);
        result.MaxMs.ShouldBe(104, 0.001);
        result.SentP99Ms!.Value.ShouldBe(2, 0.001);
        result.LateP99Ms!.Value.ShouldBe(101, 0.001);
        result.Bytes.ShouldBe(700);
    }

    [Fact]
    public async Task the_fixed_rate_counts_failed_answers_as_errors()
    {
        var result = await FixedRate.RunAsync(http, "fail", "/fail", 100, TimeSpan.FromSeconds(1), CancellationToken.None);

        result.Requests.ShouldBe(100);
        result.Errors.ShouldBe(100);
    }

    [Fact]
    public async Task an_answer_is_read_to_the_end_and_every_byte_counted()
    {
        var (ok, size) = await LoadRun.SendAsync(http, "/big", CancellationToken.None);

        ok.ShouldBeTrue();
        size.ShouldBe(1_000_000);
    }

    [Fact]
    public async Task saturation_counts_every_answered_byte()
    {
        var result = await LoadRun.SaturateAsync(http, "big", "/big", 2, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        result.Requests.ShouldBeGreaterThan(0);
        result.Errors.ShouldBe(0);
        result.Bytes.ShouldBe(result.Requests * 1_000_000);
    }

    [Fact]
    public void the_sleeper_never_wakes_before_the_instant()
    {
        for (var i = 0; i < 20; i++)
        {
            var at = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2000 * (i % 4 + 1);

            Sleeper.Until(at);

            Stopwatch.GetTimestamp().ShouldBeGreaterThanOrEqualTo(at);
        }
    }
}
