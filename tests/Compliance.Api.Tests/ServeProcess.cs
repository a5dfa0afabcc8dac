using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Compliance.Api.Tests;

/// <summary>`compliance serve` as a real process on a free loopback port: its output line by line, /health/live polled, SIGTERM to stop.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];

    private ServeProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Url { get; }

    public HttpClient Http { get; }

    public int ExitCode => process.ExitCode;

    /// <summary>Every line written to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (lines) return [.. lines]; }
    }

    public static ServeProcess Start(string data, IReadOnlyDictionary<string, string>? environment = null, string? url = null, params string[] extra)
    {
        url ??= $"http://127.0.0.1:{FreePort()}";
        var dll = Path.Combine(AppContext.BaseDirectory, "compliance.dll");
        File.Exists(dll).ShouldBeTrue(dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "serve", "--urls", url, "--data", data }.Concat(extra)) start.ArgumentList.Add(arg);
        // No kubeconfig of the machine's: the process watches what the test configures, or nothing.
        start.Environment["KUBECONFIG"] = Path.Combine(data, "no-kubeconfig");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var serve = new ServeProcess(new Process { StartInfo = start }, url);
        serve.process.OutputDataReceived += (_, e) => serve.Add(e.Data);
        serve.process.ErrorDataReceived += (_, e) => serve.Add(e.Data);
        serve.process.Start();
        serve.process.BeginOutputReadLine();
        serve.process.BeginErrorReadLine();
        return serve;
    }

    public async Task WaitUntilLiveAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            process.HasExited.ShouldBeFalse(Output);
            try
            {
                if ((await Http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("compliance serve did not answer /health/live within 60 s: " + Output);
    }

    /// <summary>Waits for the process to end by itself; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends SIGTERM as a service manager would and waits for the exit.</summary>
    public async Task<bool> StopAsync()
    {
        if (process.HasExited) return true;
        Signal(process.Id, 15).ShouldBe(0);
        return await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public string Output => string.Join('\n', Lines);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The shell's kill builtin: no procps needed.</summary>
    public static int Signal(int pid, int signal)
    {
        using var kill = Process.Start("/bin/sh", ["-c", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"kill -{signal} {pid}")]);
        kill.WaitForExit();
        return kill.ExitCode;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (lines) lines.Add(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Http.Dispose();
    }
}
