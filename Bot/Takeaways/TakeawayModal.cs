using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Sessions;

namespace CrossCoaching.Takeaways;

/// <summary>The form a takeaway is written in: from <c>/takeaway</c> without text, or "Share my takeaway".</summary>
public static class TakeawayModal
{
    public const string TextField = "text";

    /// <summary>
    /// The session and the visibility travel in the custom id (<c>takeaway:modal:42:public</c>), so the submission
    /// needs nothing remembered; it is checked again on submission, as anyone can forge a custom id.
    /// </summary>
    public static Modal For(long sessionId, TakeawayVisibility visibility, int maxLength, Lang lang, string? current = null) => new(
        ComponentId.Create(SessionMessages.TakeawayPrefix, "modal", sessionId, visibility.Code()),
        TakeawayTexts.ModalTitle[lang],
        [
            new TextInput(TextField, TakeawayTexts.ModalLabel[lang], TextInputStyle.Paragraph, MinLength: 1, MaxLength: maxLength, Required: true,
                // A text written under a higher limit than today's is not offered back: Discord would refuse the form.
                Value: current is not null && current.Length <= maxLength ? current : null,
                Placeholder: TakeawayTexts.ModalPlaceholder[lang]),
        ]);
}
