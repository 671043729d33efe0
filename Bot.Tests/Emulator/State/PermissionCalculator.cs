namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Discord's permission algorithm, as written in https://discord.com/developers/docs/topics/permissions
/// ("Permission Overwrites" pseudocode and "Implicit Permissions").
/// </summary>
internal static class PermissionCalculator
{
    /// <summary>Bits that only mean something inside a channel; a voice channel without CONNECT drops them (VIEW_CHANNEL stays).</summary>
    private const Perms ChannelScoped = Perms.CreateInstantInvite | Perms.ManageChannels | Perms.AddReactions | Perms.PrioritySpeaker
        | Perms.Stream | Perms.SendMessages | Perms.SendTtsMessages | Perms.ManageMessages | Perms.EmbedLinks | Perms.AttachFiles
        | Perms.ReadMessageHistory | Perms.MentionEveryone | Perms.UseExternalEmojis | Perms.Speak | Perms.MuteMembers
        | Perms.DeafenMembers | Perms.MoveMembers | Perms.UseVad | Perms.ManageRoles | Perms.ManageWebhooks
        | Perms.UseApplicationCommands | Perms.RequestToSpeak | Perms.ManageEvents | Perms.ManageThreads
        | Perms.CreatePublicThreads | Perms.CreatePrivateThreads | Perms.UseExternalStickers | Perms.SendMessagesInThreads
        | Perms.UseEmbeddedActivities | Perms.UseSoundboard | Perms.CreateEvents | Perms.UseExternalSounds
        | Perms.SendVoiceMessages | Perms.SetVoiceChannelStatus | Perms.SendPolls | Perms.UseExternalApps
        | Perms.PinMessages | Perms.BypassSlowmode;

    /// <summary>Denying SEND_MESSAGES implicitly denies these.</summary>
    private const Perms NeedSend = Perms.MentionEveryone | Perms.SendTtsMessages | Perms.AttachFiles | Perms.EmbedLinks;

    public static Perms Base(EmulatedGuild guild, EmulatedMember member)
    {
        if (member.UserId == guild.OwnerId)
            return Perms.All;
        var permissions = guild.Everyone.Permissions;
        foreach (var roleId in member.RoleIds)
        {
            if (guild.RolesById.TryGetValue(roleId, out var role))
                permissions |= role.Permissions;
        }
        return (permissions & Perms.Administrator) != 0 ? Perms.All : permissions;
    }

    public static Perms InChannel(EmulatedGuild guild, EmulatedMember member, EmulatedChannel channel)
    {
        var permissions = Base(guild, member);
        if ((permissions & Perms.Administrator) != 0)
            return Perms.All;
        permissions = ApplyOverwrites(permissions, guild, member, channel.Overwrites);
        return Implicit(permissions, channel);
    }

    private static Perms ApplyOverwrites(Perms permissions, EmulatedGuild guild, EmulatedMember member, IReadOnlyList<EmulatedOverwrite> overwrites)
    {
        if (overwrites.FirstOrDefault(o => o.Type == 0 && o.Id == guild.Id) is { } everyone)
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        Perms allow = Perms.None, deny = Perms.None;
        foreach (var overwrite in overwrites.Where(o => o.Type == 0 && member.RoleIds.Contains(o.Id)))
        {
            allow |= overwrite.Allow;
            deny |= overwrite.Deny;
        }
        permissions = (permissions & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == member.UserId) is { } own)
            permissions = (permissions & ~own.Deny) | own.Allow;
        return permissions;
    }

    private static Perms Implicit(Perms permissions, EmulatedChannel channel)
    {
        if ((permissions & Perms.ViewChannel) == 0)
            return permissions & ~(ChannelScoped | Perms.Connect);
        if ((permissions & Perms.SendMessages) == 0)
            permissions &= ~NeedSend;
        if (channel.IsVoice && (permissions & Perms.Connect) == 0)
            permissions &= ~ChannelScoped;
        return permissions;
    }
}
