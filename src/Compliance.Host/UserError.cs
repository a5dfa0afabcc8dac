namespace Compliance.Host;

/// <summary>A mistake in what the user asked (bad argument, missing data): printed as one line, exit code 2, no stack trace.</summary>
internal sealed class UserError(string message) : Exception(message);

/// <summary>The environment stopped the command (a port in use, a server that does not answer, a data directory that cannot be used): one line, exit code 1.</summary>
internal sealed class EnvironmentError(string message, Exception? inner = null) : Exception(message, inner);
