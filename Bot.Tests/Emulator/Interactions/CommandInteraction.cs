using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Builds a slash command or autocomplete interaction the way a Discord client could produce it: only for a registered
/// command the member can see (default_member_permissions, USE_APPLICATION_COMMANDS), with options that exist, in
/// their registered types and choices, nested under the subcommand group and subcommand.
/// </summary>
internal static class CommandInteraction
{
    public static InteractionHandle Send(World world, CommandCall call)
    {
        var guild = world.Guild(call.Guild);
        var channel = world.Channel(call.Channel);
        if (channel.GuildId != guild.Id)
            throw new ArgumentException($"Channel {channel} is not in guild {guild.Name}.");
        var user = world.User(call.User);
        var member = World.Member(guild, user.Id);
        var definition = world.Commands.Find(guild.Id, call.Command)
            ?? throw new InvalidOperationException($"/{call.Command} is not registered for guild {guild.Id} nor globally; Discord would not offer it.");
        CheckVisible(world, guild, member, channel, definition, call.Command);
        var leaf = CommandOptions.Navigate(definition, call.Group, call.Subcommand);
        var focusedType = CommandOptions.CheckArgs(world, leaf, call);
        var options = new JsonArray(call.Options.Select(a => (JsonNode)a.ToJson(a.Name == call.Focused)).ToArray());
        if (call.Subcommand is { } sub)
            options = [new JsonObject { ["name"] = sub, ["type"] = 1, ["options"] = options }];
        if (call.Group is { } group)
            options = [new JsonObject { ["name"] = group, ["type"] = 2, ["options"] = options }];
        var data = new JsonObject
        {
            ["id"] = definition["id"]!.DeepClone(),
            ["name"] = call.Command,
            ["type"] = 1,
        };
        if (options.Count > 0)
            data["options"] = options;
        if (definition["guild_id"] is { } commandGuild)
            data["guild_id"] = commandGuild.DeepClone();
        if (call.Focused is null && Resolved(world, guild, channel, call) is { } resolved)
            data["resolved"] = resolved;
        var payload = InteractionPayloads.Base(world, call.Focused is null ? 2 : 4, channel, user, call.Locale);
        payload["data"] = data;
        return InteractionPayloads.Dispatch(world, payload, channel, user.Id, null, focusedType);
    }

    private static void CheckVisible(World world, EmulatedGuild guild, EmulatedMember member, EmulatedChannel channel, JsonObject definition, string name)
    {
        var inGuild = PermissionCalculator.Base(guild, member);
        var needed = JsonRead.Bits(definition["default_member_permissions"], out _);
        var admin = (inGuild & Perms.Administrator) != 0;
        if (needed is { } bits && !admin && (bits == Perms.None || (inGuild & bits) != bits))
            throw new InvalidOperationException($"/{name} needs permissions {(ulong)bits} that {member.User} lacks; Discord would hide it from them.");
        var inChannel = World.PermissionsOf(guild, member.UserId, channel);
        if ((inChannel & (Perms.ViewChannel | Perms.UseApplicationCommands)) != (Perms.ViewChannel | Perms.UseApplicationCommands))
            throw new InvalidOperationException($"{member.User} cannot use application commands in {channel}.");
    }

    /// <summary>resolved: users and partial members (with their permissions in the channel), channels, roles.</summary>
    private static JsonObject? Resolved(World world, EmulatedGuild guild, EmulatedChannel channel, CommandCall call)
    {
        var users = new JsonObject();
        var members = new JsonObject();
        var channels = new JsonObject();
        var roles = new JsonObject();
        foreach (var arg in call.Options)
        {
            if (arg.Id is not { } id)
                continue;
            var key = id.ToString();
            if (arg.Type == 6 && world.Users.TryGetValue(id, out var user))
            {
                users[key] = EntityJson.User(user);
                if (guild.MembersById.TryGetValue(id, out var member))
                    members[key] = EntityJson.Member(member, withUser: false, PermissionCalculator.InChannel(guild, member, channel));
            }
            else if (arg.Type == 7 && world.Channels.TryGetValue(id, out var target))
            {
                channels[key] = InteractionPayloads.PartialChannel(world, target, call.User);
            }
            else if (arg.Type == 8 && guild.RolesById.TryGetValue(id, out var role))
            {
                roles[key] = EntityJson.Role(role);
            }
        }
        var resolved = new JsonObject();
        foreach (var (name, map) in new[] { ("users", users), ("members", members), ("channels", channels), ("roles", roles) })
        {
            if (map.Count > 0)
                resolved[name] = map;
        }
        return resolved.Count > 0 ? resolved : null;
    }
}
