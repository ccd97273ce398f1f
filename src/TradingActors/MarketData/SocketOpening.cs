using Akka.Actor;

namespace TradingActors.MarketData;

/// <summary>
/// The socket a stream actor is opening, if any: its number (so an answer about an older attempt is known as
/// stale), the source that cancels it, and the one timer that bounds it. The feeds and the user data streams
/// open their sockets this way.
/// </summary>
internal sealed class SocketOpening
{
    private const string Timer = "connect";

    /// <summary>The connect timeout of socket <paramref name="Socket"/> passed.</summary>
    public sealed record TimedOut(long Socket);

    private CancellationTokenSource? _cancel;
    private long _last;
    private long _current;

    /// <summary>Whether <paramref name="socket"/> is the one being opened now.</summary>
    public bool Is(long socket) => socket == _current && _current != 0;

    public void Begin(IMarketStreamClient client, Uri endpoint, TimeSpan timeout, IActorRef self, ITimerScheduler timers)
    {
        _current = ++_last;
        _cancel = new CancellationTokenSource();
        FeedSocket.Open(client, endpoint, _current, _cancel.Token, self);
        timers.StartSingleTimer(Timer, new TimedOut(_current), timeout);
    }

    /// <summary>Gives up the attempt under way, if there is one (it opened, failed, or is no longer wanted).</summary>
    public void End(ITimerScheduler timers)
    {
        _cancel?.Cancel();
        _cancel?.Dispose();
        _cancel = null;
        _current = 0;
        timers.Cancel(Timer);
    }
}
