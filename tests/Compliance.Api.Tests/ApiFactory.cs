using System.Net.Http.Json;
using Compliance.Application.ReadModels;
using Compliance.Application.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Api.Tests;

/// <summary>
/// The served app on a copy of the seeded demo ledger, with one key per role and a fake clock at <see cref="SeededLedger.Now"/>.
/// Keys are plain strings here; the app is given only their SHA-256.
/// </summary>
public class ApiFactory : WebApplicationFactory<TestEntry>, IAsyncLifetime
{
    public const string AuditorKey = "auditor-key-0123456789";
    public const string OperatorKey = "operator-key-0123456789";
    public const string AdminKey = "admin-key-0123456789";

    static ApiFactory()
    {
        // The app's content root is the test output folder (the factory would otherwise look for the solution folder,
        // which is not above the output when building with --artifacts-path).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COMPLIANCE_API_TESTS", AppContext.BaseDirectory);
    }

    public FakeTimeProvider Clock { get; } = new(SeededLedger.Now);

    public string Data { get; private set; } = "";

    public CapturedLogs Logs { get; } = new();

    /// <summary>Settings added to the defaults (rate limits for the limit tests).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Changes the copied data directory before the app starts (a tampered ledger, for one).</summary>
    protected virtual Task PrepareAsync(string data) => Task.CompletedTask;

    /// <summary>Whether start-up waits for the projections and readiness (not for an app that must stay unready).</summary>
    protected virtual bool WaitUntilReady => true;

    public async Task InitializeAsync()
    {
        Data = await SeededLedger.CopyAsync();
        await PrepareAsync(Data);
        _ = Server;
        if (!WaitUntilReady) return;
        await WaitForProjectionsAsync();
        using var probe = CreateClient();
        for (var i = 0; i < 600 && !(await probe.GetAsync("/health/ready")).IsSuccessStatusCode; i++) await Task.Delay(50);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Compliance:Data", Data);
        var keys = new[] { ("auditor", "auditor", AuditorKey), ("operator", "operator", OperatorKey), ("admin", "admin", AdminKey) };
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"Compliance:Api:Keys:{i}:Name", keys[i].Item1);
            builder.UseSetting($"Compliance:Api:Keys:{i}:Role", keys[i].Item2);
            builder.UseSetting($"Compliance:Api:Keys:{i}:Sha256", Host.Api.Security.ApiKeyAuthentication.HashOf(keys[i].Item3));
        }

        // No checkpoint signed behind the tests' back (it would move the ledger's head); the checkpoint tests turn it on.
        builder.UseSetting("Compliance:Checkpoints:Enabled", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient ClientFor(string? key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public HttpClient Auditor() => ClientFor(AuditorKey);

    public HttpClient Operator() => ClientFor(OperatorKey);

    public HttpClient Admin() => ClientFor(AdminKey);

    public Task<(long Position, string Hash)> LedgerHeadAsync() => Services.GetRequiredService<IEventReader>().ReadHeadAsync(CancellationToken.None);

    /// <summary>Waits until the read models reflect the whole ledger (the projection worker runs in the background).</summary>
    public async Task WaitForProjectionsAsync()
    {
        var readModels = Services.GetRequiredService<IReadModelStore>();
        for (var i = 0; i < 600; i++)
        {
            var (head, _) = await LedgerHeadAsync();
            if (await readModels.ReadCheckpointAsync(CancellationToken.None) >= head) return;
            await Task.Delay(50);
        }

        throw new TimeoutException("the projections did not catch up within 30 s");
    }

    /// <summary>POSTs JSON with a fresh Idempotency-Key unless one is given.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? idempotencyKey = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
