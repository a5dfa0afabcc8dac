using System.CommandLine;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance serve [--urls URL]</c>: runs the service until stopped (Ctrl+C or SIGTERM). Further arguments are
/// configuration (<c>--Compliance:Api:RateLimit:PermitLimit=100</c>).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => ServeOptions.DefaultUrls };
        var command = new Command("serve", "Run the service: API, projections and the configured adapters") { urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var listen = parse.GetValue(urls)!;
            if (!Uri.TryCreate(listen.Split(';')[0], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new UserError($"--urls: '{listen}' is not an http(s) URL such as {ServeOptions.DefaultUrls}");
            try
            {
                await using var app = ServeApp.Build([.. parse.UnmatchedTokens], new ServeOptions(listen, parse.GetValue(Options.Data), Store: parse.GetValue(Options.Store)));
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException e)
            {
                throw new UserError(string.Join("; ", e.Failures));
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserError($"--urls: cannot listen on {listen}: {e.Message}");
            }

            return 0;
        });
        return command;
    }
}
