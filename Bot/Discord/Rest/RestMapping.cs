using System.Globalization;
using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Rest;

/// <summary>Wire records → the model the features see.</summary>
internal static class RestMapping
{
    public static GatewayInfo ToModel(this RestGatewayBot gateway) => new(
        new Uri(gateway.Url),
        gateway.Shards,
        gateway.SessionStartLimit.Remaining,
        TimeSpan.FromMilliseconds(gateway.SessionStartLimit.ResetAfter),
        gateway.SessionStartLimit.MaxConcurrency,
        gateway.SessionStartLimit.Total);

    public static ApplicationInfo ToModel(this RestApplication application) => new(application.Id, application.Name);

    public static DiscordUser ToModel(this RestUser user) => new(user.Id, user.Username, user.GlobalName, user.Bot == true);

    public static GuildMember ToModel(this RestGuildMember member) => new(
        member.User?.ToModel() ?? throw new System.Text.Json.JsonException("A guild member without its user."),
        member.Nick,
        member.Roles ?? []);

    public static Channel ToModel(this RestChannel channel) => new(
        channel.Id,
        channel.Type,
        channel.GuildId,
        channel.ParentId,
        channel.Name,
        [.. (channel.PermissionOverwrites ?? []).Select(o => new PermissionOverwrite(o.Id, o.Type, Bits(o.Allow), Bits(o.Deny)))],
        channel.UserLimit);

    public static Message ToModel(this RestMessage message) => new(message.Id, message.ChannelId);

    public static RestOverwrite ToWire(this PermissionOverwrite overwrite) =>
        new(overwrite.Id, overwrite.Type, Text(overwrite.Allow), Text(overwrite.Deny));

    /// <summary>Permission bitsets travel as decimal strings (they exceed JavaScript's safe integers).</summary>
    public static string Text(Permissions permissions) => ((ulong)permissions).ToString(CultureInfo.InvariantCulture);

    private static Permissions Bits(string? text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? (Permissions)bits : Permissions.None;
}
