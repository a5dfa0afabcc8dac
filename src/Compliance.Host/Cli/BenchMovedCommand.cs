using System.CommandLine;

namespace Compliance.Host.Cli;

/// <summary>
/// A hidden <c>compliance bench</c> that says where the benchmarks went: they are <c>compliance-bench</c>
/// (tests/Compliance.Benchmarks), so the product holds no benchmark and compiles no test support.
/// </summary>
internal static class BenchMovedCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "The benchmarks moved to compliance-bench (tests/Compliance.Benchmarks)") { Hidden = true, TreatUnmatchedTokensAsErrors = false };
        command.SetAction(int (_) => throw new UserError(
            "the benchmarks are compliance-bench in tests/Compliance.Benchmarks: dotnet run -c Release --project tests/Compliance.Benchmarks -- store|report|bus|api|watcher ..."));
        return command;
    }
}
