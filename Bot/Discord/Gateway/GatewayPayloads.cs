using System.Text.Json;
using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Gateway;

/// <summary>The payloads the bot sends, as UTF-8 JSON (https://discord.com/developers/docs/events/gateway-events#send-events).</summary>
internal static class GatewayPayloads
{
    /// <summary>GUILDS (1 &lt;&lt; 0) | GUILD_VOICE_STATES (1 &lt;&lt; 7): guilds, roles, channels and voice states; nothing privileged.</summary>
    public const int Intents = (1 << 0) | (1 << 7);

    public const string LibraryName = "CrossCoaching";

    public static byte[] Identify(string token, GatewayShard? shard) => JsonSerializer.SerializeToUtf8Bytes(
        new GatewayCommand<GatewayIdentify>(2, new GatewayIdentify(
            token,
            Intents,
            new GatewayIdentifyProperties(OperatingSystemName(), LibraryName, LibraryName),
            shard is null ? null : [shard.Id, shard.Count])),
        GatewayJsonContext.Default.GatewayCommandGatewayIdentify);

    public static byte[] Resume(string token, string sessionId, long? sequence) => JsonSerializer.SerializeToUtf8Bytes(
        new GatewayCommand<GatewayResume>(6, new GatewayResume(token, sessionId, sequence)),
        GatewayJsonContext.Default.GatewayCommandGatewayResume);

    /// <summary>op 1 with the last sequence number, null before any dispatch.</summary>
    public static byte[] Heartbeat(long? sequence) => JsonSerializer.SerializeToUtf8Bytes(
        new GatewayCommand<long?>(1, sequence), GatewayJsonContext.Default.GatewayCommandNullableInt64);

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : System.Runtime.InteropServices.RuntimeInformation.OSDescription;
}
