using System.Data;
using System.Globalization;
using System.Reflection;
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
        // Flags are INTEGER 0/1 on both providers; Npgsql would send a bool as boolean, which an integer column refuses.
        SqlMapper.RemoveTypeMap(typeof(bool));
        SqlMapper.RemoveTypeMap(typeof(bool?));
        SqlMapper.AddTypeHandler(new FlagHandler());
        ExpandListsOnPostgres();
        SqlMapper.AddTypeHandler(new SnowflakeHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new LocalTimeHandler());
        SqlMapper.AddTypeHandler(new LocalDateHandler());
    }

    public static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// <c>IN @ids</c> with a list: Dapper expands it into <c>IN (@ids1, @ids2…)</c>, except on Npgsql, where it passes
    /// one array parameter instead, which <c>IN</c> cannot take (PostgreSQL wants <c>= ANY(@ids)</c>, which SQLite does
    /// not know). Dapper has no setting for it, so its Npgsql feature flag is turned off here: the same SQL then runs on
    /// both providers. Should a Dapper release rename what this touches, the start fails here, loudly.
    /// </summary>
    private static void ExpandListsOnPostgres()
    {
        var features = typeof(SqlMapper).Assembly.GetType("Dapper.FeatureSupport", throwOnError: true)!;
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;
        var arrays = features.GetField("<Arrays>k__BackingField", Instance)
            ?? throw new InvalidOperationException("Dapper.FeatureSupport has no Arrays flag any more: see DapperTypeHandlers.ExpandListsOnPostgres.");
        foreach (var shared in features.GetFields(BindingFlags.Static | BindingFlags.NonPublic).Where(f => f.FieldType == features))
            arrays.SetValue(shared.GetValue(null), false);
    }

    /// <summary>A bool as INTEGER 0/1, the form SQLite gives it and the schema uses on both providers.</summary>
    private sealed class FlagHandler : SqlMapper.TypeHandler<bool>
    {
        public override void SetValue(IDbDataParameter parameter, bool value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value ? 1L : 0L;
        }

        public override bool Parse(object value) => value is bool flag ? flag : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;
    }

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
