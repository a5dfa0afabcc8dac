using Compliance.Host.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await CommandLine.RunAsync(args, TimeProvider.System, Console.Out, Console.Error, cancel.Token);
