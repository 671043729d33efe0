using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>The emulated Discord of the benchmarks: Discord's own timings, on 127.0.0.1, in this process.</summary>
public static class Emulator
{
    public static Task<DiscordEmulator> StartAsync() => DiscordEmulator.StartAsync(new EmulatorOptions
    {
        HeartbeatInterval = TimeSpan.FromMilliseconds(41250),
        InteractionDeadline = TimeSpan.FromSeconds(3),
    });
}
