using Akka.Actor;
using Akka.Event;
using TradingActors.Configuration;
using TradingActors.Metrics;

namespace TradingActors.MarketData;

internal sealed class MarketFeedActor : UntypedActor, IWithTimers
{
    private const string SilenceTimer = "silence";
    private const string ReconnectTimer = "reconnect";
    private const string FailoverTimer = "failover";
    private const string ProbeTimer = "probe";
    private const string GapReportTimer = "gap-report";
    private const string KeepAliveTimer = "keep-alive";

    // Frames per message from the socket's reader at most: enough that a flood costs one message per batch, not per trade.
    private const int ReadBatch = 64;

    // Timer messages carry the generation that armed them, so a stale one never moves the feed;
    // a connect timeout carries the socket it bounds.
    private sealed record SilenceCheck(long Generation);
    private sealed record ReconnectDue(long Generation);
    private sealed record FailoverDue(long Generation);
    private sealed record ProbeDue(long Generation);
    private sealed record KeepAliveDue(long Socket);

    // Not tied to a state: the gaps met in one interval are summarised whatever the feed went through meanwhile.
    private sealed record GapReportDue;

    private readonly string _exchange;
    private readonly FeedSettings _settings;
    private readonly IMarketStreamClient _client;
    private readonly IScheduler _scheduler;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly FeedTape _tape = new();
    private readonly GapReport _gaps = new();
    private readonly FeedMetrics _metrics;
    private readonly ReconnectBackoff _backoff;
    private readonly HashSet<IActorRef> _subscribers = [];
    private readonly TradeStreamProtocol _protocol;
    private readonly List<TradeStreamProtocol.Trade> _trades = [];

    private FeedState _state = FeedState.Connecting;
    private string _reason = "starting";
    private DateTimeOffset _since;
    private long _generation;
    private Uri _endpoint;

    // The one socket being opened (on the endpoint in use, or on the primary as a probe); 0 when none.
    private readonly SocketOpening _opening = new();

    // The socket streaming (or going stale): the only one whose frames count.
    private IMarketStream? _stream;
    private FrameWindow? _window;
    private long _streamId;
    private bool _streamDelivered;
    private DateTimeOffset _lastFrameAt;

    // How the endpoint in use has fared since the connection was lost: for the backoff and the failover rule.
    private int _failedAttempts;
    private DateTimeOffset _failingSince;
    private string? _failedOverBecause;

    public ITimerScheduler Timers { get; set; } = null!;

    public MarketFeedActor(string exchange, FeedSettings settings, IMarketStreamClient client)
    {
        _exchange = exchange;
        _settings = settings;
        _client = client;
        _scheduler = Context.System.Scheduler;
        _metrics = new FeedMetrics(exchange, EngineMeter.For(Context.System));
        _backoff = new ReconnectBackoff(settings.MinBackoff, settings.MaxBackoff, settings.BackoffJitter, new Random());
        _endpoint = settings.Primary;
        _protocol = TradeStreamProtocol.For(settings.Protocol, settings.Symbols);
    }

    protected override void PreStart()
    {
        _since = _failingSince = _scheduler.Now;
        ArmFailover();
        Open(_endpoint);
    }

    protected override void OnReceive(object message) => Reconnecting(message);

    // ---- The states -----------------------------------------------------------------------------

