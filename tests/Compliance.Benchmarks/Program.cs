using Compliance.Benchmarks;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await BenchCommandLine.RunAsync(args, Console.Out, Console.Error, cancel.Token);
