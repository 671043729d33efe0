namespace CrossCoaching.Discord;

/// <summary>
/// A request Discord refused. <see cref="Code"/> is Discord's JSON error code (see <see cref="DiscordErrorCode"/>) so
/// that features can react to each case; <see cref="Message"/> is Discord's text, safe to log (it never holds the token).
/// </summary>
public sealed class DiscordApiException(int status, int? code, string message, string route, IReadOnlyList<DiscordFieldError>? fieldErrors = null)
    : DiscordException($"Discord refused {route}: HTTP {status}{(code is { } c ? $", code {c}" : "")}: {message}")
{
    public int Status { get; } = status;

    public int? Code { get; } = code;

    /// <summary>The route template (no ids or tokens), e.g. <c>POST /guilds/{guild}/channels</c>.</summary>
    public string Route { get; } = route;

    public string DiscordMessage { get; } = message;

    public bool Is(int discordCode) => Code == discordCode;

    public override bool IsFinal => Status is >= 400 and < 500 and not 429;

    /// <summary>
    /// The fields a 50035 found wrong, so that a feature can tell one cause from another: a category that no longer
    /// exists and a member who left the guild both answer 50035 to a channel creation.
    /// </summary>
    public IReadOnlyList<DiscordFieldError> FieldErrors { get; } = fieldErrors ?? [];

    public bool HasFieldError(string path, string fieldCode) =>
        FieldErrors.Any(f => f.Path == path && f.Code == fieldCode);
}

/// <summary>One entry of a 50035's <c>errors</c>: the field's path (<c>parent_id</c>, <c>permission_overwrites.1.id</c>) and its code.</summary>
public sealed record DiscordFieldError(string Path, string Code);

/// <summary>Discord's JSON error codes that the bot reacts to (https://discord.com/developers/docs/topics/opcodes-and-status-codes).</summary>
public static class DiscordErrorCode
{
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMember = 10007;
    public const int UnknownMessage = 10008;
    public const int UnknownUser = 10013;
    public const int UnknownInteraction = 10062;
    public const int MaxGuildChannels = 30013;
    public const int Unauthorized = 40001;
    public const int AlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendMessagesToUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;
}
