namespace Compliance.Host.Tests;

/// <summary>The benchmarks left the product: `compliance bench` says in one line where they are, and runs nothing.</summary>
public sealed class BenchMovedTests
{
    [Theory]
    [InlineData("bench")]
    [InlineData("bench", "store", "--events", "1000")]
    [InlineData("bench", "watcher", "--nodes", "200", "--runs", "ledger")]
    public async Task bench_points_to_compliance_bench_in_one_line_and_exits_2(params string[] args)
    {
        var (exit, output, error) = await Cli.RunAsync(args);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith("compliance: the benchmarks are compliance-bench in tests/Compliance.Benchmarks: dotnet run -c Release --project tests/Compliance.Benchmarks -- ");
        error.TrimEnd().ShouldNotContain('\n');
    }
}
