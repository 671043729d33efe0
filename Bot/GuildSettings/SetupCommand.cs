using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;

namespace CrossCoaching.GuildSettings;

/// <summary>
/// <c>/coaching setup</c>: the guild's settings, and a plain-words check of the bot's permissions. The other managers'
/// subcommands of <c>/coaching</c> come from their own folders (<see cref="ICoachingSubcommand"/>).
/// </summary>
public sealed class SetupCommand(GuildSettingsRepository settings, IGuildCache cache, LostCategory lostCategory, IEnumerable<ICoachingSubcommand> others)
    : ISlashCommand
{
    private readonly IReadOnlyList<ICoachingSubcommand> _others = [.. others];

    public const Permissions TrailNeeds = Permissions.ViewChannel | Permissions.SendMessages | Permissions.EmbedLinks;

    public CommandDefinition Definition { get; } = new(
        "coaching", SetupTexts.GroupDescription.En,
        [
            new CommandOption(CommandOptionType.SubCommand, "setup", SetupTexts.SetupDescription.En, Options:
            [
                new(CommandOptionType.Channel, "category", SetupTexts.CategoryOption.En, ChannelTypes: [ChannelType.GuildCategory],
                    NameLocalizations: Localizations.French("catégorie"), DescriptionLocalizations: SetupTexts.CategoryOption.ToLocalizations()),
                new(CommandOptionType.Channel, "trail", SetupTexts.TrailOption.En, ChannelTypes: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
                    NameLocalizations: Localizations.French("fil"), DescriptionLocalizations: SetupTexts.TrailOption.ToLocalizations()),
                new(CommandOptionType.String, "timezone", SetupTexts.TimezoneOption.En, Autocomplete: true, MaxLength: 64,
                    NameLocalizations: Localizations.French("fuseau"), DescriptionLocalizations: SetupTexts.TimezoneOption.ToLocalizations()),
                new(CommandOptionType.String, "language", SetupTexts.LanguageOption.En,
                    Choices: [new("English", "en"), new("Français", "fr")],
                    NameLocalizations: Localizations.French("langue"), DescriptionLocalizations: SetupTexts.LanguageOption.ToLocalizations()),
                new(CommandOptionType.Integer, "round", SetupTexts.RoundOption.En, MinValue: 1, MaxValue: 52,
                    NameLocalizations: Localizations.French("cycle"), DescriptionLocalizations: SetupTexts.RoundOption.ToLocalizations()),
                new(CommandOptionType.String, "pool_every", SetupTexts.PoolEveryOption.En, Choices: SetupTexts.PoolCadences(),
                    NameLocalizations: Localizations.French("vivier_frequence"), DescriptionLocalizations: SetupTexts.PoolEveryOption.ToLocalizations()),
                new(CommandOptionType.Role, "pool_role", SetupTexts.PoolRoleOption.En,
                    NameLocalizations: Localizations.French("vivier_role"), DescriptionLocalizations: SetupTexts.PoolRoleOption.ToLocalizations()),
                new(CommandOptionType.Boolean, "pool_open", SetupTexts.PoolOpenOption.En,
                    NameLocalizations: Localizations.French("vivier_ouvert"), DescriptionLocalizations: SetupTexts.PoolOpenOption.ToLocalizations()),
                new(CommandOptionType.String, "clear", SetupTexts.ClearOption.En,
                    Choices:
                    [
                        new("category", "category", Localizations.French("catégorie")), new("trail", "trail", Localizations.French("fil")),
                        new("timezone", "timezone", Localizations.French("fuseau")), new("language", "language", Localizations.French("langue")),
                        new("pool role", "pool_role", Localizations.French("rôle du vivier")),
                    ],
                    NameLocalizations: Localizations.French("retirer"), DescriptionLocalizations: SetupTexts.ClearOption.ToLocalizations()),
            ], NameLocalizations: Localizations.French("réglages"), DescriptionLocalizations: SetupTexts.SetupDescription.ToLocalizations()),
            .. others.Select(o => o.Definition),
        ],
        DefaultMemberPermissions: Permissions.ManageGuild,
        NameLocalizations: Localizations.French("coaching"),
        DescriptionLocalizations: SetupTexts.GroupDescription.ToLocalizations());

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var i = context.Interaction;
        // Server admins can widen who sees the command in Discord's settings; the rule is enforced here as well.
        if (!i.MemberPermissions.HasFlag(Permissions.ManageGuild) && !i.MemberPermissions.HasFlag(Permissions.Administrator))
            throw new UserErrorException(context.Text(SetupTexts.ManagersOnly));
        if (_others.FirstOrDefault(o => o.Definition.Name == i.Subcommand) is { } other)
        {
            await other.HandleAsync(context, cancellationToken);
            return;
        }

        var current = await settings.GetAsync(context.GuildId, cancellationToken);
        var updated = Apply(context, current);
        if (updated != current)
            await settings.SaveAsync(updated, cancellationToken);
        if (updated.CategoryId != current.CategoryId || context.Interaction.GetString("clear") == "category")
            lostCategory.Acknowledge(context.GuildId);
        await context.ReplyAsync(Describe(context, updated, changed: updated != current), ephemeral: true, cancellationToken);
    }

    public Task<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(TimeZoneChoices.For(context.Interaction.Focused?.String));

    private static GuildConfig Apply(InteractionContext context, GuildConfig s)
    {
        var i = context.Interaction;
        if (i.GetChannel("category") is { } category)
            s = category.Type == ChannelType.GuildCategory ? s with { CategoryId = category.Id }
                : throw new UserErrorException(context.Text(SetupTexts.NotACategory, $"<#{category.Id}>"));
        if (i.GetChannel("trail") is { } trail)
            s = trail.Type is ChannelType.GuildText or ChannelType.GuildAnnouncement ? s with { TrailChannelId = trail.Id }
                : throw new UserErrorException(context.Text(SetupTexts.NotATextChannel, $"<#{trail.Id}>"));
        if (i.GetString("timezone") is { } zoneText)
            s = TimeZoneCatalog.TryFind(zoneText, out var zone) ? s with { TimeZone = zone.Id }
                : throw new UserErrorException(context.Text(SetupTexts.UnknownZone, Markdown.Name(zoneText.Trim())));
        if (LangExtensions.FromCode(i.GetString("language")) is { } lang)
            s = s with { Language = lang };
        if (i.GetInteger("round") is { } round)
            s = s with { RoundLength = (int)Math.Clamp(round, 1, 52) };
        if (int.TryParse(i.GetString("pool_every"), out var hours))
            s = s with { PoolCadenceHours = Math.Clamp(hours, 1, 720) };
        if (i.Option("pool_role")?.Id is { } role)
            s = s with { PoolRoleId = role };
        if (i.Option("pool_open")?.Boolean is { } open)
            s = s with { PoolOpen = open };
        return i.GetString("clear") switch
        {
            "category" => s with { CategoryId = null },
            "trail" => s with { TrailChannelId = null },
            "timezone" => s with { TimeZone = null },
            "language" => s with { Language = null },
            "pool_role" => s with { PoolRoleId = null },
            _ => s,
        };
    }

    private string Describe(InteractionContext context, GuildConfig s, bool changed)
    {
        var text = new StringBuilder();
        if (changed)
            text.AppendLine(context.Text(SetupTexts.Saved));
        text.AppendLine(context.Text(SetupTexts.Current));
        text.AppendLine(s.CategoryId is { } c ? context.Text(SetupTexts.RoomsIn, $"<#{c}>")
            : lostCategory.LostIn(s.GuildId) is { } lost ? context.Text(SetupTexts.RoomsCategoryLost, $"<#{lost}>")
            : context.Text(SetupTexts.RoomsTopLevel));
        text.AppendLine(s.TrailChannelId is { } t ? context.Text(SetupTexts.TrailIn, $"<#{t}>") : context.Text(SetupTexts.NoTrail));
        text.AppendLine(s.TimeZone is { } z ? context.Text(SetupTexts.ZoneIs, z) : context.Text(SetupTexts.NoZone));
        var guildLocale = cache.GetGuild(s.GuildId)?.PreferredLocale ?? context.Interaction.GuildLocale ?? "en-US";
        text.AppendLine(s.Language is { } l ? context.Text(SetupTexts.LanguageIs, l.Code()) : context.Text(SetupTexts.LanguageFromServer, guildLocale));
        text.AppendLine(context.Text(SetupTexts.RoundIs, s.RoundLength));
        text.AppendLine(context.Text(s.PoolOpen ? SetupTexts.PoolIsOpen : SetupTexts.PoolIsClosed, s.PoolCadenceHours,
            s.PoolRoleId is { } r ? $"<@&{r}>" : context.Text(SetupTexts.PoolEveryone)));
        text.AppendLine();
        text.Append(PermissionReport(context, s));
        return text.ToString().TrimEnd();
    }

    /// <summary>What the bot lacks, from the roles and overwrites the gateway reported, in the words of Discord's settings.</summary>
    private string PermissionReport(InteractionContext context, GuildConfig s)
    {
        if (cache.GetGuild(s.GuildId) is not { } guild)
            return context.Text(SetupTexts.CannotCheck);
        var lines = new List<string>();
        // A channel the cache does not know (deleted, or its CHANNEL_CREATE still on the way) is judged at guild level.
        if (s.CategoryId is { } category && !guild.Channels.ContainsKey(category) && context.Interaction.GetChannel("category")?.Id != category)
            lines.Add(context.Text(SetupTexts.CategoryNotFound, $"<#{category}>"));
        var forRooms = RoomPermissions.Wanted & ~(cache.BotPermissions(s.GuildId, s.CategoryId) ?? cache.BotPermissions(s.GuildId) ?? Permissions.None);
        if (forRooms != Permissions.None)
            lines.Add(context.Text(SetupTexts.MissingForRooms, PermissionNames.Describe(forRooms, context.Lang)));
        if (s.TrailChannelId is { } trail
            && (TrailNeeds & ~(cache.BotPermissions(s.GuildId, trail) ?? cache.BotPermissions(s.GuildId) ?? Permissions.None)) is var forTrail
            && forTrail != Permissions.None)
            lines.Add(context.Text(SetupTexts.MissingForTrail, PermissionNames.Describe(forTrail, context.Lang)));
        return lines.Count == 0 ? context.Text(SetupTexts.AllGood) : string.Join('\n', lines);
    }
}
