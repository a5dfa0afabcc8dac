using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Compliance.Adapters.Kubernetes;
using Compliance.Adapters.Messaging.Bus;
using Compliance.Adapters.Messaging.Catalog;
using Compliance.Host.Api;

namespace Compliance.Host.Composition;

/// <summary>One setting: its configuration key, its environment variable, its type, its default and what it does.</summary>
internal sealed record SettingRow(string Key, string Variable, string Type, string Default, string Description);

/// <summary>
/// Every setting `compliance serve` and the CLI read, walked from the options classes the composition root binds (their
/// properties, types and defaults), with one sentence each. docs/settings.md is <c>compliance settings --format markdown</c>;
/// a test fails when an options property has no sentence here or the page is not what the command prints.
/// </summary>
internal static class SettingsReference
{
    /// <summary>The options classes by section, in the order the reference lists them.</summary>
    public static readonly IReadOnlyList<(string Section, Type Options)> Sections =
    [
        (StoreOptions.Section, typeof(StoreOptions)),
        (BusOptions.Section, typeof(BusOptions)),
        (KubernetesOptions.Section, typeof(KubernetesOptions)),
        (CatalogRefreshOptions.Section, typeof(CatalogRefreshOptions)),
        (ApiSettings.Section, typeof(ApiSettings)),
    ];

