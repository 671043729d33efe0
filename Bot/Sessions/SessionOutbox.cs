using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Sends the sessions' messages to partners in the background. Direct messages are slow to open at scale (Discord
/// rate-limits them), and a step that waited for them would hold a scheduler thread that another pair's room needs
/// on time; so steps post here and move on. Each message is still claimed once in the database when it is sent.
/// </summary>
public sealed class SessionOutbox(SessionNotifier notifier, ILogger<SessionOutbox> logger) : BackgroundService
{
    private const int Senders = 4;
    private readonly System.Threading.Channels.Channel<Letter> _letters = System.Threading.Channels.Channel.CreateUnbounded<Letter>();
    private int _pending;

    private sealed record Letter(Session Session, Pair Pair, Snowflake To, string Kind, MessageSpec Message, Lang Lang);

    public void Post(Session session, Pair pair, Snowflake to, string kind, MessageSpec message, Lang lang)
    {
        Interlocked.Increment(ref _pending);
        _letters.Writer.TryWrite(new Letter(session, pair, to, kind, message, lang));
    }

    public void PostToBoth(Session session, Pair pair, string kind, Func<Snowflake, MessageSpec> message, Lang lang)
    {
        foreach (var member in pair.Members)
            Post(session, pair, member, kind, message(member), lang);
    }

    /// <summary>Completes once every letter posted so far was sent or given up (tests wait on it).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (Volatile.Read(ref _pending) > 0)
            await Task.Delay(10, cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => SendAsync(stoppingToken)));

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var letter in _letters.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await notifier.ToPartnerOnceAsync(letter.Session, letter.Pair, letter.To, letter.Kind, letter.Message, letter.Lang, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Could not send the {Kind} message of session {Session} to {User}: {Reason}", letter.Kind, letter.Session.Id, letter.To, e.Message);
                }
                finally
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
