using System.Diagnostics;
using System.Globalization;

namespace Compliance.Benchmarks.Bus;

/// <summary>
/// This process's CPU time (user + sys) and managed allocations over one benchmark phase, per message: figures a busy
/// machine disturbs far less than wall time. The broker's own CPU is not included (it is another process).
/// </summary>
internal sealed class PhaseMeter
{
    private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long allocated = GC.GetTotalAllocatedBytes(precise: true);

    public string PerMessage(int messages)
    {
        var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / messages;
        var kb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / messages;
        return string.Create(CultureInfo.InvariantCulture, $"CPU {cpuUs:0} us/msg, {kb:0.0} KB allocated/msg");
    }
}
