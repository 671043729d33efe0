using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Many big guilds at once, for scale benchmarks: adding them one channel at a time would look up every channel of the
/// world for each position. Meant before the bot connects (nothing is dispatched but what a live session would get).
/// </summary>
public sealed partial class DiscordEmulator
{
    /// <summary>
    /// <paramref name="count"/> guilds owned by <paramref name="ownerId"/>, each with <paramref name="roles"/> roles
    /// (@everyone and the bot's included) and <paramref name="channels"/> channels: one category per ten, then text
    /// and voice channels spread over them, as a community server has; every fourth channel hides itself from
    /// @everyone and lets a role in, every category lets two roles manage messages.
    /// </summary>
    public IReadOnlyList<EmulatedGuild> AddLargeGuilds(int count, Snowflake ownerId, int channels = 100, int roles = 50) => Locked(() =>
    {
        var owner = world.User(ownerId);
        var guilds = new List<EmulatedGuild>(count);
        for (var g = 0; g < count; g++)
        {
            var guild = new EmulatedGuild(world.Ids.Next(), $"Community {g + 1}", owner.Id, g % 3 == 0 ? "fr" : "en-US", world.Now);
            guild.RolesById[guild.Id] = new EmulatedRole(guild.Id, guild.Id, "@everyone", Perms.EveryoneDefault, 0);
            var botRole = new EmulatedRole(world.Ids.Next(), guild.Id, world.Bot.Username, Perms.BotInviteDefault, 1) { ManagedForBot = world.Bot.Id };
            guild.RolesById[botRole.Id] = botRole;
            guild.BotRoleId = botRole.Id;
            var others = Enumerable.Range(2, Math.Max(0, roles - 2))
                .Select(i => new EmulatedRole(world.Ids.Next(), guild.Id, $"role {i}", i % 5 == 0 ? Perms.ManageMessages | Perms.EveryoneDefault : Perms.None, i))
                .ToList();
            foreach (var role in others)
                guild.RolesById[role.Id] = role;
            guild.MembersById[owner.Id] = new EmulatedMember(guild.Id, owner, world.Now);
            var bot = new EmulatedMember(guild.Id, world.Bot, world.Now);
            bot.RoleIds.Add(botRole.Id);
            guild.MembersById[bot.UserId] = bot;
            world.Guilds[guild.Id] = guild;
            AddLayout(guild, others, channels);
            GuildEvents.Created(world, guild);
            guilds.Add(guild);
        }

        return guilds;
    });

    /// <summary>The GUILD_CREATE payload of every available guild, as a session with the bot's intents gets it at IDENTIFY.</summary>
    public IReadOnlyList<string> GuildCreatePayloads(int intents = Intents.Guilds | Intents.GuildVoiceStates) => Locked(() =>
    {
        var channels = world.Channels.Values.ToLookup(c => c.GuildId);
        return world.Guilds.Values.Where(g => g.Available)
            .Select(g => ReadyPayloads.GuildCreate(world, g, intents, channels[g.Id]).ToJsonString()).ToList();
    });

    private void AddLayout(EmulatedGuild guild, List<EmulatedRole> roles, int channels)
    {
        EmulatedRole RoleAt(int i) => roles.Count > 0 ? roles[i % roles.Count] : guild.Everyone;
        var categories = new List<EmulatedChannel>();
        for (var i = 0; i < channels; i++)
        {
            EmulatedChannel channel;
            if (i % 10 == 0)
            {
                channel = new EmulatedChannel(world.Ids.Next(), EmulatedChannelType.GuildCategory, guild.Id, $"Category {(i / 10) + 1}", world.Now)
                {
                    Position = categories.Count,
                    Overwrites = [EmulatedOverwrite.Role(RoleAt(i).Id, allow: Perms.ManageMessages), EmulatedOverwrite.Role(RoleAt(i + 1).Id, allow: Perms.ManageMessages)],
                };
                categories.Add(channel);
            }
            else
            {
                var voice = i % 10 >= 7;
                channel = new EmulatedChannel(world.Ids.Next(), voice ? EmulatedChannelType.GuildVoice : EmulatedChannelType.GuildText, guild.Id,
                    voice ? $"Voice {i}" : $"channel-{i}", world.Now)
                {
                    ParentId = categories[^1].Id,
                    Position = i % 10,
                    Overwrites = i % 4 == 0
                        ? [EmulatedOverwrite.Role(guild.Id, deny: Perms.ViewChannel), EmulatedOverwrite.Role(RoleAt(i).Id, allow: Perms.ViewChannel)]
                        : [],
                };
            }

            WorldChanges.AddChannel(world, channel);
        }
    }
}
