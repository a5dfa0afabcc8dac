using Compliance.Host.Cli;

namespace Compliance.Host.Tests;

/// <summary>Runs `compliance` in-process with captured output, as a user would type it.</summary>
internal static class Cli
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TimeProvider.System, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
