using System.Globalization;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>Where and how to reach one EventStoreDB node, parsed from EventStoreDB's own connection string.</summary>
public sealed record EsdbSettings(Uri Address, bool Tls, bool TlsVerifyCert, string? Username, string? Password, TimeSpan Deadline)
{
    /// <summary>EventStoreDB clients' default deadline for a call.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    public override string ToString() =>
        $"{(Tls ? "https" : "http")}://{Address.Authority} (user {(Username ?? "none")}, deadline {Deadline.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms)";
}

/// <summary>
/// Parses <c>esdb://[user:password@]host[:port][?tls=false&amp;tlsVerifyCert=false&amp;defaultDeadline=ms]</c>, the form
/// EventStoreDB's clients take. One node only: cluster gossip (<c>esdb+discover://</c> or several hosts) is refused with a
/// message saying so rather than quietly using the first host. TLS is on unless <c>tls=false</c>, as in EventStoreDB.
/// </summary>
public static class EsdbConnectionString
{
    public const int DefaultPort = 2113;

    public static EsdbSettings Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException("EventStoreDB connection string is empty (expected esdb://host:2113?tls=false)");
        text = text.Trim();
        const string scheme = "esdb://";
        if (text.StartsWith("esdb+discover://", StringComparison.OrdinalIgnoreCase))
            throw new FormatException("EventStoreDB connection string: esdb+discover:// (cluster gossip) is not supported; give one node as esdb://host:port");
        if (!text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"EventStoreDB connection string must start with esdb:// (got '{Redact(text)}')");

        var rest = text[scheme.Length..];
        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt >= 0 ? rest[(queryAt + 1)..] : "";
        var authority = (queryAt >= 0 ? rest[..queryAt] : rest).TrimEnd('/');
        string? user = null, password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var credentials = authority[..at];
            authority = authority[(at + 1)..];
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == credentials.Length - 1)
                throw new FormatException("EventStoreDB connection string: credentials must be user:password@ (both non-empty)");
            user = Uri.UnescapeDataString(credentials[..colon]);
            password = Uri.UnescapeDataString(credentials[(colon + 1)..]);
        }

        if (authority.Length == 0) throw new FormatException("EventStoreDB connection string: no host (expected esdb://host:2113)");
        if (authority.Contains(',', StringComparison.Ordinal))
            throw new FormatException("EventStoreDB connection string: several hosts (a cluster) are not supported; give one node");
        var (host, port) = HostAndPort(authority);

        var tls = true;
        var verify = true;
        var deadline = EsdbSettings.DefaultDeadline;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new FormatException($"EventStoreDB connection string: setting '{pair}' has no value (expected key=value)");
            var key = pair[..eq];
            var value = Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (key.ToLowerInvariant())
            {
                case "tls": tls = Bool(key, value); break;
                case "tlsverifycert": verify = Bool(key, value); break;
                case "defaultdeadline":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms <= 0)
                        throw new FormatException($"EventStoreDB connection string: defaultDeadline must be a positive number of milliseconds (got '{value}')");
                    deadline = TimeSpan.FromMilliseconds(ms);
                    break;
                default:
                    throw new FormatException($"EventStoreDB connection string: unknown setting '{key}' (known: tls, tlsVerifyCert, defaultDeadline)");
            }
        }

        var address = new UriBuilder(tls ? "https" : "http", host, port).Uri;
        return new EsdbSettings(address, tls, verify, user, password, deadline);
    }

    private static (string Host, int Port) HostAndPort(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.EndsWith(']')) return (authority, DefaultPort);
        var host = authority[..colon];
        var portText = authority[(colon + 1)..];
        if (host.Length == 0) throw new FormatException("EventStoreDB connection string: no host before the port");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new FormatException($"EventStoreDB connection string: port '{portText}' is not a number from 1 to 65535");
        return (host, port);
    }

    private static bool Bool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"EventStoreDB connection string: {key} must be true or false (got '{value}')"),
    };

    /// <summary>The text without a password, for messages.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || schemeEnd < 0 || at < schemeEnd) return text;
        var colon = text.IndexOf(':', schemeEnd + 3);
        return colon > 0 && colon < at ? string.Concat(text.AsSpan(0, colon + 1), "***", text.AsSpan(at)) : text;
    }
}