    /// <summary>What each setting does, by key (list indexes and dictionary keys written as &lt;n&gt; and &lt;context&gt;).</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Compliance:Data"] = "Data directory: the embedded ledger, read models, command answers, published-state file (also --data)",
        ["Compliance:Organisation"] = "Organisation named on report covers (also --organisation, $COMPLIANCE_ORGANISATION)",
        ["Compliance:Store:Kind"] = "Where the ledger is: Sqlite (ledger.db in the data directory) or EventStoreDb (also --store)",
        ["Compliance:Store:EventStoreDb:ConnectionString"] = "EventStoreDB in its own form: esdb://[user:password@]host:2113[?tls=false&tlsVerifyCert=false&defaultDeadline=ms]; required with Kind EventStoreDb",
        ["Compliance:Store:EventStoreDb:LedgerStream"] = "The one EventStoreDB stream the ledger is; another name lets several ledgers share a database (a DNS-label-like name)",
        ["Compliance:Bus:Transport"] = "InMemory (one process) or RabbitMq",
        ["Compliance:Bus:UsageTelemetry"] = "Let MassTransit send its usage telemetry (host OS, time zone, endpoint names) to its vendor; off unless set true",
        ["Compliance:Bus:RabbitMq:Host"] = "RabbitMQ host name",
        ["Compliance:Bus:RabbitMq:Port"] = "RabbitMQ port (5671 is the usual TLS port)",
        ["Compliance:Bus:RabbitMq:VirtualHost"] = "RabbitMQ virtual host the queues and exchanges live in",
        ["Compliance:Bus:RabbitMq:Username"] = "RabbitMQ user",
        ["Compliance:Bus:RabbitMq:Password"] = "RabbitMQ password (put it in a Secret, not a ConfigMap)",
        ["Compliance:Bus:RabbitMq:UseTls"] = "Connect with TLS 1.2/1.3",
        ["Compliance:Bus:ObservationQueue"] = "Queue the observation consumers read; its dead letters go to the same name with _error appended",
        ["Compliance:Bus:PrefetchCount"] = "Messages fetched ahead of processing",
        ["Compliance:Bus:IngestBatchSize"] = "Observations recorded together in one ledger transaction (1: one at a time)",
        ["Compliance:Bus:IngestWindow"] = "How long a batch waits for more messages after the first",
        ["Compliance:Bus:IntegrationPollInterval"] = "How often the integration gateway compares the read models with what it announced",
        ["Compliance:Bus:PublishedStatePath"] = "Where the gateway remembers what it announced (empty: integration-published.json in the data directory)",
        ["Compliance:Kubernetes:Enabled"] = "Watch clusters: true, false, or empty for on when a kubeconfig current context exists or the process runs in a cluster",
        ["Compliance:Kubernetes:Contexts:<n>"] = "Kubeconfig contexts to watch (empty: the current context); register each cluster id first (compliance cluster register)",
        ["Compliance:Kubernetes:InCluster"] = "Watch the cluster this process runs in through its service account",
        ["Compliance:Kubernetes:KubeconfigPath"] = "Kubeconfig file (empty: $KUBECONFIG or ~/.kube/config)",
        ["Compliance:Kubernetes:ClusterIds:<context>"] = "Cluster id the observations of a context carry (default: the context name)",
        ["Compliance:Kubernetes:InClusterId"] = "Cluster id of the in-cluster watcher",
        ["Compliance:Kubernetes:Namespaces:<n>"] = "Namespaces whose pods' images are observed as add-ons (empty: kube-system, cert-manager, ingress-nginx, logging, monitoring, istio-system, kyverno, argocd, flux-system, gatekeeper-system, keda)",
        ["Compliance:Kubernetes:VersionPollInterval"] = "How often GET /version is polled",
        ["Compliance:Kubernetes:RetryInitial"] = "First retry delay after an error; doubles with jitter up to RetryMaximum",
        ["Compliance:Kubernetes:RetryMaximum"] = "Longest retry delay",
        ["Compliance:Kubernetes:PageSize"] = "Items per list page",
        ["Compliance:Catalog:RefreshEnabled"] = "Refresh the shipped catalog from endoflife.date and the Kubernetes CVE feed",
        ["Compliance:Catalog:EndOfLifeBaseUrl"] = "endoflife.date API base",
        ["Compliance:Catalog:CveFeedUrl"] = "Kubernetes official CVE feed (JSON)",
        ["Compliance:Catalog:RefreshInterval"] = "How often the catalog is refreshed",
        ["Compliance:Catalog:RequestTimeout"] = "Timeout of each request to a feed",
        ["Compliance:Api:Keys:<n>:Name"] = "Key name, recorded as the actor of its commands (unique)",
        ["Compliance:Api:Keys:<n>:Role"] = "auditor (queries, reports), operator (also maintenance), admin (also policies)",
        ["Compliance:Api:Keys:<n>:Sha256"] = "SHA-256 of the key in hex (printf %s KEY | sha256sum); the key itself is never configured",
        ["Compliance:Api:RateLimit:PermitLimit"] = "Requests per key per window",
        ["Compliance:Api:RateLimit:WindowSeconds"] = "Length of the rate-limit window",
        ["Compliance:Api:RateLimit:AnonymousPermitLimit"] = "Requests per client address per window for callers without a valid key",
        ["Compliance:Api:Reports:MaxConcurrent"] = "Different reports rendered at once; more are answered 503 with Retry-After",
        ["Compliance:Api:Reports:CachedReports"] = "Rendered reports kept for identical requests",
        ["Compliance:Api:Reports:FreshSeconds"] = "How long a report as of now answers identical requests while the ledger's facts stay the same",
        ["Compliance:Api:Reports:RetryAfterSeconds"] = "Retry-After of a report request refused because every render slot is busy",
        ["Compliance:Api:MaxRequestBodyBytes"] = "Largest request body; larger ones get 413",
        ["Logging:LogLevel:<category>"] = "Log level per category (Default, MassTransit, Compliance, ...); serve --verbose sets Debug",
    };

    public static IReadOnlyList<SettingRow> Rows()
    {
        var rows = new List<SettingRow>
        {
            Row("Compliance:Data", "path", "~/.local/share/compliance"),
            Row("Compliance:Organisation", "text", "Compliance"),
        };
        foreach (var (section, type) in Sections) rows.AddRange(Walk(section, type, Activator.CreateInstance(type)));
        rows.Add(Row("Logging:LogLevel:<category>", "level", "Information (MassTransit: Error)", variable: "Logging__LogLevel__<category>"));
        return rows;
    }

    /// <summary>Keys the options classes have and <see cref="Descriptions"/> does not describe.</summary>
    public static IEnumerable<string> Undescribed() => Sections.SelectMany(s => Walk(s.Section, s.Options, Activator.CreateInstance(s.Options)))
        .Where(r => r.Description.Length == 0).Select(r => r.Key);

    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("# Settings\n\n");
        text.Append("Every setting `compliance serve` and the CLI read, from `appsettings.json` beside the binary, environment variables\n");
        text.Append("(`COMPLIANCE_` prefix, `__` between levels: `COMPLIANCE_BUS__RABBITMQ__HOST` is `Compliance:Bus:RabbitMq:Host`) and serve's\n");
        text.Append("command line (`--Compliance:Api:RateLimit:PermitLimit=100`), later ones winning. Durations are `hh:mm:ss` (or\n");
        text.Append("`d.hh:mm:ss`); a list is numbered from 0 (`COMPLIANCE_KUBERNETES__CONTEXTS__0`). Bad values stop `serve` at start with\n");
        text.Append("one line per problem.\n\n");
        text.Append("Generated by `compliance settings --format markdown` from the options classes; a test fails when they drift apart.\n\n");
        text.Append("| setting | environment variable | type | default | what |\n| --- | --- | --- | --- | --- |\n");
        foreach (var row in Rows())
            text.Append(CultureInfo.InvariantCulture, $"| `{row.Key}` | `{row.Variable}` | {row.Type} | {(row.Default.Length == 0 ? "" : $"`{row.Default}`")} | {row.Description} |\n");
        return text.ToString();
    }

    private static IEnumerable<SettingRow> Walk(string prefix, Type type, object? instance)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}:{property.Name}";
            var value = instance is null ? null : property.GetValue(instance);
            var kind = property.PropertyType;
            if (kind.IsGenericType && kind.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                yield return Row($"{key}:<context>", "text", "");
                continue;
            }

            if (kind != typeof(string) && typeof(IEnumerable).IsAssignableFrom(kind))
            {
                var item = kind.GetGenericArguments()[0];
                if (item == typeof(string)) yield return Row($"{key}:<n>", "list of text", "");
                else foreach (var row in Walk($"{key}:<n>", item, null)) yield return row;
                continue;
            }

            if (IsSection(kind))
            {
                foreach (var row in Walk(key, kind, value)) yield return row;
                continue;
            }

            yield return Row(key, TypeName(kind), Default(value));
        }
    }

    private static bool IsSection(Type type) => type.IsClass && type != typeof(string);

    private static SettingRow Row(string key, string type, string defaultValue, string? variable = null) =>
        new(key, variable ?? Settings.Prefix + string.Join("__", key["Compliance:".Length..].Split(':').Select(p => p.StartsWith('<') ? p : p.ToUpperInvariant())),
            type, defaultValue, Descriptions.GetValueOrDefault(key) ?? "");

    private static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum) return string.Join(" \\| ", Enum.GetNames(underlying));
        if (underlying == typeof(bool)) return Nullable.GetUnderlyingType(type) is null ? "true \\| false" : "true \\| false \\| empty";
        if (underlying == typeof(int) || underlying == typeof(long)) return "integer";
        if (underlying == typeof(double)) return "number";
        if (underlying == typeof(TimeSpan)) return "duration";
        return "text";
    }

    private static string Default(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
