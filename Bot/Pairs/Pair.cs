using CrossCoaching.Discord;

namespace CrossCoaching.Pairs;

public enum PairStatus
{
    Active,
    Suspended,
    Ended,
}

/// <summary>Two partners in one guild. <see cref="MemberA"/> invited, <see cref="MemberB"/> accepted.</summary>
public sealed record Pair(
    long Id,
    Snowflake GuildId,
    Snowflake MemberA,
    Snowflake MemberB,
    string NameA,
    string NameB,
    PairStatus Status,
    int RoundNumber,
    DateTimeOffset RoundStartedAt,
    DateTimeOffset CreatedAt,
    Snowflake? HomeChannelId)
{
    public IReadOnlyList<Snowflake> Members => [MemberA, MemberB];

    public bool Has(Snowflake user) => user == MemberA || user == MemberB;

    public Snowflake PartnerOf(Snowflake user) => user == MemberA ? MemberB : MemberA;

    public string NameOf(Snowflake user) => user == MemberA ? NameA : NameB;
}

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Cancelled,
}

/// <summary>A <c>/pair</c> invitation, answered with its buttons before it expires.</summary>
public sealed record Invitation(
    long Id,
    Snowflake GuildId,
    Snowflake ChannelId,
    Snowflake? MessageId,
    Snowflake InviterId,
    string InviterName,
    Snowflake InviteeId,
    InvitationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public bool IsOpenAt(DateTimeOffset now) => Status == InvitationStatus.Pending && now < ExpiresAt;
}
