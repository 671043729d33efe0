using CrossCoaching.Discord;

namespace CrossCoaching.Pool;

public enum PoolProposalStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
}

/// <summary>A match the pool proposed to two members; each answer is null until given.</summary>
/// <param name="TimeZone">The zone the pair's ritual will be set in (member A's), with the slot's wall time there.</param>
public sealed record PoolProposal(
    long Id,
    Snowflake GuildId,
    Snowflake MemberA,
    Snowflake MemberB,
    DateTimeOffset Slot,
    string TimeZone,
    PoolProposalStatus Status,
    bool? AnswerA,
    bool? AnswerB,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public bool Involves(Snowflake userId) => userId == MemberA || userId == MemberB;

    public Snowflake OtherThan(Snowflake userId) => userId == MemberA ? MemberB : MemberA;
}

/// <summary>What an answer did to a proposal.</summary>
public enum PoolAnswerOutcome
{
    /// <summary>The proposal was no longer pending, or the member is not part of it.</summary>
    NotPending,

    /// <summary>Accepted; the other has not answered yet.</summary>
    WaitingForOther,

    /// <summary>Both accepted: the caller forms the pair.</summary>
    BothAccepted,

    /// <summary>Declined: the other is back in the pool, first in line.</summary>
    Declined,
}

/// <summary>The pool of one guild as managers see it in /stats.</summary>
public sealed record PoolStats(int Waiting, int Proposed, int Accepted, int Declined, int Expired);
