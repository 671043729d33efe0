namespace CrossCoaching.Tests.Emulator;

/// <summary>Gateway intents (https://discord.com/developers/docs/events/gateway#list-of-intents).</summary>
internal static class Intents
{
    public const int None = 0;
    public const int Guilds = 1 << 0;
    public const int GuildMembers = 1 << 1;
    public const int GuildVoiceStates = 1 << 7;
    public const int GuildPresences = 1 << 8;
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;
    public const int MessageContent = 1 << 15;

    public const int Privileged = GuildMembers | GuildPresences | MessageContent;

    /// <summary>Bits 0–16, 20, 21, 24 and 25 are defined; any other bit closes the connection with 4013.</summary>
    public const int Defined = ((1 << 17) - 1) | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);

    /// <summary>Application flags that say which privileged intents are enabled (…_LIMITED: the unverified-app form).</summary>
    public static int ApplicationFlags(int enabledPrivileged) =>
        ((enabledPrivileged & GuildPresences) != 0 ? 1 << 13 : 0)
        | ((enabledPrivileged & GuildMembers) != 0 ? 1 << 15 : 0)
        | ((enabledPrivileged & MessageContent) != 0 ? 1 << 19 : 0)
        | (1 << 23);
}
