using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrossCoaching.Discord;

/// <summary>A Discord id. Serialized as a string on the wire (ids exceed JavaScript's safe integers).</summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value) : IComparable<Snowflake>
{
    /// <summary>Discord's epoch, the first second of 2015, in Unix milliseconds.</summary>
    private const long DiscordEpochMs = 1420070400000;

    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> 22) + DiscordEpochMs);

    public static Snowflake Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a Discord id.");

    public static bool TryParse([NotNullWhen(true)] string? text, out Snowflake id)
    {
        var ok = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        id = ok ? new Snowflake(value) : default;
        return ok;
    }

    public int CompareTo(Snowflake other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool operator <(Snowflake left, Snowflake right) => left.Value < right.Value;
    public static bool operator >(Snowflake left, Snowflake right) => left.Value > right.Value;
    public static bool operator <=(Snowflake left, Snowflake right) => left.Value <= right.Value;
    public static bool operator >=(Snowflake left, Snowflake right) => left.Value >= right.Value;
}

/// <summary>Reads ids given as strings (the documented form) or numbers; always writes strings.</summary>
public sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => Snowflake.Parse(reader.GetString()!),
            JsonTokenType.Number => new Snowflake(reader.GetUInt64()),
            _ => throw new JsonException("A Discord id must be a string or a number."),
        };

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
