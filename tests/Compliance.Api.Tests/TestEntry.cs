using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;

namespace Compliance.Api.Tests;

/// <summary>The entry point WebApplicationFactory runs: the same ServeApp.Build as `compliance serve`, settings from the factory.</summary>
public sealed class TestEntry
{
    public static void Main(string[] args) => ServeApp.Build(args, new ServeOptions("http://127.0.0.1:0")).Run();
}
