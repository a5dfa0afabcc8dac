using System.Reflection;

namespace Compliance.Host.Tests;

/// <summary>Dependencies point inward (ARCHITECTURE.md): the domain and the contracts reference nothing of ours or anyone's.</summary>
public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("Compliance.Domain")]
    [InlineData("Compliance.Contracts")]
    public void the_core_references_only_the_runtime(string assembly) =>
        References(assembly).Where(r => !IsRuntime(r)).ShouldBeEmpty();

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

    private static IEnumerable<string> Loaded() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Compliance.*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>();

    private static List<string> References(string assembly) =>
        [.. Assembly.Load(assembly).GetReferencedAssemblies().Select(r => r.Name!)];

    private static bool IsRuntime(string name) =>
        name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);
}
