using System.Diagnostics;

namespace Compliance.Host.Cli;

/// <summary>
/// A progress line on stderr for work that takes longer than <see cref="After"/>: the phase, how far (when the total is
/// known) and the seconds so far, redrawn in place each second. Only on a terminal: piped or captured, stderr keeps just
/// the result or the one-line error.
/// </summary>
internal sealed class Progress : IDisposable
{
    public static readonly TimeSpan After = TimeSpan.FromSeconds(2);

    private readonly TextWriter error;
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Timer? timer;
    private readonly Lock gate = new();
    private string phase = "";
    private long done;
    private long total;
    private bool shown;
    private bool disposed;

    public Progress(TextWriter error, bool? terminal = null, TimeSpan? after = null)
    {
        this.error = error;
        if (terminal ?? (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected))
            timer = new Timer(_ => Draw(), null, after ?? After, TimeSpan.FromSeconds(1));
    }

    /// <summary>Starts a phase ("writing 5,871 simulated commands"); <paramref name="steps"/> when its length is known.</summary>
    public void Phase(string text, long steps = 0)
    {
        lock (gate)
        {
            phase = text;
            total = steps;
            done = 0;
        }
    }

    public void Advance() => Interlocked.Increment(ref done);

    /// <summary>Draws the line now (the timer does it each second once <see cref="After"/> has passed).</summary>
    public void Draw()
    {
        lock (gate)
        {
            if (disposed) return;
            var share = total > 0 ? $" {Math.Min(100, Interlocked.Read(ref done) * 100 / total)}%" : "";
            error.Write($"\rcompliance: {phase}{share} ({watch.Elapsed.TotalSeconds:0} s)\u001b[K");
            shown = true;
        }
    }

    public void Dispose()
    {
        timer?.Dispose();
        lock (gate)
        {
            if (shown && !disposed) error.Write("\r\u001b[K");
            disposed = true;
        }
    }
}
