namespace CrossCoaching.Localization;

/// <summary>The languages the bot speaks. Everything a user reads exists in each of them.</summary>
public enum Lang
{
    En,
    Fr,
}

public static class LangExtensions
{
    /// <summary>The language for a Discord locale (<c>fr</c> → French); every other locale reads English.</summary>
    public static Lang FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? Lang.Fr : Lang.En;

    /// <summary>The language of a setting value (<c>en</c>, <c>fr</c>), or null when it names none.</summary>
    public static Lang? FromCode(string? code) => code?.ToLowerInvariant() switch
    {
        "en" => Lang.En,
        "fr" => Lang.Fr,
        _ => null,
    };

    public static string Code(this Lang lang) => lang == Lang.Fr ? "fr" : "en";
}
