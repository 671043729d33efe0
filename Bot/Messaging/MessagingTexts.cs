using CrossCoaching.Localization;

namespace CrossCoaching.Messaging;

public static class MessagingTexts
{
    /// <summary>Posted where others read: a bare mention and nothing private.</summary>
    public static readonly LocalizedText DmsClosed = new(
        "{0} I have a reminder for you, but your direct messages are closed. Open them to receive it.",
        "{0} j'ai un rappel pour vous, mais vos messages privés sont fermés. Ouvrez-les pour le recevoir.");

    /// <summary>To the managers: a post Discord refused in a server channel for a missing permission.</summary>
}
