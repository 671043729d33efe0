using System.Reflection;
using System.Text.RegularExpressions;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Help;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Discord.Interactions;

/// <summary>Texts and <c>/help</c> name commands as Discord command mentions, each client showing its own language.</summary>
public sealed partial class CommandMentionsTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;

    public async Task InitializeAsync() => _h = await StartAsync(Monday);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private IReadOnlyList<CommandDefinition> Definitions => [.. _h.Get<InteractionRouter>().Commands.Select(c => c.Definition)];

    private CommandMentions Fresh()
    {
        var mentions = new CommandMentions();
        mentions.LearnNames(Definitions);
        return mentions;
    }

    /// <summary>Every text the bot speaks, read from the <c>XxxTexts</c> classes.</summary>
    private static IEnumerable<(string Name, LocalizedText Text)> AllTexts() =>
        typeof(LocalizedText).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (LocalizedText)f.GetValue(null)!));

    [Fact]
    public void French_texts_name_no_english_command_written_out()
    {
        var english = AllTexts().Where(t => WrittenCommand().IsMatch(t.Text.Fr) || WrittenCommand().IsMatch(t.Text.En)).Select(t => t.Name).ToList();

        Assert.Empty(english);
    }

    [Fact]
    public void Every_command_a_text_names_is_one_the_bot_registers()
    {
        var known = Fresh();
        var paths = Definitions.SelectMany(d => d.Options.Where(o => o.Type == CommandOptionType.SubCommand).Select(s => $"{d.Name} {s.Name}").Prepend(d.Name))
            .ToHashSet(StringComparer.Ordinal);
        var unknown = AllTexts().SelectMany(t => Token().Matches(t.Text.En + t.Text.Fr).Select(m => (t.Name, Path: m.Groups[1].Value)))
            .Where(x => !paths.Contains(x.Path)).ToList();

        Assert.Empty(unknown);
        Assert.Contains("</ritual set>", RitualTexts.NoRitual.Fr, StringComparison.Ordinal);
        Assert.Equal(RitualTexts.NoRitual.Fr.Replace("</ritual set>", "`/rituel fixer`", StringComparison.Ordinal), known.Render(RitualTexts.NoRitual.Fr, Lang.Fr));
    }

    [Fact]
    public void Without_ids_french_texts_name_the_french_commands_and_english_texts_the_english_ones()
    {
        var mentions = Fresh();

        Assert.Contains("`/binôme`", mentions.Render(PairTexts.NoPair.Fr, Lang.Fr), StringComparison.Ordinal);
        Assert.Contains("`/pair`", mentions.Render(PairTexts.NoPair.En, Lang.En), StringComparison.Ordinal);
        Assert.Contains("`/quitter-binôme`", mentions.Render(PairTexts.YouArePaired.Fr, Lang.Fr), StringComparison.Ordinal);
        Assert.Contains("`/enseignement`", mentions.Render(CrossCoaching.Sessions.SessionTexts.Warning.Fr, Lang.Fr), StringComparison.Ordinal);
        Assert.Contains("`/rituel reprendre`", mentions.Render(PairTexts.Suspended.Fr, Lang.Fr), StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_ids_from_registration_every_hint_is_a_command_mention_in_both_languages()
    {
        var mentions = Fresh();
        mentions.LearnIds([new RegisteredCommand(new Snowflake(4001), "ritual"), new RegisteredCommand(new Snowflake(4002), "pair")]);

        Assert.Contains("</ritual set:4001>", mentions.Render(RitualTexts.NoRitual.Fr, Lang.Fr), StringComparison.Ordinal);
        Assert.Contains("</ritual set:4001>", mentions.Render(RitualTexts.NoRitual.En, Lang.En), StringComparison.Ordinal);
        Assert.Contains("</pair:4002>", mentions.Render(PairTexts.NoPair.Fr, Lang.Fr), StringComparison.Ordinal);
        // A command whose id is unknown still reads well.
        Assert.Contains("`/quitter-binôme`", mentions.Render(PairTexts.YouArePaired.Fr, Lang.Fr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_in_french_prints_french_command_names_or_mentions_never_english_names()
    {
        await RunAsync(_h.Api, Command(Guild, HomeChannel, User(Alice, "Alice"), "help", locale: "fr"), c => _h.Get<HelpCommand>().HandleAsync(c));

        var description = _h.Api.LastCallback().Message!.Embeds![0].Description!;
        Assert.DoesNotContain("`/ritual set`", description, StringComparison.Ordinal);
        Assert.DoesNotContain("`/pair`", description, StringComparison.Ordinal);
        Assert.Matches(@"(`/rituel fixer`|</ritual set:\d+>) — Fixer ou changer le créneau de votre binôme", description);
        Assert.Matches(@"(`/binôme`|</pair:\d+>) — ", description);
    }

    [Fact]
    public void French_command_and_option_names_use_their_accents_and_follow_discords_naming_rule()
    {
        var names = Definitions.SelectMany(d => Names(d.NameLocalizations, d.Options)).ToList();

        Assert.Contains("binôme", names);
        Assert.Contains("quitter-binôme", names);
        Assert.Contains("durée", names);
        Assert.Contains("fréquence", names);
        Assert.Contains("visibilité", names);
        Assert.Contains("réglages", names);
        Assert.DoesNotContain("binome", names);
        Assert.DoesNotContain("duree", names);
        Assert.All(names, n => Assert.Matches(DiscordName(), n));
    }

    private static IEnumerable<string> Names(Localizations? localized, IReadOnlyList<CommandOption>? options) =>
        (localized?.ByLocale.Values ?? []).Concat((options ?? []).SelectMany(o => Names(o.NameLocalizations, o.Options)));

    /// <summary>A command written out as code, the way texts named commands before they became mentions.</summary>
    [GeneratedRegex("`/[a-z]")]
    private static partial Regex WrittenCommand();

    [GeneratedRegex(@"</([a-z][a-z0-9_-]*(?: [a-z][a-z0-9_-]*){0,2})>")]
    private static partial Regex Token();

    /// <summary>Discord's rule for chat-input names (application-commands.mdx), lowercase included.</summary>
    [GeneratedRegex(@"^[-_'\p{Ll}\p{Lo}\p{N}]{1,32}$")]
    private static partial Regex DiscordName();
}
