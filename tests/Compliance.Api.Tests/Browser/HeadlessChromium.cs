using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compliance.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket on loopback) from the test: one page,
/// navigation, script evaluation, screenshots, and every URL the page requested. `bash .ci/setup` installs it.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> pending = new();
    private readonly ConcurrentQueue<string> requested = new();
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;
    private int nextId;

    private HeadlessChromium(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Every URL the page requested since it was opened (documents, styles, images, fetches).</summary>
    public IReadOnlyList<string> Requested => [.. requested];

    public static string Executable() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
        ?? throw new InvalidOperationException("No Chromium: install Debian's chromium package (bash .ci/setup does) or set CHROMIUM to its path");

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("compliance-chromium-").FullName;
        var start = new ProcessStartInfo(Executable()) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--disable-component-update", "--remote-debugging-address=127.0.0.1",
                     "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1400,1000", "about:blank",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync();
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync()
    {
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile)).Length < 2)
        {
            if (process.HasExited) throw new InvalidOperationException($"Chromium exited with {process.ExitCode} before it listened");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Chromium did not write DevToolsActivePort within 30 s");
            await Task.Delay(100);
        }

        var port = (await File.ReadAllLinesAsync(portFile))[0].Trim();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => t!["type"]!.GetValue<string>() == "page")!;
        await socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), CancellationToken.None);
        receiving = Task.Run(ReceiveAsync);
        await SendAsync("Page.enable");
        await SendAsync("Network.enable");
        await SendAsync("Runtime.enable");
    }

    public async Task<JsonNode> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var reply = await answer.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return reply["result"]!;
    }

    /// <summary>Opens <paramref name="url"/> and waits until the document has loaded.</summary>
    public async Task NavigateAsync(string url)
    {
        await SendAsync("Page.navigate", new { url });
        await WaitForAsync("document.readyState === 'complete' && location.href !== 'about:blank'");
    }

    /// <summary>Runs <paramref name="action"/> (a form submission, a click) and waits until the next document has loaded at <paramref name="path"/>.</summary>
    public async Task SubmitAsync(string action, string path)
    {
        // The mark lives in this document only: its absence tells the next document from this one, even at the same path.
        await EvaluateAsync("window.__left = true");
        await EvaluateAsync(action);
        await WaitForAsync($"!window.__left && location.pathname === {JsonSerializer.Serialize(path)} && document.readyState === 'complete'");
    }

    /// <summary>The value of a script expression (promises awaited), as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result["exceptionDetails"] is { } thrown) throw new InvalidOperationException($"script failed: {thrown.ToJsonString()}");
        return result["result"]?["value"];
    }

    public async Task<string> TextAsync(string expression) => (await EvaluateAsync(expression))?.GetValue<string>() ?? "";

    /// <summary>Runs <paramref name="action"/> (a click on a download link) and returns the bytes of the file the browser saved.</summary>
    public async Task<byte[]> DownloadAsync(string action)
    {
        var folder = Directory.CreateDirectory(Path.Combine(profile, "downloads-" + Guid.NewGuid().ToString("N"))).FullName;
        await SendAsync("Browser.setDownloadBehavior", new { behavior = "allow", downloadPath = folder });
        await EvaluateAsync(action);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var done = Directory.GetFiles(folder).Where(f => !f.EndsWith(".crdownload", StringComparison.Ordinal)).ToList();
            if (done.Count > 0) return await File.ReadAllBytesAsync(done[0]);
            await Task.Delay(100);
        }

        throw new TimeoutException($"no download finished within 60 s (in {folder}: {string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))})");
    }

    public async Task<byte[]> ScreenshotAsync() =>
        Convert.FromBase64String((await SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true }))["data"]!.GetValue<string>());

    private async Task WaitForAsync(string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await EvaluateAsync(condition))?.GetValue<bool>() == true) return;
            }
            catch (InvalidOperationException)
            {
                // The context was replaced by the next document while evaluating: ask again.
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not true within 30 s: {condition} (at {await TextAsync("location.href")})");
            await Task.Delay(50);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult part;
            try
            {
                part = await socket.ReceiveAsync(buffer, stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                break;
            }

            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage) continue;
            var node = JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length))!;
            message.SetLength(0);
            if (node["id"] is { } id && pending.TryRemove(id.GetValue<int>(), out var answer)) answer.TrySetResult(node);
            else if (node["method"]?.GetValue<string>() == "Network.requestWillBeSent") requested.Enqueue(node["params"]!["request"]!["url"]!.GetValue<string>());
        }

        foreach (var waiting in pending.Values) waiting.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Abort();
        if (receiving is not null) await receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        socket.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        stop.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
