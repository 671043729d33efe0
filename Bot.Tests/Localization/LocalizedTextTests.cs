using System.Reflection;
using System.Text.RegularExpressions;
using CrossCoaching.Localization;

namespace CrossCoaching.Tests.Localization;

public sealed partial class LocalizedTextTests
{
    public static TheoryData<string> AllTexts()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Texts())
            data.Add(name);
        return data;
    }

    private static IEnumerable<(string Name, LocalizedText Text)> Texts() =>
        typeof(LocalizedText).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(LocalizedText))
                .Select(f => ($"{t.Name}.{f.Name}", (LocalizedText)f.GetValue(null)!)));

    [Theory]
    [MemberData(nameof(AllTexts))]
    public void Every_text_exists_in_both_languages_with_the_same_placeholders(string name)
    {
        var text = Texts().Single(t => t.Name == name).Text;

        Assert.False(string.IsNullOrWhiteSpace(text.En), $"{name} has no English");
        Assert.False(string.IsNullOrWhiteSpace(text.Fr), $"{name} has no French");
        Assert.Equal(Placeholders(text.En), Placeholders(text.Fr));
        _ = text.Format(Lang.En, Enumerable.Range(0, 10).Select(i => (object)i).ToArray());
        _ = text.Format(Lang.Fr, Enumerable.Range(0, 10).Select(i => (object)i).ToArray());
    }

    [Theory]
    [InlineData("fr", Lang.Fr)]
    [InlineData("FR", Lang.Fr)]
    [InlineData("en-US", Lang.En)]
    [InlineData("de", Lang.En)]
    [InlineData(null, Lang.En)]
    public void A_discord_locale_picks_the_language(string? locale, Lang expected) =>
        Assert.Equal(expected, LangExtensions.FromLocale(locale));

    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
