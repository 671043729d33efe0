using System.Diagnostics;

namespace CrossCoaching.Tests.Discord.Rest.Support;

/// <summary>Real-time polling for what other threads do; generous timeouts, fast when things go right.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int timeoutMs = 5000)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.ElapsedMilliseconds > timeoutMs)
                Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(2);
        }
    }

    /// <summary>Gives other threads a moment, for asserting that something did NOT happen.</summary>
    public static Task Settle() => Task.Delay(40);
}
