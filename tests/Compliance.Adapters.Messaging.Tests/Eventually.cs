namespace Compliance.Adapters.Messaging.Tests;

/// <summary>Waits for an asynchronous outcome (a consumer recording, a message arriving); fails with what was last seen.</summary>
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new ShouldAssertException($"{what} did not happen within {seconds} s; last seen: {value}");
            await Task.Delay(50);
        }
    }
}
