using System.Reflection;
using System.Xml.Linq;

namespace Compliance.Host.Tests;

/// <summary>
/// Dependencies point inward (ARCHITECTURE.md): the contracts reference nothing of ours or anyone's, and the domain
/// nothing but the runtime and the pure libraries listed in <see cref="PureLibraries"/>. The product (src/) holds the
/// product: no test support compiled in, no benchmark (those are tests/Compliance.Benchmarks).
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Libraries the domain may reference: pure computation with no I/O, no clock and no threads of their own, so the
    /// domain stays pure with them. Cronos (MIT) reads cron expressions and computes their occurrences in a time zone.
    /// A library joins this list only by a decision written here.
    /// </summary>
    private static readonly string[] PureLibraries = ["Cronos"];

    [Fact]
    public void the_domain_references_only_the_runtime_and_the_allowed_pure_libraries() =>
        References("Compliance.Domain").Where(r => !IsRuntime(r) && !PureLibraries.Contains(r)).ShouldBeEmpty();

    [Fact]
    public void the_contracts_reference_only_the_runtime() =>
        References("Compliance.Contracts").Where(r => !IsRuntime(r)).ShouldBeEmpty();

    [Fact]
    public void the_application_references_only_the_domain_and_the_contracts_of_ours() =>
        References("Compliance.Application").Where(r => r.StartsWith("Compliance.", StringComparison.Ordinal))
            .ShouldBeSubsetOf(["Compliance.Domain", "Compliance.Contracts"]);

    [Fact]
    public void adapters_reference_no_other_adapter_and_not_the_host()
    {
        foreach (var adapter in Loaded().Where(a => a.StartsWith("Compliance.Adapters.", StringComparison.Ordinal)))
        {
            References(adapter).Where(r => r.StartsWith("Compliance.Adapters.", StringComparison.Ordinal) || r == "compliance")
                .ShouldBeEmpty($"{adapter} may only depend inward");
        }
    }

    [Fact]
    public void no_product_assembly_compiles_a_file_from_the_tests()
    {
        var tests = Path.Combine(DeploymentTests.Root, "tests") + Path.DirectorySeparatorChar;
        foreach (var project in ProductProjects())
        {
            var folder = Path.GetDirectoryName(project)!;
            XDocument.Load(project).Descendants("Compile").Select(c => (string?)c.Attribute("Include")).OfType<string>()
                .Where(include => Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/'))).StartsWith(tests, StringComparison.Ordinal))
                .ShouldBeEmpty($"{Path.GetFileName(project)} compiles test files into the product");
        }
    }

    [Fact]
    public void no_product_assembly_holds_a_benchmark_or_test_support_or_references_the_benchmarks()
    {
        foreach (var assembly in ProductProjects().Select(AssemblyName))
        {
            Assembly.Load(assembly).GetTypes().Select(t => t.Namespace ?? "")
                .Where(n => n.Contains(".Bench", StringComparison.Ordinal) || n.StartsWith("Compliance.Testing", StringComparison.Ordinal)).Distinct()
                .ShouldBeEmpty($"{assembly} holds benchmarks or test support (they live in tests/)");
            References(assembly).ShouldNotContain("compliance-bench", $"{assembly} references the benchmarks");
        }
    }

    /// <summary>Every project under src/: the product.</summary>
    private static List<string> ProductProjects()
    {
        List<string> projects = [.. Directory.GetDirectories(Path.Combine(DeploymentTests.Root, "src")).SelectMany(d => Directory.GetFiles(d, "*.csproj"))];
        projects.ShouldContain(p => Path.GetFileName(p) == "Compliance.Host.csproj");
        return projects;
    }

    private static string AssemblyName(string project) =>
        XDocument.Load(project).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault() ?? Path.GetFileNameWithoutExtension(project);

    private static IEnumerable<string> Loaded() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Compliance.*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>();

    private static List<string> References(string assembly) =>
        [.. Assembly.Load(assembly).GetReferencedAssemblies().Select(r => r.Name!)];

    private static bool IsRuntime(string name) =>
        name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);
}
