using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Pairs;

namespace CrossCoaching.Pool;

/// <summary>
/// <c>/pair</c> without a partner: with windows (or a zone, languages, "someone new") enters or changes the entry;
/// alone shows it; <c>block</c> / <c>unblock</c> keep a member from being proposed.
/// </summary>
public sealed class PoolCommand(PoolJoin join, PoolEntryRepository entries, TimeProvider time) : IPairPool
{
    public IReadOnlyList<CommandOption> Options { get; } =
    [
        new(CommandOptionType.String, "windows", PoolEntryTexts.WindowsOption.En, MaxLength: 300,
            NameLocalizations: Localizations.French("plages"), DescriptionLocalizations: PoolEntryTexts.WindowsOption.ToLocalizations()),
        new(CommandOptionType.String, "timezone", PoolEntryTexts.ZoneOption.En, Autocomplete: true, MaxLength: 64,
            NameLocalizations: Localizations.French("fuseau"), DescriptionLocalizations: PoolEntryTexts.ZoneOption.ToLocalizations()),
        new(CommandOptionType.String, "languages", PoolEntryTexts.LanguagesOption.En,
            Choices:
            [
                new("English", "en", Localizations.French("anglais")), new("French", "fr", Localizations.French("français")),
                new("both", "both", Localizations.French("les deux")),
            ],
            NameLocalizations: Localizations.French("langues"), DescriptionLocalizations: PoolEntryTexts.LanguagesOption.ToLocalizations()),
        new(CommandOptionType.Boolean, "someone_new", PoolEntryTexts.SomeoneNewOption.En,
            NameLocalizations: Localizations.French("nouveau"), DescriptionLocalizations: PoolEntryTexts.SomeoneNewOption.ToLocalizations()),
        new(CommandOptionType.User, "block", PoolEntryTexts.BlockOption.En,
            NameLocalizations: Localizations.French("bloquer"), DescriptionLocalizations: PoolEntryTexts.BlockOption.ToLocalizations()),
        new(CommandOptionType.User, "unblock", PoolEntryTexts.UnblockOption.En,
            NameLocalizations: Localizations.French("debloquer"), DescriptionLocalizations: PoolEntryTexts.UnblockOption.ToLocalizations()),
    ];

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        // /pair answers in public by default (an invitation); everything the pool says is for the member alone.
        await context.DeferAsync(ephemeral: true, cancellationToken);
        var i = context.Interaction;
        if (i.GetUser("block") is { } blocked)
        {
            if (blocked.Id == i.User.Id)
                throw new UserErrorException(context.Text(PoolEntryTexts.NotYourselfBlock));
            await entries.BlockAsync(context.GuildId, i.User.Id, blocked.Id, time.GetUtcNow(), cancellationToken);
            await context.ReplyAsync(context.Text(PoolEntryTexts.Blocked, Markdown.Name(i.GetMember("block")?.DisplayName ?? blocked.DisplayName)), true, cancellationToken);
            return;
        }

        if (i.GetUser("unblock") is { } unblocked)
        {
            var name = Markdown.Name(i.GetMember("unblock")?.DisplayName ?? unblocked.DisplayName);
            var lifted = await entries.UnblockAsync(context.GuildId, i.User.Id, unblocked.Id, cancellationToken);
            await context.ReplyAsync(context.Text(lifted ? PoolEntryTexts.Unblocked : PoolEntryTexts.NotBlocked, name), true, cancellationToken);
            return;
        }

        var input = new PoolEntryInput(i.GetString("windows"), i.GetString("timezone"), i.GetString("languages"), i.Option("someone_new")?.Boolean);
        if (input.IsEmpty)
            await join.ShowAsync(context, cancellationToken);
        else
            await join.JoinAsync(context, input, cancellationToken);
    }

    public Task<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(TimeZoneChoices.For(context.Interaction.Focused?.String));
}
