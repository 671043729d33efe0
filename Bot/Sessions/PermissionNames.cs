using CrossCoaching.Discord;
using CrossCoaching.Localization;

namespace CrossCoaching.Sessions;

/// <summary>Permissions in the words Discord's own settings screens use, for explanations to people.</summary>
public static class PermissionNames
{
    private static readonly (Permissions Bit, LocalizedText Name)[] Names =
    [
        (Permissions.ManageChannels, new("Manage Channels", "Gérer les salons")),
        (Permissions.ViewChannel, new("View Channels", "Voir les salons")),
        (Permissions.Connect, new("Connect", "Se connecter")),
        (Permissions.Speak, new("Speak", "Parler")),
        (Permissions.UseVad, new("Use Voice Activity", "Utiliser la détection de voix")),
        (Permissions.Stream, new("Video", "Vidéo")),
        (Permissions.SendMessages, new("Send Messages", "Envoyer des messages")),
        (Permissions.EmbedLinks, new("Embed Links", "Intégrer des liens")),
        (Permissions.MoveMembers, new("Move Members", "Déplacer des membres")),
        (Permissions.AttachFiles, new("Attach Files", "Joindre des fichiers")),
    ];

    /// <summary>"Manage Channels, Connect" for the bits set, in a stable order.</summary>
    public static string Describe(Permissions permissions, Lang lang) =>
        string.Join(", ", Names.Where(n => permissions.HasFlag(n.Bit)).Select(n => n.Name[lang]));
}
