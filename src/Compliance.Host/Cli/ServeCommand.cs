using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance serve [--urls URL]</c>: runs the service until stopped (Ctrl+C or SIGTERM). Further arguments are
/// configuration (<c>--Compliance:Api:RateLimit:PermitLimit=100</c>). A port already in use is one line and exit 1,
/// found before anything starts.
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
            var addresses = listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var address in addresses)
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw new UserError($"--urls: '{address}' is not an http(s) URL such as {ServeOptions.DefaultUrls}");
                EnsureFree(uri);
            }

            try
            {
                var options = new ServeOptions(listen, parse.GetValue(Options.Data), Store: parse.GetValue(Options.Store), Verbose: parse.GetValue(Options.Verbose));
                await using var app = ServeApp.Build([.. parse.UnmatchedTokens], options);
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException e)
            {
                throw new UserError(string.Join("; ", e.Failures));
            }
            catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new EnvironmentError($"--urls: cannot listen on {listen}: {e.Message}", e);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Binds and releases the address's port (for a literal address or localhost) so that one in use fails before anything starts or logs.</summary>
    private static void EnsureFree(Uri uri)
    {
        if (uri.Port == 0) return;
        var host = uri.Host.Trim('[', ']');
        IPAddress[] addresses = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? [IPAddress.Loopback]
            : IPAddress.TryParse(host, out var ip) ? [ip]
            : host is "*" or "+" or "0.0.0.0" ? [IPAddress.Any] : [];
        foreach (var address in addresses)
        {
            try
            {
                var listener = new TcpListener(address, uri.Port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException e)
            {
                throw new EnvironmentError($"--urls: cannot listen on {uri.GetLeftPart(UriPartial.Authority)}: {(e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "the address is already in use" : e.Message)}", e);
            }
        }
    }
}
