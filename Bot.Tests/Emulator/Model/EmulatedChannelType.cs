namespace CrossCoaching.Tests.Emulator;

/// <summary>Channel types (https://discord.com/developers/docs/resources/channel#channel-object-channel-types).</summary>
public enum EmulatedChannelType
{
    GuildText = 0,
    Dm = 1,
    GuildVoice = 2,
    GroupDm = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    GuildStageVoice = 13,
    GuildDirectory = 14,
    GuildForum = 15,
    GuildMedia = 16,
}
