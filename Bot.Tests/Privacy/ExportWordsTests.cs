using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Privacy;
using CrossCoaching.Progress;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;

namespace CrossCoaching.Tests.Privacy;

public sealed class ExportWordsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);

    // Each code as PersonalDataReader writes it into the JSON, with the function that words it.
    public static TheoryData<string, string> EveryCode()
    {
        var data = new TheoryData<string, string>();
        void Add<T>(string kind) where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
                data.Add(kind, value.ToString().ToLowerInvariant());
        }

        Add<PairStatus>("pair");
        Add<SessionStatus>("session");
        Add<SessionOutcome>("outcome");
        Add<TakeawayVisibility>("visibility");
        Add<RoundAnswer>("answer");
        Add<InvitationStatus>("invitation");
        return data;
    }

    private static string Word(string kind, string code, Lang lang) => kind switch
    {
        "pair" => ExportWords.ForPair(code, lang),
        "session" => ExportWords.ForSession(code, lang),
        "outcome" => ExportWords.ForOutcome(code, lang),
        "visibility" => ExportWords.ForVisibility(code, lang),
        "answer" => ExportWords.ForAnswer(code, lang),
        _ => ExportWords.ForInvitation(code, lang),
    };

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Every_code_of_the_export_has_french_words(string kind, string code)
    {
        var french = Word(kind, code, Lang.Fr);

        Assert.NotEqual(code, french, StringComparer.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(Word(kind, code, Lang.En)));
    }

    [Theory]
    [InlineData(Lang.En, "every other Friday at 07:30 (America/Montreal), 30 minutes, no reminder")]
    [InlineData(Lang.Fr, "un vendredi sur deux à 07:30 (America/Montreal), 30 minutes, sans rappel")]
    public void The_ritual_reads_as_ritual_show_says_it(Lang lang, string expected) =>
        Assert.Equal(expected, ExportWords.ForRitual(Ritual(RitualFrequency.TwoWeeks.Code(), DayOfWeek.Friday.ToString()), lang));

    [Fact]
    public void Every_frequency_and_weekday_is_worded_in_french()
    {
        foreach (var frequency in RitualFrequencyCodes.All)
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                var french = ExportWords.ForRitual(Ritual(frequency, day.ToString()), Lang.Fr);
                Assert.Contains(Lang.Fr.DayName(day), french, StringComparison.Ordinal);
                Assert.DoesNotContain(day.ToString(), french, StringComparison.Ordinal);
                Assert.DoesNotContain(frequency, french, StringComparison.Ordinal);
            }
    }

    [Theory]
    [InlineData(Lang.En, "missed", "missed", " — missed; ")]
    [InlineData(Lang.Fr, "skipped", "skipped", " — passée ; ")]
    [InlineData(Lang.En, "closed", "partial", " — ended (partial); ")]
    [InlineData(Lang.Fr, "cancelled", null, " — annulée ; ")]
    public void A_session_says_its_outcome_only_when_it_adds_to_its_status(Lang lang, string status, string? outcome, string expected)
    {
        var session = new ExportSession(1, 1, "ritual", At, 15, status, outcome, At.AddMinutes(20), [], null);
        var pair = new ExportPair(1, "invited", "Bob", "1001", "Alice", "ended", 1, At, At, null, null, [session], []);

        var markdown = ExportMarkdown.Render(new PersonalExport(PersonalExport.FormatName, "10", "1002", At, "Bob", [pair], []), lang);

        Assert.Contains(expected, markdown, StringComparison.Ordinal);
    }

    private static ExportRitual Ritual(string frequency, string day) =>
        new(frequency, day, "07:30", "America/Montreal", 30, 0, false, null, At, false);
}
