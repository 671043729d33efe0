using System.Globalization;
using System.Text.Json;

namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// Turns the <c>d</c> of an INTERACTION_CREATE dispatch into our <see cref="Interaction"/>
/// (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object).
/// </summary>
internal static class InteractionParser
{
    public static Interaction Parse(JsonElement d)
    {
        var type = (InteractionType)d.GetProperty("type").GetInt32();
        var member = d.TryGetProperty("member", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
        var user = ParseUser(member is { } mm ? mm.GetProperty("user") : d.GetProperty("user"));
        var data = d.TryGetProperty("data", out var dd) && dd.ValueKind == JsonValueKind.Object ? dd : (JsonElement?)null;

        string? command = null, group = null, subcommand = null, customId = null;
        List<InteractionOption> options = [];
        Dictionary<string, string>? fields = null;
        var resolved = InteractionResolved.Empty;
        if (data is { } body)
        {
            command = Str(body, "name");
            customId = Str(body, "custom_id");
            if (body.TryGetProperty("options", out var raw))
                (group, subcommand) = FlattenOptions(raw, options);
            if (body.TryGetProperty("resolved", out var res))
                resolved = ParseResolved(res);
            if (type == InteractionType.ModalSubmit && body.TryGetProperty("components", out var components))
                fields = ParseModalFields(components);
        }

        return new Interaction(
            Id: Id(d, "id"),
            ApplicationId: Id(d, "application_id"),
            Type: type,
            Token: d.GetProperty("token").GetString()!,
            GuildId: OptId(d, "guild_id"),
            ChannelId: OptId(d, "channel_id") ?? (d.TryGetProperty("channel", out var ch) ? OptId(ch, "id") : null),
            User: user,
            Member: member is { } me ? ParseMember(me, user) : null,
            MemberPermissions: member is { } mp ? Perms(mp, "permissions") : Permissions.None,
            AppPermissions: Perms(d, "app_permissions"),
            Locale: Str(d, "locale") ?? "en-US",
            GuildLocale: Str(d, "guild_locale"),
            CommandName: type is InteractionType.ApplicationCommand or InteractionType.Autocomplete ? command : null,
            SubcommandGroup: group,
            Subcommand: subcommand,
            Options: options,
            Resolved: resolved,
            CustomId: customId,
            ModalFields: fields,
            MessageId: d.TryGetProperty("message", out var msg) ? OptId(msg, "id") : null);
    }

    /// <summary>Walks subcommand groups and subcommands down to the leaf options, which are what handlers read.</summary>
    private static (string? Group, string? Subcommand) FlattenOptions(JsonElement raw, List<InteractionOption> leaves)
    {
        string? group = null, subcommand = null;
        foreach (var option in raw.EnumerateArray())
        {
            var type = (CommandOptionType)option.GetProperty("type").GetInt32();
            var name = option.GetProperty("name").GetString()!;
            if (type is CommandOptionType.SubCommandGroup or CommandOptionType.SubCommand)
            {
                if (type == CommandOptionType.SubCommandGroup) group = name; else subcommand = name;
                if (option.TryGetProperty("options", out var inner))
                {
                    var (_, innerSub) = FlattenOptions(inner, leaves);
                    subcommand = innerSub ?? subcommand;
                }

                continue;
            }

            leaves.Add(ParseValue(option, type, name));
        }

        return (group, subcommand);
    }

    private static InteractionOption ParseValue(JsonElement option, CommandOptionType type, string name)
    {
        var focused = option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True;
        if (!option.TryGetProperty("value", out var value))
            return new InteractionOption(name, type, Focused: focused);
        // While typing (autocomplete) Discord sends the partial input as a string, whatever the option type.
        if (value.ValueKind == JsonValueKind.String && type is not (CommandOptionType.User or CommandOptionType.Channel or CommandOptionType.Role or CommandOptionType.Mentionable))
            return new InteractionOption(name, type, String: value.GetString(), Focused: focused);
        return type switch
        {
            CommandOptionType.Integer => new InteractionOption(name, type, Integer: value.GetInt64(), Focused: focused),
            CommandOptionType.Number => new InteractionOption(name, type, Number: value.GetDouble(), Focused: focused),
            CommandOptionType.Boolean => new InteractionOption(name, type, Boolean: value.GetBoolean(), Focused: focused),
            CommandOptionType.User or CommandOptionType.Channel or CommandOptionType.Role or CommandOptionType.Mentionable or CommandOptionType.Attachment =>
                new InteractionOption(name, type, Id: Snowflake.Parse(value.GetString()!), Focused: focused),
            _ => new InteractionOption(name, type, String: value.ToString(), Focused: focused),
        };
    }

    private static InteractionResolved ParseResolved(JsonElement res)
    {
        var users = new Dictionary<Snowflake, DiscordUser>();
        var members = new Dictionary<Snowflake, GuildMember>();
        var channels = new Dictionary<Snowflake, ResolvedChannel>();
        if (res.TryGetProperty("users", out var u))
            foreach (var entry in u.EnumerateObject())
                users[Snowflake.Parse(entry.Name)] = ParseUser(entry.Value);
        if (res.TryGetProperty("members", out var m))
            foreach (var entry in m.EnumerateObject())
            {
                var id = Snowflake.Parse(entry.Name);
                if (users.TryGetValue(id, out var user))
                    members[id] = ParseMember(entry.Value, user);
            }

        if (res.TryGetProperty("channels", out var c))
            foreach (var entry in c.EnumerateObject())
                channels[Snowflake.Parse(entry.Name)] = new ResolvedChannel(
                    Snowflake.Parse(entry.Name), (ChannelType)entry.Value.GetProperty("type").GetInt32(), Str(entry.Value, "name"),
                    OptId(entry.Value, "parent_id"), Perms(entry.Value, "permissions"));
        return new InteractionResolved(users, members, channels);
    }

    /// <summary>Modal values, from the Label-wrapped text inputs Discord sends today or the older action rows.</summary>
    private static Dictionary<string, string> ParseModalFields(JsonElement components)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var top in components.EnumerateArray())
        {
            IEnumerable<JsonElement> inputs = top.TryGetProperty("component", out var single) ? [single]
                : top.TryGetProperty("components", out var many) ? many.EnumerateArray() : [];
            foreach (var input in inputs)
                if (Str(input, "custom_id") is { } id)
                    fields[id] = Str(input, "value") ?? "";
        }

        return fields;
    }

    private static DiscordUser ParseUser(JsonElement u) =>
        new(Id(u, "id"), Str(u, "username") ?? "", Str(u, "global_name"), u.TryGetProperty("bot", out var b) && b.ValueKind == JsonValueKind.True);

    private static GuildMember ParseMember(JsonElement m, DiscordUser user) =>
        new(user, Str(m, "nick"), m.TryGetProperty("roles", out var r) ? [.. r.EnumerateArray().Select(x => Snowflake.Parse(x.GetString()!))] : []);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Snowflake Id(JsonElement e, string name) => Snowflake.Parse(e.GetProperty(name).GetString()!);

    private static Snowflake? OptId(JsonElement e, string name) => Snowflake.TryParse(Str(e, name), out var id) ? id : null;

    private static Permissions Perms(JsonElement e, string name) =>
        ulong.TryParse(Str(e, name), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? (Permissions)bits : Permissions.None;
}
