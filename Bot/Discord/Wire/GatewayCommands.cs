using System.Text.Json.Serialization;

namespace CrossCoaching.Discord.Wire;

/// <summary>A payload the bot sends: <c>{"op": …, "d": …}</c> (https://discord.com/developers/docs/events/gateway-events#payload-structure).</summary>
internal sealed record GatewayCommand<T>(
    [property: JsonPropertyName("op")] int Op,
    [property: JsonPropertyName("d")] T D);

/// <summary>op 2. Holds the token: never logged.</summary>
internal sealed record GatewayIdentify(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("intents")] int Intents,
    [property: JsonPropertyName("properties")] GatewayIdentifyProperties Properties,
    [property: JsonPropertyName("shard"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int[]? Shard);

internal sealed record GatewayIdentifyProperties(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("browser")] string Browser,
    [property: JsonPropertyName("device")] string Device);

/// <summary>op 6. Holds the token: never logged.</summary>
internal sealed record GatewayResume(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("seq")] long? Seq);