    /// <summary>
    /// No socket streams: wait out the backoff, open one on the endpoint in use, and switch endpoints when the
    /// failover rule says so. Connecting, at start, behaves the same; its first failure makes it Reconnecting.
    /// </summary>
    private void Reconnecting(object message)
    {
        switch (message)
        {
            case FeedSocket.Opened opened when _opening.Is(opened.Id):
                EndOpening();
                Reconnected(opened);
                break;
            case FeedSocket.OpenFailed failed when _opening.Is(failed.Id):
                AttemptFailed(failed.Reason);
                break;
            case SocketOpening.TimedOut timedOut when _opening.Is(timedOut.Socket):
                AttemptFailed($"no connection within {Durations.Text(_settings.ConnectTimeout)}");
                break;
            case ReconnectDue due when due.Generation == _generation:
                Open(_endpoint);
                break;
            case FailoverDue due when due.Generation == _generation:
                FailOver($"no connection for {Durations.Text(_settings.FailoverAfter)}");
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    /// <summary>Streaming from the primary.</summary>
    private void Connected(object message)
    {
        switch (message)
        {
            case FeedSocket.FramesReceived frames when frames.Id == _streamId:
                ReadFrames(frames.Frames);
                break;
            case FeedSocket.Lost lost when lost.Id == _streamId:
                Lose($"connection lost: {lost.Reason}");
                break;
            case SilenceCheck check when check.Generation == _generation:
                CheckSilence();
                break;
            case KeepAliveDue due when due.Socket == _streamId:
                FeedSocket.Send(_stream!, _streamId, Self, _protocol.KeepAlives!.Text);
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    /// <summary>Streaming from the backup as Connected does from the primary, and probing the primary meanwhile.</summary>
    private void OnBackup(object message)
    {
        switch (message)
        {
            case ProbeDue due when due.Generation == _generation:
                Open(_settings.Primary);
                break;
            case FeedSocket.Opened probe when _opening.Is(probe.Id):
                EndOpening();
                ReturnToPrimary(probe);
                break;
            case FeedSocket.OpenFailed failed when _opening.Is(failed.Id):
                ProbeFailed(failed.Reason);
                break;
            case SocketOpening.TimedOut timedOut when _opening.Is(timedOut.Socket):
                ProbeFailed($"no connection within {Durations.Text(_settings.ConnectTimeout)}");
                break;
            default:
                Connected(message);
                break;
        }
    }

    /// <summary>
    /// The socket went silent and is being aborted. A new one is opened only once it is gone, so that a feed
    /// never streams from two sockets at once; whatever it still delivers meanwhile is taken.
    /// </summary>
    private void Stale(object message)
    {
        switch (message)
        {
            case FeedSocket.FramesReceived frames when frames.Id == _streamId:
                ReadFrames(frames.Frames);
                break;
            case FeedSocket.Lost lost when lost.Id == _streamId:
                Lose("the silent socket is closed");
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    // ---- What every state does the same way -----------------------------------------------------

    private void InAnyState(object message)
    {
        switch (message)
        {
            case MarketFeed.Subscribe subscribe:
                if (_subscribers.Add(subscribe.Subscriber))
                    Context.Watch(subscribe.Subscriber);
                break;
            case MarketFeed.Unsubscribe unsubscribe:
                if (_subscribers.Remove(unsubscribe.Subscriber))
                    Context.Unwatch(unsubscribe.Subscriber);
                break;
            case Terminated terminated:
                _subscribers.Remove(terminated.ActorRef);
                break;
            case MarketFeed.GetLastPrice query:
                Sender.Tell(LastPrice(query.Symbol));
                break;
            case MarketFeed.GetStatus:
                Sender.Tell(Status());
                break;
            case GapReportDue:
                ReportGaps();
                break;
            case FeedSocket.Opened abandoned:
                abandoned.Stream.Dispose(); // it opened after the feed had given up on it
                break;
            case FeedSocket.OpenFailed or FeedSocket.FramesReceived or FeedSocket.Lost
                or SocketOpening.TimedOut or SilenceCheck or ReconnectDue or FailoverDue or ProbeDue or KeepAliveDue:
                break; // from a socket the feed has dropped, or a timer of a state it has left
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PreRestart(Exception reason, object message)
    {
        // Subscribers outlive a crash: the next incarnation finds their subscriptions waiting in its mailbox.
        foreach (var subscriber in _subscribers)
            Self.Tell(new MarketFeed.Subscribe(_exchange, subscriber));
        base.PreRestart(reason, message);
    }

    protected override void PostStop()
    {
        EndOpening();
        DropStream();
        ReportGaps();
        _metrics.Forget();
    }

    // ---- Frames and ticks -----------------------------------------------------------------------

    // Reading a frame never changes the feed's state, so a batch is read whole by the behaviour that received it.
    private void ReadFrames(ReadOnlyMemory<byte>[] frames)
    {
        foreach (var frame in frames)
            ReadFrame(frame.Span);
    }

    private void ReadFrame(ReadOnlySpan<byte> utf8)
    {
        _window!.Acknowledge();
        var now = _scheduler.Now;
        _lastFrameAt = now;
        if (!_streamDelivered)
        {
            // Only an endpoint that delivers has stopped failing: one that accepts sockets and drops them does not.
            _streamDelivered = true;
            _failedAttempts = 0;
            _backoff.Reset();
        }
        _trades.Clear();
        switch (_protocol.Read(utf8, _trades))
        {
            case null: // trades, read into values: no object per trade but the tick
                foreach (var trade in _trades)
                    Deliver(trade, now);
                break;
            case TradeStreamProtocol.Answer { Problem: { } problem }:
                _log.Error("Feed {Exchange}: {Endpoint} refused the subscription to {Symbols}: {Problem}",
                    _exchange, _endpoint, string.Join(", ", _settings.Symbols), problem);
                break;
            case TradeStreamProtocol.Unreadable unreadable:
                _metrics.RecordMalformed();
                _log.Debug("Feed {Exchange}: unreadable frame from {Endpoint}: {Problem}", _exchange, _endpoint, unreadable.Problem);
                break;
        }
    }

    private void Deliver(in TradeStreamProtocol.Trade trade, DateTimeOffset now)
    {
        if (_tape.Admit(_endpoint, trade.Symbol, trade.Id, trade.Price, now) is not { } expected)
        {
            _metrics.RecordDuplicate();
            return;
        }
        if (expected < trade.Id && _protocol.NumbersTradesBySymbol)
        {
            var gap = new FeedGap(_exchange, trade.Symbol, expected, trade.Id, _endpoint, now);
            _metrics.RecordGap(trade.Symbol, gap.Missed);
            if (_gaps.Record(trade.Symbol, gap.Missed))
                Timers.StartSingleTimer(GapReportTimer, new GapReportDue(), _settings.GapReportInterval);
            Context.System.EventStream.Publish(gap);
        }
        _metrics.RecordTick();
        var tick = new FeedTick(_exchange, trade.Symbol, trade.Id, trade.Price, trade.Quantity, trade.Time, now, _endpoint);
        foreach (var subscriber in _subscribers)
            subscriber.Tell(tick);
    }

    private void ReportGaps()
    {
        if (_gaps.Take() is { } summary)
            _log.Warning("Feed {Exchange}: {Missed} trades lost in {Gaps} gaps on {Endpoint} within {Interval} (per symbol, lost in gaps: {Symbols})",
                _exchange, summary.Missed, summary.Gaps, _endpoint, Durations.Text(_settings.GapReportInterval), summary.Symbols);
    }

    private void CheckSilence()
    {
        var silent = _scheduler.Now - _lastFrameAt;
        if (silent < _settings.StaleAfter)
        {
            // Frames came since the check was armed: one timer per stale-after, not one per frame.
            Timers.StartSingleTimer(SilenceTimer, new SilenceCheck(_generation), _settings.StaleAfter - silent);
            return;
        }
        EndOpening();
        _stream!.Dispose();
        Transition(FeedState.Stale, Stale, $"no data frame for {Durations.Text(silent)}");
    }

    // ---- Sockets --------------------------------------------------------------------------------

    private void Open(Uri endpoint)
    {
        _opening.Begin(_client, endpoint, _settings.ConnectTimeout, Self, Timers);
    }

    /// <summary>Forgets the socket being opened: a client still trying stops, and a socket it opens all the same is closed.</summary>
    private void EndOpening() => _opening.End(Timers);

    /// <summary>Makes <paramref name="opened"/> the feed's socket: reads it, subscribes on it, and streams from it.</summary>
    private void StreamFrom(FeedSocket.Opened opened, string reason)
    {
        _stream = opened.Stream;
        _streamId = opened.Id;
        _streamDelivered = false;
        _lastFrameAt = _scheduler.Now;
        _window = new FrameWindow(_settings.ReadAhead);
        FeedSocket.Read(_stream, _streamId, _window, ReadBatch, Self);
        FeedSocket.Send(_stream, _streamId, Self, _protocol.Subscription);
        if (_protocol.KeepAlives is { } keepAlive)
            Timers.StartPeriodicTimer(KeepAliveTimer, new KeepAliveDue(_streamId), keepAlive.Every);
        var onPrimary = _endpoint == _settings.Primary;
        Transition(onPrimary ? FeedState.Connected : FeedState.OnBackup, onPrimary ? Connected : OnBackup, reason);
    }

    private void DropStream()
    {
        Timers.Cancel(KeepAliveTimer);
        _stream?.Dispose();
        _window?.Dispose();
        _stream = null;
        _window = null;
        _streamId = 0;
    }

    private void Reconnected(FeedSocket.Opened opened)
    {
        var reason = _failedOverBecause
                     ?? (_state == FeedState.Connecting ? $"subscribing to {string.Join(", ", _settings.Symbols)}" : "reconnected");
        if (_state != FeedState.Connecting)
            _metrics.RecordReconnect();
        _failedOverBecause = null;
        StreamFrom(opened, reason);
    }

    /// <summary>The socket is gone. One that never delivered a frame counts as a failed attempt; after one that did, the endpoint starts afresh.</summary>
    private void Lose(string reason)
    {
        DropStream();
        EndOpening();
        if (_streamDelivered)
            _failingSince = _scheduler.Now;
        Transition(FeedState.Reconnecting, Reconnecting, reason);
        if (_streamDelivered)
            ScheduleReconnect(reason);
        else
            AttemptFailed(reason);
    }

    private void AttemptFailed(string reason)
    {
        EndOpening();
        _failedAttempts++;
        _metrics.RecordFailedAttempt();
        if (_state == FeedState.Connecting)
            Transition(FeedState.Reconnecting, Reconnecting, $"could not connect to {_endpoint}: {reason}");
        if (_settings.Backup is not null && _failedAttempts >= _settings.FailoverAfterAttempts)
            FailOver($"attempt {_failedAttempts} failed: {reason}");
        else
            ScheduleReconnect(reason);
    }

    private void ScheduleReconnect(string reason)
    {
        var wait = _backoff.Next();
        _log.Info("Feed {Exchange}: attempt {Attempt} on {Endpoint} in {Wait} ({Reason})", _exchange, _failedAttempts + 1, _endpoint, Durations.Wait(wait), reason);
        Timers.StartSingleTimer(ReconnectTimer, new ReconnectDue(_generation), wait);
    }

    /// <summary>Switches to the other endpoint and tries it at once; its failures are counted afresh.</summary>
    private void FailOver(string reason)
    {
        var from = _endpoint;
        EndOpening();
        Timers.Cancel(ReconnectTimer);
        _endpoint = from == _settings.Primary ? _settings.Backup! : _settings.Primary;
        _failedAttempts = 0;
        _backoff.Reset();
        _failingSince = _scheduler.Now;
        _failedOverBecause = $"failed over from {from} after {reason}";
        _metrics.RecordFailover();
        _log.Warning("Feed {Exchange}: failing over from {From} to {To} after {Reason}", _exchange, from, _endpoint, reason);
        ArmFailover();
        Open(_endpoint);
    }

    // Counted from when the endpoint in use began failing, through however many states the feed has passed since.
    private void ArmFailover()
    {
        if (_settings.Backup is null)
            return;
        var left = _failingSince + _settings.FailoverAfter - _scheduler.Now;
        Timers.StartSingleTimer(FailoverTimer, new FailoverDue(_generation), left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    private void ReturnToPrimary(FeedSocket.Opened probe)
    {
        DropStream();
        _endpoint = _settings.Primary;
        _metrics.RecordPrimaryReturn();
        StreamFrom(probe, "the primary answered a probe");
    }

    private void ProbeFailed(string reason)
    {
        EndOpening();
        _metrics.RecordFailedAttempt();
        _log.Info("Feed {Exchange}: the primary {Endpoint} did not answer a probe ({Reason})", _exchange, _settings.Primary, reason);
        Timers.StartSingleTimer(ProbeTimer, new ProbeDue(_generation), _settings.PrimaryProbeInterval);
    }

    // ---- Transitions and answers ----------------------------------------------------------------

    private void Transition(FeedState to, UntypedReceive behaviour, string reason)
    {
        var from = _state;
        var now = _scheduler.Now;
        _generation++;
        _state = to;
        _reason = reason;
        _since = now;
        Become(behaviour);
        Timers.Cancel(SilenceTimer);
        Timers.Cancel(ReconnectTimer);
        Timers.Cancel(FailoverTimer);
        Timers.Cancel(ProbeTimer);
        if (to is FeedState.Connected or FeedState.OnBackup)
            Timers.StartSingleTimer(SilenceTimer, new SilenceCheck(_generation), _settings.StaleAfter);
        if (to == FeedState.OnBackup)
            Timers.StartSingleTimer(ProbeTimer, new ProbeDue(_generation), _settings.PrimaryProbeInterval);
        if (to == FeedState.Reconnecting)
            ArmFailover();
        _metrics.RecordTransition(to);
        // Streaming from the primary is the normal case; anything else an operator should see.
        if (to == FeedState.Connected)
            _log.Info("Feed {Exchange}: {From} -> {To} on {Endpoint} ({Reason})", _exchange, from, to, _endpoint, reason);
        else
            _log.Warning("Feed {Exchange}: {From} -> {To} on {Endpoint} ({Reason})", _exchange, from, to, _endpoint, reason);
        Context.System.EventStream.Publish(new FeedTransitioned(_exchange, from, to, reason, now, _endpoint));
    }

    private MarketFeed.LastPriceReply LastPrice(string symbol) =>
        _tape.LastPrice(symbol.ToUpperInvariant()) is { } seen
            ? Price(seen)
            : new MarketFeed.NoFeedPrice(_exchange, symbol, $"no {symbol} trade has come on the {_exchange} feed yet");

    private MarketFeed.FeedPrice Price(FeedTape.Sighting seen) =>
        new(_exchange, seen.Symbol, seen.Price, _scheduler.Now - seen.At, seen.Endpoint);

    private MarketFeed.Status Status() => new(
        _exchange, _state, _reason, _since, _endpoint, _failedAttempts, _subscribers.Count,
        _metrics.Snapshot(), _tape.LastPrices.Select(Price).ToArray(), _settings);
}
