using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>World building: users, guilds, roles, members. Changes made while a session is connected are dispatched.</summary>
public sealed partial class DiscordEmulator
{
    public EmulatedUser AddUser(string name, bool isBot = false, string? globalName = null) => Locked(() =>
    {
        var user = new EmulatedUser(world.Ids.Next(), name, globalName, isBot);
        world.Users[user.Id] = user;
        return user;
    });

    /// <summary>
    /// A guild with its @everyone role (id = guild id, Discord's default permissions), the owner as a member, and the
    /// bot as a member holding its managed role (the invite permissions, see <see cref="Perms.BotInviteDefault"/>).
    /// Emits GUILD_CREATE to connected sessions, as when the bot joins a guild.
    /// </summary>
    public EmulatedGuild AddGuild(string name, Snowflake ownerId, string preferredLocale = "en-US", Snowflake? id = null) => Locked(() =>
    {
        var owner = world.User(ownerId);
        var guild = new EmulatedGuild(id ?? world.Ids.Next(), name, owner.Id, preferredLocale, world.Now);
        guild.RolesById[guild.Id] = new EmulatedRole(guild.Id, guild.Id, "@everyone", Perms.EveryoneDefault, 0);
        var botRole = new EmulatedRole(world.Ids.Next(), guild.Id, world.Bot.Username, Perms.BotInviteDefault, 1) { ManagedForBot = world.Bot.Id };
        guild.RolesById[botRole.Id] = botRole;
        guild.BotRoleId = botRole.Id;
        guild.MembersById[owner.Id] = new EmulatedMember(guild.Id, owner, world.Now);
        var bot = new EmulatedMember(guild.Id, world.Bot, world.Now);
        bot.RoleIds.Add(botRole.Id);
        guild.MembersById[bot.UserId] = bot;
        world.Guilds[guild.Id] = guild;
        GuildEvents.Created(world, guild);
        return guild;
    });

