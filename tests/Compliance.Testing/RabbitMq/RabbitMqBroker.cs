using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compliance.Testing.RabbitMq;

/// <summary>
/// A private RabbitMQ node for tests: Debian's <c>rabbitmq-server</c> on a free 127.0.0.1 port, with its own data, log
/// and config in a fresh folder owned by the <c>rabbitmq</c> user, and a unique node name. <see cref="StopAsync"/> and
/// <see cref="StartAsync"/> keep the data (durable queues survive an outage); <see cref="DisposeAsync"/> shuts the
/// node down and deletes the folder. Guest can log in from loopback.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string folder;
    private Process? server;

    private RabbitMqBroker(string folder, string nodeName, int port, int distPort)
    {
        this.folder = folder;
        NodeName = nodeName;
        Port = port;
        DistPort = distPort;
    }

    public string NodeName { get; }

    public int Port { get; }

    public int DistPort { get; }

    public string Host => "127.0.0.1";

    public string Username => "guest";

    public string Password => "guest";

    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{Port}/");

    /// <summary>True when <c>rabbitmq-server</c> is installed (.ci/setup installs it).</summary>
    public static bool IsInstalled => File.Exists("/usr/sbin/rabbitmq-server") || File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server");

    public static async Task<RabbitMqBroker> StartNewAsync(CancellationToken ct = default)
    {
        if (!IsInstalled) throw new InvalidOperationException("rabbitmq-server is not installed: run `bash .ci/setup` (Debian package rabbitmq-server)");
        var id = Guid.NewGuid().ToString("N")[..10];
        var folder = Path.Combine(Path.GetTempPath(), $"compliance-rabbitmq-{id}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].\n", ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"), "loopback_users.guest = true\n", ct);
        var broker = new RabbitMqBroker(folder, $"compliance-test-{id}@localhost", FreePort(), FreePort());
        await RunAsync("chown", ["-R", "rabbitmq:rabbitmq", folder], ct);
        await broker.StartAsync(ct);
        return broker;
    }

    /// <summary>Starts the node (again) and waits until its AMQP port accepts connections and the app is running.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        var start = new ProcessStartInfo("rabbitmq-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in Environment()) start.Environment[key] = value;
        server = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await PortOpenAsync(ct))
        {
            if (server.HasExited) throw new InvalidOperationException($"rabbitmq-server exited with {server.ExitCode}; logs in {folder}/log");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"rabbitmq-server did not open 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s; logs in {folder}/log");
            await Task.Delay(200, ct);
        }

        await RabbitMqCtlAsync(["await_startup"], ct);
    }

    /// <summary>Shuts the node down (data kept); returns when its port is closed.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (server is null) return;
        await RabbitMqCtlAsync(["shutdown"], ct);
        await server.WaitForExitAsync(ct);
        server.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            if (server is { HasExited: false }) server.Kill(entireProcessTree: true);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // the node's last log writes may race the delete; the temp folder is cleaned up by the OS eventually
        }
    }

    /// <summary>Runs <c>rabbitmqctl -n NODE args</c> (list_queues, ...) and returns its standard output.</summary>
    public Task<string> RabbitMqCtlAsync(IReadOnlyList<string> args, CancellationToken ct = default) =>
        RunAsync("rabbitmqctl", ["-n", NodeName, .. args], ct, Environment());

    private IEnumerable<(string, string)> Environment() =>
    [
        ("RABBITMQ_NODENAME", NodeName),
        ("ERL_EPMD_ADDRESS", "127.0.0.1"),
        ("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
        ("RABBITMQ_NODE_PORT", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RABBITMQ_DIST_PORT", DistPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"), // the distribution port on loopback too
        ("RABBITMQ_MNESIA_BASE", Path.Combine(folder, "mnesia")),
        ("RABBITMQ_LOG_BASE", Path.Combine(folder, "log")),
        ("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(folder, "enabled_plugins")),
        ("RABBITMQ_CONFIG_FILE", Path.Combine(folder, "rabbitmq")),
    ];

    private async Task<bool> PortOpenAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct, IEnumerable<(string, string)>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
