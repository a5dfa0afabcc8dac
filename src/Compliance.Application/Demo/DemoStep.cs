using Compliance.Domain.Commands;

namespace Compliance.Application.Demo;

/// <summary>One command of the simulated fleet's history, to be decided and appended as recorded at <see cref="At"/>.</summary>
/// <param name="At">The simulated instant; equal to the command's Now.</param>
/// <param name="Command">The command to decide on its stream.</param>
public sealed record DemoStep(DateTimeOffset At, Command Command);
