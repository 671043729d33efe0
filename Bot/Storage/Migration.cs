using System.Globalization;
using System.Text.RegularExpressions;

namespace CrossCoaching.Storage;

/// <summary>
/// One numbered, forward-only schema change: <c>Storage/Migrations/0001_initial.sql</c> for SQLite and the same change
/// in PostgreSQL's dialect in <c>Storage/Migrations/Postgres/0001_initial.sql</c>, numbered and named alike.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    private const string SqlitePrefix = "Migrations.", PostgresPrefix = "Migrations.Postgres.";

    /// <summary>The SQLite migrations embedded in this build, in order.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded(SqlitePrefix);

    /// <summary>The PostgreSQL migrations embedded in this build, in order.</summary>
    public static IReadOnlyList<Migration> Postgres { get; } = LoadEmbedded(PostgresPrefix);

    public static IReadOnlyList<Migration> For(StorageProvider provider) => provider == StorageProvider.Postgres ? Postgres : Embedded;

    private static List<Migration> LoadEmbedded(string prefix)
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Where(n => prefix == PostgresPrefix || !n.StartsWith(PostgresPrefix, StringComparison.Ordinal));
        foreach (var resource in names)
        {
            var match = Regex.Match(resource[prefix.Length..], @"^(\d{4})_([a-z0-9_]+)\.sql$");
            if (!match.Success)
                throw new InvalidOperationException($"Migration resource '{resource}' must be named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3… without gaps; found {migrations[i].Version} at position {i + 1}.");
        }

        return migrations;
    }
}
