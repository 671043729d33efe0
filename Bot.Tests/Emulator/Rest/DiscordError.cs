using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// An error answer in Discord's shape: <c>{"code", "message", "errors"?}</c>
/// (https://discord.com/developers/docs/reference#error-messages). Handlers throw it; the pipeline writes it.
/// </summary>
internal sealed class DiscordError(int status, int code, string message, JsonObject? errors = null) : Exception(message)
{
    public int Status { get; } = status;

    public int Code { get; } = code;

    public JsonObject? Errors { get; } = errors;

    public JsonObject Body()
    {
        var body = new JsonObject { ["message"] = Message, ["code"] = Code };
        if (Errors is not null)
            body["errors"] = Errors.DeepClone();
        return body;
    }

    public static DiscordError Of(int status, int code) => new(status, code, KnownMessage(code, status));

    public static DiscordError NotFound(int code) => Of(404, code);

    public static DiscordError Forbidden(int code) => Of(403, code);

    public static DiscordError BadRequest(int code) => Of(400, code);

    public static DiscordError Form(FormErrors errors) => new(400, 50035, "Invalid Form Body", errors.ToJson());

    /// <summary>One invalid field: <paramref name="path"/> such as <c>permission_overwrites.0.allow</c>.</summary>
    public static DiscordError Form(string path, string errorCode, string message) => Form(new FormErrors().Add(path, errorCode, message));

    public static string KnownMessage(int code, int status) => code switch
    {
        0 => status switch
        {
            401 => "401: Unauthorized",
            404 => "404: Not Found",
            405 => "405: Method Not Allowed",
            500 => "500: Internal Server Error",
            _ => $"{status}: Error",
        },
        10003 => "Unknown Channel",
        10004 => "Unknown Guild",
        10007 => "Unknown Member",
        10008 => "Unknown Message",
        10013 => "Unknown User",
        10015 => "Unknown Webhook",
        10062 => "Unknown interaction",
        30013 => "Maximum number of guild channels reached (500)",
        30032 => "Maximum number of application commands reached",
        30034 => "Max number of daily application command creates has been reached (200)",
        40005 => "Request entity too large",
        40060 => "Interaction has already been acknowledged.",
        40333 => "internal network error",
        50001 => "Missing Access",
        50005 => "Cannot edit a message authored by another user",
        50006 => "Cannot send an empty message",
        50007 => "Cannot send messages to this user",
        50013 => "Missing Permissions",
        50024 => "Cannot execute action on this channel type",
        50027 => "Invalid Webhook Token",
        50033 => "Invalid Recipient(s)",
        50035 => "Invalid Form Body",
        50109 => "The request body contains invalid JSON.",
        _ => $"Error {code}",
    };
}
