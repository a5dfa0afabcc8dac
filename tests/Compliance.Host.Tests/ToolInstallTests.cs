using System.Diagnostics;

namespace Compliance.Host.Tests;

/// <summary>`compliance` installs once as a .NET tool: packed from the Host's build, installed into a folder from that package alone, run by name.</summary>
public sealed class ToolInstallTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("compliance-tool-").FullName;

    [Fact]
    public void the_packed_tool_installs_into_a_folder_and_runs_as_compliance()
    {
        var packages = Path.Combine(dir, "packages");
        var tools = Path.Combine(dir, "bin");
        // Only the package just packed: no other feed is asked for a package named compliance.
        var config = Path.Combine(dir, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);

        Run("dotnet", "pack", Path.Combine(DeploymentTests.Root, "src", "Compliance.Host"), "-c", Configuration(), "--no-build", "--nologo", "-o", packages);
        Directory.GetFiles(packages, "compliance.*.nupkg").ShouldHaveSingleItem();
        Run("dotnet", "tool", "install", "--tool-path", tools, "--configfile", config, "compliance");
        var help = Run(Path.Combine(tools, "compliance"), "--help");

        help.ShouldContain("eol-risk");
        help.ShouldContain("serve");
        var version = Run(Path.Combine(tools, "compliance"), "eol-risk", "check", "--version", "v1.29.3-eks-adc7111", "--format", "json");
        version.ShouldContain("\"product\": \"amazon-eks\"");
    }

    /// <summary>Release or Debug: the configuration these tests (and so the Host they reference) were built in.</summary>
    private static string Configuration() =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Debug", StringComparer.Ordinal) ? "Debug" : "Release";

    private string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{file} {string.Join(' ', args)}:\n{output.Result}\n{error.Result}");
        return output.Result;
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
