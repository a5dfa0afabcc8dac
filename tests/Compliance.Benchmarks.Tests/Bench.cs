namespace Compliance.Benchmarks.Tests;

/// <summary>Runs `compliance-bench` in-process with captured output, as a user would type it.</summary>
internal static class Bench
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BenchCommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
