using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Compliance.Benchmarks.Api;

/// <summary>
/// Sleeps a thread until a Stopwatch timestamp. On Linux Stopwatch counts CLOCK_MONOTONIC nanoseconds, so an absolute
/// clock_nanosleep wakes within tens of microseconds of the instant, with no drift; elsewhere Thread.Sleep in whole
/// milliseconds (late by up to about one).
/// </summary>
internal static class Sleeper
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private const int Interrupted = 4;

    private static readonly bool Precise = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    public static void Until(long timestamp)
    {
        if (Precise)
        {
            var at = new Timespec((nint)(timestamp / 1_000_000_000), (nint)(timestamp % 1_000_000_000));
            while (ClockNanosleep(ClockMonotonic, AbsoluteTime, in at, IntPtr.Zero) == Interrupted)
            {
            }

            return;
        }

        for (var left = timestamp - Stopwatch.GetTimestamp(); left > 0; left = timestamp - Stopwatch.GetTimestamp())
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, Math.Floor(left * 1000.0 / Stopwatch.Frequency))));
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(nint Seconds, nint Nanoseconds);

    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockNanosleep(int clock, int flags, in Timespec request, IntPtr remaining);
}
