using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Serve;

/// <summary>How serve's log lines look: one line per entry; an exception's stack trace only with --verbose.</summary>
internal sealed class OneLineConsoleOptions : ConsoleFormatterOptions
{
    public bool StackTraces { get; set; }
}

/// <summary>
/// "warn: KubernetesWatcherService: message (the exception's messages)": one line per log entry, so a failure at start
/// is one line to read, not a page of frames. With --verbose the exception follows in full.
/// </summary>
internal sealed class OneLineConsoleFormatter(IOptionsMonitor<OneLineConsoleOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "compliance";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category[(logEntry.Category.LastIndexOf('.') + 1)..]);
        textWriter.Write(": ");
        textWriter.Write(OneLine(message));
        if (logEntry.Exception is { } error)
        {
            if (options.CurrentValue.StackTraces) textWriter.Write("\n" + error);
            else textWriter.Write($" ({OneLine(Messages(error))})");
        }

        textWriter.Write('\n');
    }

    /// <summary>The messages of an exception and its inner ones, each once.</summary>
    public static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null && messages.Count < 4; e = e.InnerException)
        {
            if (!messages.Any(m => m.Contains(e.Message, StringComparison.Ordinal))) messages.Add(e.Message);
        }

        return string.Join(": ", messages);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        LogLevel.None => "none",
        _ => level.ToString(),
    };
}
