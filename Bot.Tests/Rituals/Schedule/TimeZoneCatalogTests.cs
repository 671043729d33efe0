using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Tests.Rituals.Schedule;

public sealed class TimeZoneCatalogTests
{
    [Theory]
    [InlineData("paris", "Europe/Paris")]
    [InlineData("Europe/Paris", "Europe/Paris")]
    [InlineData("new york", "America/New_York")]
    [InlineData("New_York", "America/New_York")]
    [InlineData("york", "America/New_York")]
    [InlineData("montréal", "America/Montreal")]
    [InlineData("montreal", "America/Montreal")]
    [InlineData("sao", "America/Sao_Paulo")]
    [InlineData("São Paulo", "America/Sao_Paulo")]
    [InlineData("zürich", "Europe/Zurich")]
    [InlineData("BOGOTÁ", "America/Bogota")]
    [InlineData("méxico city", "America/Mexico_City")]
    [InlineData("reunion", "Indian/Reunion")]
    [InlineData("buenos", "America/Argentina/Buenos_Aires")]
    public void Suggest_puts_the_zone_meant_first(string typed, string expected)
    {
        Assert.Equal(expected, TimeZoneCatalog.Suggest(typed)[0]);
    }

    [Theory]
    [InlineData("  São_Paulo  ", "sao paulo")]
    [InlineData("MONTRÉAL", "montreal")]
    [InlineData("Montre\u0301al", "montreal")]
    [InlineData("Straße   Łódź", "strasse lodz")]
    public void Typed_text_is_folded_without_culture_data(string typed, string expected)
    {
        Assert.Equal(expected, TimeZoneText.Normalize(typed));
    }

    [Fact]
    public void An_empty_search_offers_the_popular_zones()
    {
        var suggestions = TimeZoneCatalog.Suggest("");

        Assert.Equal(25, suggestions.Count);
        Assert.Equal("Europe/Paris", suggestions[0]);
        Assert.Contains("America/New_York", suggestions);
        Assert.Equal(suggestions, TimeZoneCatalog.Suggest("   "));
    }

    [Fact]
    public void Popular_zones_come_first_and_prefix_matches_before_substring_matches()
    {
        var america = TimeZoneCatalog.Suggest("america/");

        Assert.Equal(25, america.Count);
        Assert.Equal(["America/New_York", "America/Chicago", "America/Los_Angeles"], america.Take(3));
        Assert.All(america, id => Assert.StartsWith("America/", id, StringComparison.Ordinal));

        // "ang" starts a word of America/Los_Angeles but is merely inside Asia/Shanghai (popular) and Asia/Bangkok.
        var ang = TimeZoneCatalog.Suggest("ang").ToList();
        Assert.Equal("America/Los_Angeles", ang[0]);
        Assert.Contains("Asia/Bangkok", ang);
        Assert.True(ang.IndexOf("Asia/Shanghai") < ang.IndexOf("Asia/Bangkok"), string.Join(", ", ang));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("e")]
    [InlineData("/")]
    public void Suggest_never_returns_more_than_25(string typed)
    {
        Assert.Equal(25, TimeZoneCatalog.Suggest(typed).Count);
        Assert.Equal(25, TimeZoneCatalog.Suggest(typed, max: 100).Count);
        Assert.Equal(3, TimeZoneCatalog.Suggest(typed, max: 3).Count);
    }

    [Fact]
    public void Suggest_leaves_out_legacy_aliases_unless_typed_in_full()
    {
        Assert.DoesNotContain(TimeZoneCatalog.Suggest("us/"), id => id.StartsWith("US/", StringComparison.Ordinal));
        Assert.DoesNotContain(TimeZoneCatalog.Suggest("etc/gmt"), id => id.StartsWith("Etc/GMT+", StringComparison.Ordinal));
        Assert.Equal("US/Eastern", TimeZoneCatalog.Suggest("US/Eastern")[0]);
    }

    [Fact]
    public void Suggest_finds_nothing_for_text_no_zone_contains()
    {
        Assert.Empty(TimeZoneCatalog.Suggest("xyzzy"));
    }

    [Theory]
    [InlineData("europe/paris", "Europe/Paris")]
    [InlineData(" Europe/Paris ", "Europe/Paris")]
    [InlineData("AMERICA/NEW_YORK", "America/New_York")]
    [InlineData("America/Montreal", "America/Montreal")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")]
    [InlineData("UTC", "UTC")]
    public void TryFind_accepts_iana_ids_and_returns_their_canonical_spelling(string id, string expected)
    {
        Assert.True(TimeZoneCatalog.TryFind(id, out var zone));
        Assert.Equal(expected, zone.Id);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("+02:00")]
    [InlineData("UTC+2")]
    [InlineData("Romance Standard Time")]
    [InlineData("Eastern Standard Time")]
    [InlineData("UTC-02")]
    [InlineData("../../etc/passwd")]
    [InlineData("Paris")]
    public void TryFind_refuses_windows_ids_offsets_and_unknown_text(string? id)
    {
        Assert.False(TimeZoneCatalog.TryFind(id, out var zone));
        Assert.Null(zone);
    }
}
