using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

public enum RoomResult
{
    Made,

    /// <summary>A partner is no longer in the guild: the pair was suspended and the session ended, no room made.</summary>
    PartnerLeft,

    /// <summary>The bot lacks a permission; a server manager can grant it before the next try.</summary>
    MissingPermissions,

    /// <summary>Refused for another reason (the server is full, Discord refused the room's settings).</summary>
    Refused,

    /// <summary>Discord made the room without its privacy: it was deleted and the managers told; they can fix it before the next try.</summary>
    NotPrivate,
}

/// <summary>What came of one try at a session's room; <see cref="Explanation"/> tells the partners why it was not made.</summary>
public sealed record RoomAttempt(RoomResult Result, string? Explanation = null)
{
    public static readonly RoomAttempt Made = new(RoomResult.Made);
    public static readonly RoomAttempt PartnerLeft = new(RoomResult.PartnerLeft);
}

/// <summary>
/// Makes a session's room, for the prepare and open steps, and says in plain words why when Discord will not. Callers
/// hold the session's lock; what to tell the partners depends on whether a later step tries again, so they decide.
/// </summary>
public sealed class RoomOpener(
    RoomService rooms,
    SessionRepository sessions,
    PartnerDeparture departure,
    ManagerNotices managers,
    ILogger<RoomOpener> logger)
{
    public async Task<RoomAttempt> TryMakeAsync(Session session, Pair pair, Lang lang, CancellationToken cancellationToken)
    {
        // Discord makes a room for a member who left as readily as for one who stayed (its overwrites accept any user),
        // so a session that had no reminder to ask about both partners asks here, before the room exists.
        var askedNow = !await PartnersCheckedAsync(session, cancellationToken);
        if (askedNow && await departure.CheckLockedAsync(session, pair, cancellationToken))
            return RoomAttempt.PartnerLeft;

        var missing = await rooms.MissingRequiredAsync(session.GuildId, cancellationToken);
        if (missing != Permissions.None)
        {
            logger.LogWarning("Cannot create the room of session {Session} in guild {Guild}: the bot lacks {Permissions}", session.Id, session.GuildId,
                PermissionNames.Describe(missing, Lang.En));
            return new RoomAttempt(RoomResult.MissingPermissions, SessionTexts.PermissionsMissing.Format(lang, PermissionNames.Describe(missing, lang)));
        }

        try
        {
            await rooms.CreateAsync(session, pair, SessionMessages.RoomName(pair, lang), cancellationToken); // recorded on the session there
            return RoomAttempt.Made;
        }
        catch (RoomNotPrivateException e)
        {
            // Fail closed: the room is gone (or the managers are asked to delete it); nobody is sent into it.
            await (e.StillStanding
                ? managers.TellAsync(session.GuildId, "room-standing", ManagerTexts.RoomNotPrivateStanding, [$"<#{e.RoomId}>"], cancellationToken)
                : managers.TellAsync(session.GuildId, "room-not-private", ManagerTexts.RoomNotPrivate, [], cancellationToken));
            return new RoomAttempt(RoomResult.NotPrivate, SessionTexts.RoomNotPrivate[lang]);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.InvalidFormBody)
        {
            // A step that fails is a moment to look whether a partner left, unless this try has just asked.
            if (!askedNow && await departure.CheckLockedAsync(session, pair, cancellationToken))
                return RoomAttempt.PartnerLeft;
            logger.LogWarning("Discord refused the room of session {Session} in guild {Guild} as malformed: {Reason}", session.Id, session.GuildId, e.DiscordMessage);
            return new RoomAttempt(RoomResult.Refused, SessionTexts.RoomRefused[lang]);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.MaxGuildChannels)
        {
            logger.LogWarning("Cannot create the room of session {Session}: guild {Guild} has Discord's maximum of channels", session.Id, session.GuildId);
            return new RoomAttempt(RoomResult.Refused, SessionTexts.GuildFull[lang]);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.MissingPermissions or DiscordErrorCode.MissingAccess)
        {
            // The gateway's view said yes but Discord said no (an overwrite we cannot see, a change in flight): Discord
            // does not say which permission, so neither can we. The room asks for these; one of them is missing.
            logger.LogWarning("Discord refused to create the room of session {Session} in guild {Guild} ({Reason}) though the bot's view showed " +
                "nothing missing; one of these is: {Permissions}", session.Id, session.GuildId, e.DiscordMessage, PermissionNames.Describe(RoomPermissions.Wanted, Lang.En));
            return new RoomAttempt(RoomResult.MissingPermissions,
                SessionTexts.PermissionRefused.Format(lang, PermissionNames.Describe(RoomPermissions.Wanted, lang)));
        }
    }

    /// <summary>
    /// Whether a step of this session already asked Discord about both partners: a reminder that went out, or a
    /// prepare step that tried the room (done or failed). Asking once per session keeps the cost at two requests.
    /// </summary>
    private async Task<bool> PartnersCheckedAsync(Session session, CancellationToken cancellationToken) =>
        (await sessions.GetStepsAsync(session.Id, cancellationToken)).Any(s =>
            (s.Step == SessionStep.Remind && s.State == StepState.Done) ||
            (s.Step == SessionStep.Prepare && s.State is StepState.Done or StepState.Failed));
}
