using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Takeaways;

namespace CrossCoaching.Privacy;

/// <summary><c>/me export</c> (files holding everything stored about the invoker here) and <c>/me forget</c> (asks first).</summary>
public sealed class MeCommand(PersonalDataReader reader, PairRepository pairs) : ISlashCommand
{
    public const string Prefix = "me";

    public CommandDefinition Definition { get; } = new(
        "me", PrivacyTexts.MeDescription.En,
        [
            new(CommandOptionType.SubCommand, "export", PrivacyTexts.ExportDescription.En,
                NameLocalizations: Localizations.French("exporter"), DescriptionLocalizations: PrivacyTexts.ExportDescription.ToLocalizations()),
            new(CommandOptionType.SubCommand, "forget", PrivacyTexts.ForgetDescription.En,
                NameLocalizations: Localizations.French("oublier"), DescriptionLocalizations: PrivacyTexts.ForgetDescription.ToLocalizations()),
        ],
        NameLocalizations: Localizations.French("moi"),
        DescriptionLocalizations: PrivacyTexts.MeDescription.ToLocalizations());

    public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default) => context.Interaction.Subcommand switch
    {
        "export" => ExportAsync(context, cancellationToken),
        "forget" => ConfirmForgetAsync(context, cancellationToken),
        var other => throw new InvalidOperationException($"Unknown /me subcommand {other}."),
    };

    private async Task ExportAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var guild = context.GuildId;
        var me = context.Interaction.User.Id;
        var data = await reader.ReadAsync(guild, me, cancellationToken);
        var name = $"crosscoaching-{guild}-{me}";
        var files = new[]
        {
            new FileAttachment($"{name}.json", "application/json", data.ToJson()),
            new FileAttachment($"{name}.md", "text/markdown", Encoding.UTF8.GetBytes(ExportMarkdown.Render(data, context.Lang))),
        };
        await context.ReplyAsync(new MessageSpec(
            context.Text(PrivacyTexts.Exported, data.Pairs.Count, data.SessionCount, data.TakeawayCount), AllowedMentions.None, Files: files),
            ephemeral: true, cancellationToken);
    }

    private async Task ConfirmForgetAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var me = context.Interaction.User.Id;
        var text = context.Text(PrivacyTexts.ConfirmForget);
        if (await pairs.FindCurrentAsync(context.GuildId, me, cancellationToken) is { } pair)
            text += "\n" + context.Text(PrivacyTexts.ConfirmForgetPair, Markdown.Name(pair.NameOf(pair.PartnerOf(me))));
        await context.ReplyAsync(new MessageSpec(text, AllowedMentions.None,
            [ActionRow.Of(
                new Button(ButtonStyle.Danger, context.Text(PrivacyTexts.ForgetButton), ComponentId.Create(Prefix, "forget", me)),
                new Button(ButtonStyle.Secondary, context.Text(PrivacyTexts.KeepButton), ComponentId.Create(Prefix, "keep", me)))]),
            ephemeral: true, cancellationToken);
    }
}
