using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Host.Api.Security;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Host.Cli.Api;

/// <summary>
/// Where the API subcommands send their request: a server (<c>--server URL --api-key KEY</c>), or the local data
/// directory through the same API run in this process on a loopback port with a one-time admin key named after the
/// user, so that the CLI validates and records exactly as the service does.
/// </summary>
internal sealed class ApiTarget : IAsyncDisposable
{
    /// <summary>--server and --api-key, for one top-level command and its subcommands.</summary>
    public static Option[] Options() =>
    [
        new Option<string?>("--server") { Description = "Send the request to this Compliance server instead of the local data directory", Recursive = true },
        new Option<string?>("--api-key") { Description = "The API key for --server (default: $COMPLIANCE_API_KEY)", Recursive = true },
    ];

    private readonly WebApplication? local;

    private ApiTarget(HttpClient http, WebApplication? local)
    {
        Http = http;
        this.local = local;
    }

    public HttpClient Http { get; }

    public static async Task<ApiTarget> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var server = parse.GetValue<string?>("--server");
        var key = parse.GetValue<string?>("--api-key") ?? System.Environment.GetEnvironmentVariable("COMPLIANCE_API_KEY");
        if (server is not null)
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new UserError($"--server: '{server}' is not an http(s) URL");
            if (string.IsNullOrEmpty(key)) throw new UserError("--api-key: required with --server (or set $COMPLIANCE_API_KEY)");
            return new ApiTarget(Client(uri, key), null);
        }

        if (parse.GetValue<string?>("--api-key") is not null) throw new UserError("--api-key: only used with --server");
        return await StartLocalAsync(parse.GetValue(Cli.Options.Data), ct);
    }

    private static async Task<ApiTarget> StartLocalAsync(string? dataOption, CancellationToken ct)
    {
        var data = DataDirectory.Resolve(dataOption).RequireLedger();
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        string[] settings =
        [
            "--Compliance:Api:Keys:9999:Name=cli:" + System.Environment.UserName,
            "--Compliance:Api:Keys:9999:Role=admin",
            "--Compliance:Api:Keys:9999:Sha256=" + ApiKeyAuthentication.HashOf(key),
            "--Compliance:Api:RateLimit:PermitLimit=1000000",
            "--Logging:LogLevel:Default=None",
        ];
        var app = ServeApp.Build(settings, new ServeOptions("http://127.0.0.1:0", data.Path, Adapters: false));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var target = new ApiTarget(Client(new Uri(address), key), app);
        await target.WaitUntilReadyAsync(ct);
        return target;
    }

    /// <summary>The local API answers once its projections have caught up with the ledger.</summary>
    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        for (var i = 0; i < 1200; i++)
        {
            if ((await Http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(50, ct);
        }

        throw new UserError("the read models did not catch up with the ledger within 60 s");
    }

    /// <summary>Sends one request; a problem answer becomes a one-line error naming the fields.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var response = await Http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new UserError(Describe(response.StatusCode, text));
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static string Describe(HttpStatusCode status, string text)
    {
        var line = new StringBuilder($"{(int)status} ");
        try
        {
            var problem = JsonSerializer.Deserialize<JsonElement>(text);
            line.Append(problem.TryGetProperty("title", out var title) ? title.GetString() : status.ToString());
            if (problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && !problem.TryGetProperty("errors", out _))
                line.Append(": ").Append(detail.GetString());
            if (problem.TryGetProperty("errors", out var errors))
                line.Append(": ").AppendJoin("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(", ", e.Value.EnumerateArray().Select(m => m.GetString()))}"));
        }
        catch (JsonException)
        {
            line.Append(status);
        }

        return line.ToString();
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (local is not null)
        {
            await local.StopAsync();
            await local.DisposeAsync();
        }
    }
}
