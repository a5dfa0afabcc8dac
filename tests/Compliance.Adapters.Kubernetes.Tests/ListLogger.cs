using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>Keeps every log line so tests can check what the watcher said.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));

    public bool Said(LogLevel level, string fragment) => Lines.Any(l => l.Level == level && l.Text.Contains(fragment, StringComparison.Ordinal));
}
