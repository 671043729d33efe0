using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrossCoaching.Privacy;

/// <summary>
/// Everything the bot stores about one member in one guild, as <c>/me export</c> hands it over. Ids are strings
/// (Discord's snowflakes do not fit a JavaScript number); instants are ISO 8601 in UTC.
/// </summary>
public sealed record PersonalExport(
    string Format,
    string GuildId,
    string UserId,
    DateTimeOffset ExportedAt,
    string? CurrentDisplayName,
    IReadOnlyList<ExportPair> Pairs,
    IReadOnlyList<ExportInvitation> Invitations,
    CrossCoaching.Pool.ExportPool? Pool = null)
{
    public const string FormatName = "crosscoaching-personal-data/1";

    [JsonIgnore]
    public int SessionCount => Pairs.Sum(p => p.Sessions.Count);

    [JsonIgnore]
    public int TakeawayCount => Pairs.Sum(p => p.Sessions.Count(s => s.YourTakeaway is not null));

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.PersonalExport);

    // Readable text in the file (accents, emoji as written): it is a download, not HTML.
    private static readonly PrivacyJsonContext Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <param name="Role"><c>invited</c> when the member sent the invitation that formed the pair, else <c>accepted</c>.</param>
public sealed record ExportPair(
    long Id,
    string Role,
    string YourName,
    string PartnerId,
    string PartnerName,
    string Status,
    int RoundNumber,
    DateTimeOffset FormedAt,
    DateTimeOffset? EndedAt,
    string? EndReason,
    ExportRitual? Ritual,
    IReadOnlyList<ExportSession> Sessions,
    IReadOnlyList<ExportRoundAnswer> RoundAnswers);

public sealed record ExportRitual(
    string Frequency,
    string Day,
    string LocalTime,
    string TimeZone,
    int DurationMinutes,
    int ReminderMinutes,
    bool Paused,
    string? PausedUntil,
    DateTimeOffset UpdatedAt,
    bool LastChangedByYou,
    string Place = "discord");

public sealed record ExportSession(
    long Id,
    int Number,
    string Kind,
    DateTimeOffset SlotAt,
    int DurationMinutes,
    string Status,
    string? Outcome,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<ExportStay> YourVoiceAttendance,
    ExportTakeaway? YourTakeaway);

public sealed record ExportStay(DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

public sealed record ExportTakeaway(string Text, string Visibility, DateTimeOffset WrittenAt, DateTimeOffset UpdatedAt, DateTimeOffset? RevealedAt);

public sealed record ExportRoundAnswer(int Round, string Answer, DateTimeOffset AnsweredAt);

/// <param name="Role"><c>sent</c> or <c>received</c>.</param>
public sealed record ExportInvitation(
    string Role,
    string OtherMemberId,
    string? OtherMemberName,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AnsweredAt);

[JsonSerializable(typeof(PersonalExport))]
internal sealed partial class PrivacyJsonContext : JsonSerializerContext;
