using System.Globalization;

namespace Compliance.Adapters.EventStoreDb;

/// <summary>A node's address as the connection string or the cluster's gossip names it.</summary>
public sealed record EsdbEndPoint(string Host, int Port)
{
    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Where and how to reach EventStoreDB, parsed from its own connection string. <see cref="Gossip"/> is true for a cluster
/// (several hosts, or <c>esdb+discover://</c>): the seeds are asked for the cluster's members and the leader is used.
/// One host is used directly, and followed to the leader when it answers that it is not the leader. Reads and writes
/// always go to the leader (node preference leader): a follower may be behind.
/// </summary>
public sealed record EsdbSettings(
    IReadOnlyList<EsdbEndPoint> Seeds,
    bool Gossip,
    bool Tls,
    bool TlsVerifyCert,
    string? Username,
    string? Password,
    TimeSpan Deadline,
    int MaxDiscoverAttempts,
    TimeSpan DiscoveryInterval,
    TimeSpan GossipTimeout)
{
    /// <summary>EventStoreDB clients' defaults.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);
    public const int DefaultMaxDiscoverAttempts = 10;
    public static readonly TimeSpan DefaultDiscoveryInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan DefaultGossipTimeout = TimeSpan.FromSeconds(5);

    public Uri AddressOf(EsdbEndPoint node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new UriBuilder(Tls ? "https" : "http", node.Host, node.Port).Uri;
    }

    public override string ToString() =>
        $"{(Gossip ? "cluster via " : "")}{string.Join(",", Seeds)} ({(Tls ? "tls" : "no tls")}, user {(Username ?? "none")}, deadline {Deadline.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms)";
}

/// <summary>
/// Parses <c>esdb://[user:password@]host[:port][,host[:port]...][?setting=value&amp;...]</c> and
/// <c>esdb+discover://[user:password@]host[:port][?...]</c>, the forms EventStoreDB's clients take. Settings: tls,
/// tlsVerifyCert, defaultDeadline (ms), nodePreference (leader only: the ledger never reads from a follower),
/// maxDiscoverAttempts, discoveryInterval (ms), gossipTimeout (ms). TLS is on unless <c>tls=false</c>, as in EventStoreDB.
/// </summary>
public static class EsdbConnectionString
{
    public const int DefaultPort = 2113;

    public static EsdbSettings Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException("EventStoreDB connection string is empty (expected esdb://host:2113?tls=false)");
        text = text.Trim();
        const string single = "esdb://", discover = "esdb+discover://";
        var gossip = text.StartsWith(discover, StringComparison.OrdinalIgnoreCase);
        if (!gossip && !text.StartsWith(single, StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"EventStoreDB connection string must start with esdb:// or esdb+discover:// (got '{Redact(text)}')");

        var rest = text[(gossip ? discover.Length : single.Length)..];
        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt >= 0 ? rest[(queryAt + 1)..] : "";
        var authority = (queryAt >= 0 ? rest[..queryAt] : rest).TrimEnd('/');
        var (user, password) = Credentials(ref authority);
        if (authority.Length == 0) throw new FormatException("EventStoreDB connection string: no host (expected esdb://host:2113)");
        var seeds = authority.Split(',').Select(HostAndPort).ToList();
        gossip |= seeds.Count > 1;

        var tls = true;
        var verify = true;
        var deadline = EsdbSettings.DefaultDeadline;
        var attempts = EsdbSettings.DefaultMaxDiscoverAttempts;
        var interval = EsdbSettings.DefaultDiscoveryInterval;
        var gossipTimeout = EsdbSettings.DefaultGossipTimeout;
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
                case "defaultdeadline": deadline = TimeSpan.FromMilliseconds(Positive(key, value, "a positive number of milliseconds")); break;
                case "maxdiscoverattempts": attempts = Positive(key, value, "a positive number"); break;
                case "discoveryinterval": interval = TimeSpan.FromMilliseconds(Positive(key, value, "a positive number of milliseconds")); break;
                case "gossiptimeout": gossipTimeout = TimeSpan.FromMilliseconds(Positive(key, value, "a positive number of milliseconds")); break;
                case "nodepreference":
                    if (!string.Equals(value, "leader", StringComparison.OrdinalIgnoreCase))
                        throw new FormatException($"EventStoreDB connection string: nodePreference '{value}' is not supported; the ledger reads and writes through the leader only (nodePreference=leader), since a follower may be behind");
                    break;
                default:
                    throw new FormatException($"EventStoreDB connection string: unknown setting '{key}' (known: tls, tlsVerifyCert, defaultDeadline, nodePreference, maxDiscoverAttempts, discoveryInterval, gossipTimeout)");
            }
        }

        return new EsdbSettings(seeds, gossip, tls, verify, user, password, deadline, attempts, interval, gossipTimeout);
    }

    private static (string? User, string? Password) Credentials(ref string authority)
    {
        var at = authority.LastIndexOf('@');
        if (at < 0) return (null, null);
        var credentials = authority[..at];
        authority = authority[(at + 1)..];
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == credentials.Length - 1)
            throw new FormatException("EventStoreDB connection string: credentials must be user:password@ (both non-empty)");
        return (Uri.UnescapeDataString(credentials[..colon]), Uri.UnescapeDataString(credentials[(colon + 1)..]));
    }

    private static EsdbEndPoint HostAndPort(string authority)
    {
        if (authority.Length == 0) throw new FormatException("EventStoreDB connection string: an empty host in the list of hosts");
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.EndsWith(']')) return new EsdbEndPoint(authority, DefaultPort);
        var host = authority[..colon];
        var portText = authority[(colon + 1)..];
        if (host.Length == 0) throw new FormatException("EventStoreDB connection string: no host before the port");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new FormatException($"EventStoreDB connection string: port '{portText}' is not a number from 1 to 65535");
        return new EsdbEndPoint(host, port);
    }

    private static bool Bool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"EventStoreDB connection string: {key} must be true or false (got '{value}')"),
    };

    private static int Positive(string key, string value, string what) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"EventStoreDB connection string: {key} must be {what} (got '{value}')");

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
