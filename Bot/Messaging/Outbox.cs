using CrossCoaching.Pairs;
using CrossCoaching.Storage;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Messaging;

/// <summary>
/// Where every message the bot owes outside an interaction answer is written: in the caller's transaction, beside the
/// state change that owes it. <see cref="OutboxWorker"/> sends it later, retrying across restarts.
/// </summary>
public sealed class Outbox(SqliteConnectionFactory connections, OutboxMetrics metrics, TimeProvider time, ILogger<Outbox> logger) : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0);

    public async Task EnqueueAsync(DbWork work, Letter letter)
    {
        var concerns = letter.Concerns().ToList();
        if (concerns.Any(FormerMember.Is))
        {
            // The placeholder of a forgotten member is no one: nothing is sent to it, and nothing names it.
            logger.LogInformation("Not sending the {Kind} message {Key}: it would reach a forgotten member", letter.Kind, letter.Key);
            return;
        }

        var now = time.GetUtcNow();
        var written = await work.ExecuteAsync(
            """
            INSERT INTO outbox (dedupe_key, kind, target, user_id, channel_id, message_id, payload, fallback_channel_id, fallback_payload,
                concerns, session_id, notice_user_id, expires_at, until_session_ends, nonce, next_attempt_at, created_at)
            VALUES (@Key, @Kind, @target, @User, @Channel, @Message, @payload, @FallbackChannel, @fallback,
                @concerns, @SessionId, @NoticeUser, @ExpiresAt, @UntilSessionEnds, @nonce, @now, @now)
            ON CONFLICT (dedupe_key) DO
            """ + (letter.Replaces ? Replace : " NOTHING"),
            new
            {
                letter.Key, letter.Kind, target = letter.Target.ToString().ToLowerInvariant(), letter.User, letter.Channel, letter.Message,
                payload = LetterJson.Write(letter.Spec), letter.FallbackChannel,
                fallback = letter.FallbackSpec is { } f ? LetterJson.Write(f) : null,
                concerns = ConcernsColumn(concerns), letter.SessionId, letter.NoticeUser, letter.ExpiresAt, letter.UntilSessionEnds,
                nonce = NewNonce(), now,
            });
        work.AfterCommit(Wake);
        if (written > 0)
            work.AfterCommit(() => metrics.Owed(letter.Kind));
    }

    public async Task EnqueueAsync(DbWork work, IEnumerable<Letter> letters)
    {
        foreach (var letter in letters)
            await EnqueueAsync(work, letter);
    }

    /// <summary>For a message owed by no state change of its own (a notice after an interaction already answered).</summary>
    public async Task EnqueueAsync(IEnumerable<Letter> letters, CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        await EnqueueAsync(work, letters);
        await work.CommitAsync(cancellationToken);
    }

    public Task EnqueueAsync(Letter letter, CancellationToken cancellationToken = default) => EnqueueAsync([letter], cancellationToken);

    /// <summary>Whether every one of these messages is owed already (pending, sent or given up): nothing left to write.</summary>
    public async Task<bool> HoldsAllAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
            return true; // (an empty IN list is not the same SQL on both providers: see SqlLists)
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT COUNT(*) FROM outbox WHERE dedupe_key IN @keys", new { keys }) == keys.Count;
    }

    /// <summary>
    /// Drops every pending message sent to or naming <paramref name="userId"/>, in the forget transaction: after
    /// <c>/me forget</c> nothing more reaches or mentions them. (<c>replace</c> finds the needle on both providers, where
    /// SQLite's <c>instr</c> is PostgreSQL's <c>strpos</c>.)
    /// </summary>
    public static Task<int> DropConcerningAsync(System.Data.IDbConnection connection, System.Data.IDbTransaction transaction, Discord.Snowflake userId,
        DateTimeOffset now) =>
        Dapper.SqlMapper.ExecuteAsync(connection,
            "UPDATE outbox SET state = 'dropped', done_at = @now, failure = 'forgotten' WHERE state = 'pending' AND replace(concerns, @needle, '') <> concerns",
            new { now, needle = $" {userId} " }, transaction);

    /// <summary>The newest edit wins; one already sent with the same content is not sent again.</summary>
    private const string Replace =
        """
         UPDATE SET payload = excluded.payload, channel_id = excluded.channel_id, message_id = excluded.message_id, state = 'pending',
            attempts = 0, next_attempt_at = excluded.next_attempt_at, done_at = NULL, failure = NULL
        WHERE outbox.payload <> excluded.payload OR outbox.state = 'pending'
        """;

    internal void Wake()
    {
        if (_wake.CurrentCount == 0)
            _wake.Release();
    }

    internal Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();

    private static string ConcernsColumn(IEnumerable<Discord.Snowflake> users) => " " + string.Join(" ", users) + " ";

    /// <summary>Discord takes up to 25 characters; 20 random hex digits never repeat in practice.</summary>
    private static string NewNonce() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
}
