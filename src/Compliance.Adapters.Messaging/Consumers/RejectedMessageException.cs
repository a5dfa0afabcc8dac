namespace Compliance.Adapters.Messaging.Consumers;

/// <summary>
/// A message that can never be recorded (the decider rejected it, or a field holds a value no contract allows).
/// Not retried: it goes straight to the error queue, with this message in its fault headers.
/// </summary>
public sealed class RejectedMessageException(string message) : Exception(message);