    /// <summary>The bot leaves (or is kicked from) a guild: GUILD_DELETE without unavailable.</summary>
    public void RemoveGuild(Snowflake guildId) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        foreach (var channel in world.ChannelsOf(guild.Id).ToList())
        {
            world.Channels.Remove(channel.Id);
            channel.DeletedAt = world.Now;
        }
        world.Guilds.Remove(guild.Id);
        world.Gateway.Dispatch("GUILD_DELETE", new JsonObject { ["id"] = guild.Id.ToString() }, guild.Id, Intents.Guilds);
    });

    /// <summary>An outage: GUILD_DELETE with unavailable true; back again: GUILD_CREATE.</summary>
    public void SetGuildAvailable(Snowflake guildId, bool available) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        if (guild.Available == available)
            return;
        guild.Available = available;
        if (available)
            GuildEvents.Created(world, guild);
        else
            world.Gateway.Dispatch("GUILD_DELETE", new JsonObject { ["id"] = guild.Id.ToString(), ["unavailable"] = true }, guild.Id, Intents.Guilds);
    });

    public void SetGuildLocale(Snowflake guildId, string locale) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        guild.PreferredLocale = locale;
        world.Gateway.Dispatch("GUILD_UPDATE", GuildEvents.Update(world, guild), guild.Id, Intents.Guilds);
    });

    /// <summary>Sets the guild's system channel (null for none): GUILD_UPDATE.</summary>
    public void SetSystemChannel(Snowflake guildId, Snowflake? channelId) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        guild.SystemChannelId = channelId;
        world.Gateway.Dispatch("GUILD_UPDATE", GuildEvents.Update(world, guild), guild.Id, Intents.Guilds);
    });

    public EmulatedRole AddRole(Snowflake guildId, string name, Perms permissions, bool mentionable = false) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        var role = new EmulatedRole(world.Ids.Next(), guild.Id, name, permissions, guild.RolesById.Count) { Mentionable = mentionable };
        guild.RolesById[role.Id] = role;
        WorldChanges.UpdateRole(world, guild, role, created: true);
        return role;
    });

    /// <summary>Changes a role's permissions (the @everyone role's id is the guild id): GUILD_ROLE_UPDATE.</summary>
    public void SetRolePermissions(Snowflake guildId, Snowflake roleId, Perms permissions) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        var role = guild.RolesById.TryGetValue(roleId, out var r) ? r : throw new ArgumentException($"Guild {guild.Name} has no role {roleId}.");
        role.Permissions = permissions;
        WorldChanges.UpdateRole(world, guild, role, created: false);
    });

    /// <summary>What the bot's managed role allows in this guild.</summary>
    public void SetBotPermissions(Snowflake guildId, Perms permissions) => SetRolePermissions(guildId, world.Guild(guildId).BotRoleId, permissions);

    public void SetEveryonePermissions(Snowflake guildId, Perms permissions) => SetRolePermissions(guildId, guildId, permissions);

    /// <summary>Adds a member (GUILD_MEMBER_ADD, sent only with the GUILD_MEMBERS intent).</summary>
    public EmulatedMember AddMember(Snowflake guildId, Snowflake userId, params Snowflake[] roleIds) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        var member = new EmulatedMember(guild.Id, world.User(userId), world.Now);
        foreach (var roleId in roleIds)
            member.RoleIds.Add(guild.RolesById.ContainsKey(roleId) ? roleId : throw new ArgumentException($"Guild {guild.Name} has no role {roleId}."));
        guild.MembersById[member.UserId] = member;
        var data = EntityJson.Member(member);
        data["guild_id"] = guild.Id.ToString();
        world.Gateway.Dispatch("GUILD_MEMBER_ADD", data, guild.Id, Intents.GuildMembers);
        return member;
    });

    /// <summary>A member leaves the guild (and voice): GUILD_MEMBER_REMOVE with the GUILD_MEMBERS intent.</summary>
    public void RemoveMember(Snowflake guildId, Snowflake userId) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        var member = World.Member(guild, userId);
        if (guild.VoiceChannelByUser.ContainsKey(userId))
            WorldChanges.SetVoice(world, guild, userId, null);
        guild.MembersById.Remove(userId);
        world.Gateway.Dispatch("GUILD_MEMBER_REMOVE",
            new JsonObject { ["guild_id"] = guild.Id.ToString(), ["user"] = EntityJson.User(member.User) }, guild.Id, Intents.GuildMembers);
    });

    /// <summary>Replaces a member's roles and nickname: GUILD_MEMBER_UPDATE with the GUILD_MEMBERS intent.</summary>
    public void UpdateMember(Snowflake guildId, Snowflake userId, IReadOnlyList<Snowflake>? roleIds = null, string? nick = null) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        var member = World.Member(guild, userId);
        if (roleIds is not null)
        {
            member.RoleIds.Clear();
            member.RoleIds.AddRange(roleIds);
        }
        if (nick is not null)
            member.Nick = nick.Length == 0 ? null : nick;
        var data = EntityJson.Member(member);
        data["guild_id"] = guild.Id.ToString();
        world.Gateway.Dispatch("GUILD_MEMBER_UPDATE", data, guild.Id, Intents.GuildMembers);
    });

    /// <summary>After this, sending the user a DM answers 403 50007 (privacy settings, or the user blocked the bot).</summary>
    public void CloseDms(Snowflake userId) => Locked(() => world.User(userId).AcceptsDms = false);

    public void OpenDms(Snowflake userId) => Locked(() => world.User(userId).AcceptsDms = true);

    /// <summary>The client language the user's interactions carry as <c>locale</c>.</summary>
    public void SetLocale(Snowflake userId, string locale) => Locked(() => world.User(userId).Locale = locale);

    public EmulatedGuild Guild(Snowflake guildId) => Locked(() => world.Guild(guildId));

    public EmulatedUser User(Snowflake userId) => Locked(() => world.User(userId));

    /// <summary>A member's permissions by Discord's algorithm: in the channel if given, else at guild level.</summary>
    public Perms PermissionsOf(Snowflake guildId, Snowflake userId, Snowflake? channelId = null) => Locked(() =>
    {
        var guild = world.Guild(guildId);
        return World.PermissionsOf(guild, userId, channelId is { } id ? world.Channel(id) : null);
    });

    /// <summary>
    /// Whether the member holds every bit of <paramref name="needed"/> in the channel by Discord's algorithm (base role
    /// permissions, then the @everyone, role and member overwrites, then implicit denials), e.g.
    /// <c>Can(guild, carol, room, Perms.ViewChannel)</c>. A user who is not a member can do nothing.
    /// </summary>
    public bool Can(Snowflake guildId, Snowflake userId, Snowflake channelId, Perms needed) =>
        (PermissionsOf(guildId, userId, channelId) & needed) == needed;
}
