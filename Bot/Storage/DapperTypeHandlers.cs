using System.Data;
using System.Globalization;
using CrossCoaching.Discord;
using Dapper;

namespace CrossCoaching.Storage;

/// <summary>
/// How our value types live in SQLite. Dapper's handlers are process-wide, so they are registered once.
/// Instants are stored as fixed-width UTC text so that text comparison in SQL is time order.
/// </summary>
public static class DapperTypeHandlers
{
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
            return;
        // Dapper maps these types natively (to SQLite's own text format); drop that so our handlers apply.
        foreach (var type in new[] { typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(TimeOnly), typeof(TimeOnly?), typeof(DateOnly), typeof(DateOnly?) })
            SqlMapper.RemoveTypeMap(type);
        SqlMapper.AddTypeHandler(new SnowflakeHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new LocalTimeHandler());
        SqlMapper.AddTypeHandler(new LocalDateHandler());
    }

    public static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Snowflakes fit in 63 bits, so SQLite's signed INTEGER holds them unchanged.</summary>
    private sealed class SnowflakeHandler : SqlMapper.TypeHandler<Snowflake>
    {
        public override void SetValue(IDbDataParameter parameter, Snowflake value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = unchecked((long)value.Value);
        }

        public override Snowflake Parse(object value) => new(unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)));
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = FormatInstant(value);
        }

        public override DateTimeOffset Parse(object value) => ParseInstant((string)value);
    }

    private sealed class LocalTimeHandler : SqlMapper.TypeHandler<TimeOnly>
    {
        public override void SetValue(IDbDataParameter parameter, TimeOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        }

        public override TimeOnly Parse(object value) => TimeOnly.ParseExact((string)value, "HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private sealed class LocalDateHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public override DateOnly Parse(object value) => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
