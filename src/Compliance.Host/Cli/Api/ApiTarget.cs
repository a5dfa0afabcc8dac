using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Host.Api.Security;

namespace Compliance.Host.Cli.Api;

/// <summary>
/// A Compliance server the API subcommands send their request to (<c>--server URL --api-key KEY</c>); without --server
/// they call the use-case layer in this process instead (<see cref="LocalServices"/>).
/// </summary>
internal sealed class ApiTarget : IDisposable
{
    /// <summary>--server and --api-key, for one top-level command and its subcommands.</summary>
    public static Option[] Options() =>
    [
        new Option<string?>("--server") { Description = "Send the request to this Compliance server instead of the local data directory", Recursive = true },
        new Option<string?>("--api-key") { Description = "The API key for --server (default: $COMPLIANCE_API_KEY)", Recursive = true },
    ];

    private ApiTarget(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>The server --server names, or null when the command runs locally.</summary>
    public static ApiTarget? Open(ParseResult parse)
    {
        var server = parse.GetValue<string?>("--server");
        var key = parse.GetValue<string?>("--api-key") ?? System.Environment.GetEnvironmentVariable("COMPLIANCE_API_KEY");
        if (server is null)
        {
            if (parse.GetValue<string?>("--api-key") is not null) throw new UserError("--api-key: only used with --server");
            return null;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UserError($"--server: '{server}' is not an http(s) URL");
        if (string.IsNullOrEmpty(key)) throw new UserError("--api-key: required with --server (or set $COMPLIANCE_API_KEY)");
        return new ApiTarget(Client(uri, key));
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
        if (!response.IsSuccessStatusCode) throw new UserError(TerminalText.Safe(Describe(response.StatusCode, text)));
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

    public void Dispose() => Http.Dispose();
}
