using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Handling;
using Compliance.Domain.Commands;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Host.Tests;

/// <summary>
/// Issue 13, finding 8: text stored before input was checked (an old ledger) never reaches the terminal raw. A name with
/// an escape sequence that clears the screen, a NUL, a right-to-left override and a zero-width space is printed escaped
/// by `clusters show`, `clusters list` and `history`, in tables and in JSON.
/// </summary>
public sealed class StoredTextTests : IAsyncLifetime
{
    private const string Hostile = "Evil\u001b[2J\u001b[H\0\u202Egnp.exe\u200B";
    private static readonly char[] Raw = ['\u001b', '\0', '\u202E', '\u200B'];

    private readonly string dir = Directory.CreateTempSubdirectory("compliance-terminal-").FullName;

    public async Task InitializeAsync()
    {
        // Written through the command handler, as an old ledger holds it: the deciders never checked display names.
        using var store = new SqliteEventStore(Path.Combine(dir, "ledger.db"), TimeProvider.System);
        using var handler = new CommandHandler(store);
        var outcome = await handler.HandleAsync(new RegisterCluster("old-cluster", Hostile, Environment.Staging, "team\u001b]0;owned\u0007", Flavour.Eks, null, "old", DateTimeOffset.UtcNow), null, CancellationToken.None);
        outcome.Rejection.ShouldBeNull();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("\\u001B[2J", "clusters", "show", "old-cluster")]
    [InlineData("\\u001B]0;owned\\u0007", "clusters", "list")]
    [InlineData("\\u001B[2J", "history", "--cluster", "old-cluster")]
    public async Task stored_control_characters_are_printed_escaped_in_tables(string escaped, params string[] command)
    {
        var (exit, output, error) = await Cli.RunAsync([.. command, "--data", dir]);

        exit.ShouldBe(0, error);
        output.IndexOfAny(Raw).ShouldBe(-1);
        output.ShouldNotContain("\u0007");
        output.ShouldContain(escaped);
    }

    [Theory]
    [InlineData("clusters", "show", "old-cluster")]
    [InlineData("history", "--cluster", "old-cluster")]
    public async Task stored_control_characters_are_escaped_in_json(params string[] command)
    {
        var (exit, output, error) = await Cli.RunAsync([.. command, "--data", dir, "--format", "json"]);

        exit.ShouldBe(0, error);
        output.IndexOfAny(Raw).ShouldBe(-1);
        output.ShouldContain("\\u001B[2J", Case.Insensitive);
    }

    [Fact]
    public async Task a_new_name_with_control_characters_is_refused_naming_the_field_and_the_error_prints_escaped()
    {
        var (exit, _, error) = await Cli.RunAsync("cluster", "register", "--id", "new-cluster", "--name", "New\u001b[2J", "--environment", "staging",
            "--owner", "t", "--flavour", "k3s", "--data", dir);

        exit.ShouldBe(2);
        error.ShouldContain("displayName");
        error.IndexOfAny(Raw).ShouldBe(-1);
    }

    [Fact]
    public async Task a_k3s_cluster_registers_from_the_command_line()
    {
        var (exit, _, error) = await Cli.RunAsync("cluster", "register", "--id", "k3s-edge", "--name", "Edge", "--environment", "staging",
            "--owner", "t", "--flavour", "k3s", "--data", dir);

        exit.ShouldBe(0, error);
    }
}
