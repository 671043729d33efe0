using System.Text.Json.Serialization;

namespace CrossCoaching.Discord.Wire;

/// <summary>
/// Source-generated JSON for the REST client. Discord's names are snake_case; absent optional fields are left out
/// rather than sent as null, because for Discord "null" often means "clear this".
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RestGatewayBot))]
[JsonSerializable(typeof(RestApplication))]
[JsonSerializable(typeof(RestUser))]
[JsonSerializable(typeof(RestGuildMember))]
[JsonSerializable(typeof(RestChannel))]
[JsonSerializable(typeof(IReadOnlyList<RestChannel>))]
[JsonSerializable(typeof(RestMessage))]
[JsonSerializable(typeof(RestError))]
[JsonSerializable(typeof(RestRateLimited))]
[JsonSerializable(typeof(RestCreateChannel))]
[JsonSerializable(typeof(RestCreateDm))]
[JsonSerializable(typeof(IReadOnlyList<RestCommand>))]
[JsonSerializable(typeof(IReadOnlyList<RestRegisteredCommand>))]
[JsonSerializable(typeof(RestMessageBody))]
[JsonSerializable(typeof(RestCallback))]
[JsonSerializable(typeof(RestDeferData))]
[JsonSerializable(typeof(RestAutocompleteData))]
[JsonSerializable(typeof(RestModalData))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
internal sealed partial class RestJsonContext : JsonSerializerContext;
