namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// What each gateway close code means for the bot
/// (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes).
/// </summary>
internal static class GatewayCloseCodes
{
    /// <summary>The code the bot closes with when it means to resume: anything but 1000/1001 keeps the session alive.</summary>
    public const int Reconnecting = 4000;

    /// <summary>The code for a clean, final stop: it ends the session, so the bot goes offline at once.</summary>
    public const int Normal = 1000;

    public const int AuthenticationFailed = 4004;
    public const int InvalidSeq = 4007;
    public const int SessionTimedOut = 4009;

    /// <summary>The operator-facing line for a code after which reconnecting cannot help, or null when it can.</summary>
    public static string? FatalMessage(int? code) => code switch
    {
        AuthenticationFailed => TokenRejected,
        4010 => "Discord rejected the shard this bot identified as (gateway close 4010 Invalid shard): check Discord__ShardId and " +
                "Discord__ShardCount (ShardId must be from 0 to ShardCount - 1), or leave both empty.",
        4011 => "Discord requires this bot to be sharded (gateway close 4011 Sharding required): set Discord__ShardId and " +
                "Discord__ShardCount (run one process per shard).",
        4012 => "Discord rejected the gateway API version (gateway close 4012): this build of CrossCoaching speaks API v10; " +
                "check Discord__GatewayUrl or update CrossCoaching.",
        4013 => "Discord rejected the gateway intents as invalid (gateway close 4013): this build of CrossCoaching sends a wrong " +
                "intents value; please report it.",
        4014 => "Discord refused a privileged intent that is not enabled for this bot (gateway close 4014): CrossCoaching asks " +
                "for no privileged intent, so the configuration or the code changed; enable the intent in the developer portal " +
                "or report it.",
        _ => null,
    };

    public const string TokenRejected =
        "Discord rejected the token (gateway close 4004 Authentication failed): check DISCORD_TOKEN; reset it in the " +
        "developer portal if it leaked.";

    public const string TokenRejectedByRest =
        "Discord rejected the token (HTTP 401 on GET /gateway/bot): check DISCORD_TOKEN; reset it in the developer portal " +
        "if it leaked.";

    /// <summary>4007 and 4009 end the session: the next connection must IDENTIFY anew rather than resume.</summary>
    public static bool EndsSession(int? code) => code is InvalidSeq or SessionTimedOut;
}
