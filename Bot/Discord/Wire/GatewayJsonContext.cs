using System.Text.Json.Serialization;

namespace CrossCoaching.Discord.Wire;

/// <summary>Source-generated JSON for the gateway: the commands the bot sends and the events the session and cache read.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GatewayCommand<GatewayIdentify>))]
[JsonSerializable(typeof(GatewayCommand<GatewayResume>))]
[JsonSerializable(typeof(GatewayCommand<long?>))]
[JsonSerializable(typeof(GatewayHello))]
[JsonSerializable(typeof(GatewayReady))]
[JsonSerializable(typeof(GatewayGuild))]
[JsonSerializable(typeof(GatewayGuildDelete))]
[JsonSerializable(typeof(GatewayChannel))]
[JsonSerializable(typeof(GatewayRoleEvent))]
[JsonSerializable(typeof(GatewayRoleDelete))]
[JsonSerializable(typeof(GatewayMember))]
[JsonSerializable(typeof(GatewayVoiceState))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
