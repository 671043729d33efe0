using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrossCoaching.Discord.Wire;

/// <summary>
/// Permission bitsets are decimal strings on the wire since API v8 (they exceed 53 bits); numbers are accepted too,
/// because the OpenAPI spec types them as integers and an emulator may follow it.
/// </summary>
internal sealed class GatewayPermissionsConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String when ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) => (Permissions)bits,
            JsonTokenType.Number => (Permissions)reader.GetUInt64(),
            JsonTokenType.Null => Permissions.None,
            _ => throw new JsonException("A permission set must be a decimal string."),
        };

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) =>
        writer.WriteStringValue(((ulong)value).ToString(CultureInfo.InvariantCulture));
}
