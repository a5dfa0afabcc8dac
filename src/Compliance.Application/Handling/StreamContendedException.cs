using System.Globalization;

namespace Compliance.Application.Handling;

/// <summary>
/// Other writers (replicas, other processes) appended to the command's stream before each of the handler's attempts,
/// so it gave up; nothing of the command was written. The same command later is decided on the stream as it is then.
/// </summary>
public sealed class StreamContendedException(string stream, int attempts, Exception inner)
    : Exception($"Stream '{stream}' was changed by other writers before each of {attempts.ToString(CultureInfo.InvariantCulture)} attempts to append to it; nothing was written.", inner)
{
    public string Stream { get; } = stream;
    public int Attempts { get; } = attempts;
}
