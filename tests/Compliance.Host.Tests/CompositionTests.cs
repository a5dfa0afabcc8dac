using Compliance.Application.Ports;
using Compliance.Application.ReadModels;
using Compliance.Application.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Host.Tests;

/// <summary>One composition root chooses store and bus; each adapter registers only itself (ARCHITECTURE.md).</summary>
public sealed class CompositionTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "compliance-composition-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Registrations() =>
    [
        nameof(SqliteServiceCollectionExtensions.AddSqliteLedger),
        nameof(SqliteServiceCollectionExtensions.AddSqliteReadModels),
        nameof(EventStoreDbServiceCollectionExtensions.AddEventStoreDbLedger),
        nameof(MessagingServiceCollectionExtensions.AddComplianceMessaging),
        nameof(KubernetesServiceCollectionExtensions.AddComplianceKubernetes),
    ];

    [Theory]
    [MemberData(nameof(Registrations))]
    public void an_adapter_registers_only_itself_and_replaces_nothing_registered_before(string registration)
    {
        var services = new ServiceCollection();
        // What another adapter would have registered for the ports: these must survive untouched.
        services.AddSingleton<IEventStore>(_ => throw new InvalidOperationException("another adapter's store"));
        services.AddSingleton<IEventReader>(_ => throw new InvalidOperationException("another adapter's reader"));
        services.AddSingleton<IReadModelStore>(_ => throw new InvalidOperationException("another adapter's read models"));
        services.AddSingleton<IIdempotencyStore>(_ => throw new InvalidOperationException("another adapter's answers"));
        var before = services.ToList();

        Register(services, registration);

        services.Take(before.Count).ShouldBe(before, $"{registration} removed or replaced a registration made before it");
        var own = AdapterOf(registration);
        foreach (var added in services.Skip(before.Count))
        {
            foreach (var type in new[] { added.ServiceType, added.ImplementationType, added.ImplementationInstance?.GetType() }.OfType<Type>())
            {
                var assembly = type.Assembly.GetName().Name!;
                (assembly.StartsWith("Compliance.Adapters.", StringComparison.Ordinal) && assembly != own)
                    .ShouldBeFalse($"{registration} registered {type.FullName} of {assembly}");
            }
        }
    }

    [Fact]
    public void only_the_composition_root_chooses_a_store_or_a_bus()
    {
        var root = Root();
        var calls = new[] { "AddSqliteLedger(", "AddEventStoreDbLedger(", "AddComplianceMessaging(", "AddComplianceKubernetes(" };
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(Path.Combine("Composition", "CompositionRoot.cs"), StringComparison.Ordinal))
            .Where(f => calls.Any(c => File.ReadAllText(f).Contains("." + c, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        offenders.ShouldBeEmpty("store and bus are chosen in src/Compliance.Host/Composition/CompositionRoot.cs alone");
    }

    [Fact]
    public void the_host_folders_depend_on_each_other_without_a_cycle()
    {
        var host = Path.Combine(Root(), "src", "Compliance.Host");
        var folders = Directory.EnumerateDirectories(host).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        var uses = folders.ToDictionary(f => f, f => Directory.EnumerateFiles(Path.Combine(host, f), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"Compliance\.Host\.(\w+)|(?<![\w.])(\w+)\.[A-Z]\w*\.")
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .Where(used => folders.Contains(used) && used != f)
            .ToHashSet(StringComparer.Ordinal));

        foreach (var start in folders)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var next = new Stack<string>(uses[start]);
            while (next.TryPop(out var folder))
            {
                folder.ShouldNotBe(start, $"Host/{start} reaches itself again through the folders it uses ({string.Join(", ", seen.Order(StringComparer.Ordinal))})");
                if (seen.Add(folder)) foreach (var used in uses[folder]) next.Push(used);
            }
        }
    }

    private static void Register(ServiceCollection services, string registration)
    {
        var configuration = new ConfigurationBuilder().Build();
        switch (registration)
        {
            case nameof(SqliteServiceCollectionExtensions.AddSqliteLedger):
                services.AddSqliteLedger(Path.Combine(Folder, "ledger.db"));
                break;
            case nameof(SqliteServiceCollectionExtensions.AddSqliteReadModels):
                services.AddSqliteReadModels(Path.Combine(Folder, "readmodels.db"), Path.Combine(Folder, "idempotency.db"));
                break;
            case nameof(EventStoreDbServiceCollectionExtensions.AddEventStoreDbLedger):
                services.AddEventStoreDbLedger("esdb://127.0.0.1:2113?tls=false", "compliance-ledger");
                break;
            case nameof(MessagingServiceCollectionExtensions.AddComplianceMessaging):
                services.AddComplianceMessaging(configuration, Adapters.Messaging.Bus.BusTransport.InMemory);
                break;
            case nameof(KubernetesServiceCollectionExtensions.AddComplianceKubernetes):
                services.AddComplianceKubernetes(configuration);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(registration), registration, "no such registration");
        }
    }

    private static string AdapterOf(string registration) => registration switch
    {
        nameof(SqliteServiceCollectionExtensions.AddSqliteLedger) or nameof(SqliteServiceCollectionExtensions.AddSqliteReadModels) => "Compliance.Adapters.Sqlite",
        nameof(EventStoreDbServiceCollectionExtensions.AddEventStoreDbLedger) => "Compliance.Adapters.EventStoreDb",
        nameof(MessagingServiceCollectionExtensions.AddComplianceMessaging) => "Compliance.Adapters.Messaging",
        nameof(KubernetesServiceCollectionExtensions.AddComplianceKubernetes) => "Compliance.Adapters.Kubernetes",
        _ => throw new ArgumentOutOfRangeException(nameof(registration), registration, "no such registration"),
    };

    /// <summary>The repository root: the folder above the test binaries that holds Compliance.sln.</summary>
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Compliance.sln above {AppContext.BaseDirectory}");
    }

}
