using System.Text;
using Akka.Actor;
using Akka.Event;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.MarketData;

namespace TradingActors.Orders.UserData;

internal sealed class UserDataStreamActor : UntypedActor, IWithTimers
{
    private const string ReconnectTimer = "reconnect";
    private const string PingTimer = "ping";
    private const string AnswerTimer = "answer";

    // A user data stream carries a few frames per order; its window only keeps a runaway socket from filling the mailbox.
    // Its frames come one per message: the answer to the subscription moves the stream to the state that reads the
    // execution reports after it, so the frames behind it must reach that state, not the one that received the answer.
    private const int ReadAhead = 256;
    private const int ReadBatch = 1;

    // Timer messages name the socket (and the request) they concern, so one of a socket already dropped moves nothing.
    private sealed record ReconnectDue
    {
        public static readonly ReconnectDue Instance = new();
    }
    private sealed record PingDue(long Socket);
    private sealed record AnswerTimedOut(long Socket, long Request);

    // The token asked for before an attempt's socket opens (Kraken's), named by the attempt it is for.
    private sealed record TokenFetched(long Attempt, string Token);
    private sealed record TokenFailed(long Attempt, string Reason);

    private readonly string _exchange;
    private readonly EndpointSettings _endpoint;
    private readonly UserDataProtocol _protocol;
    private readonly UserDataSettings _settings;
    private readonly IMarketStreamClient _client;
    private readonly IActorRef _ledger;
    private readonly IScheduler _scheduler;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly ReconnectBackoff _backoff;

    private UserDataState _state = UserDataState.Connecting;

    // The one socket being opened; 0 when none.
    private readonly SocketOpening _opening = new();

    // The socket open, subscribing or subscribed: the only one whose frames count.
    private IMarketStream? _stream;
    private FrameWindow? _window;
    private long _streamId;
    private long _lastRequest;
    private long _awaiting;      // the request whose answer is due on it (a step of the subscription, or a ping); 0 when none
    private int _step;           // the step of the subscription awaiting its answer
    private int? _subscriptionId;

    // The attempt whose token is being fetched, and the token it got; 0 and null when none.
    private long _attempt;
    private long _fetching;
    private string? _token;

    public ITimerScheduler Timers { get; set; } = null!;

    public UserDataStreamActor(string exchange, EndpointSettings endpoint, UserDataSettings settings, IMarketStreamClient client, IActorRef ledger)
    {
        _exchange = exchange;
        _endpoint = endpoint;
        _protocol = UserDataProtocol.For(exchange, endpoint);
        _settings = settings;
        _client = client;
        _ledger = ledger;
        _scheduler = Context.System.Scheduler;
        _backoff = new ReconnectBackoff(settings.MinBackoff, settings.MaxBackoff, settings.BackoffJitter, new Random());
    }

    protected override void PreStart() => Open();

    protected override void OnReceive(object message) => Unsubscribed(message);

    // ---- The states -----------------------------------------------------------------------------

    /// <summary>
    /// Connecting and Reconnecting: wait out the backoff, open a socket, subscribe on it. Only an accepted
    /// subscription makes the stream Subscribed; anything else is a failed attempt, and the wait grows.
    /// </summary>
    private void Unsubscribed(object message)
    {
        switch (message)
        {
            case ReconnectDue:
                Open();
                break;
            case TokenFetched fetched when fetched.Attempt == _fetching:
                _fetching = 0;
                _token = fetched.Token;
                OpenSocket();
                break;
            case TokenFailed failed when failed.Attempt == _fetching:
                _fetching = 0;
                AttemptFailed($"no token for the private stream: {failed.Reason}");
                break;
            case FeedSocket.Opened opened when _opening.Is(opened.Id):
                EndOpening();
                SubscribeOn(opened);
                break;
            case FeedSocket.OpenFailed failed when _opening.Is(failed.Id):
                AttemptFailed(failed.Reason);
                break;
            case SocketOpening.TimedOut timedOut when _opening.Is(timedOut.Socket):
                AttemptFailed($"no connection within {Durations.Text(_endpoint.ConnectTimeout)}");
                break;
            case FeedSocket.FramesReceived frames when frames.Id == _streamId:
                if (Take(frames) is UserDataProtocol.Answer answer && answer.Id == _awaiting)
                    StepAnswered(answer);
                break;
            case FeedSocket.Lost lost when lost.Id == _streamId:
                AttemptFailed($"connection lost: {lost.Reason}");
                break;
            case AnswerTimedOut timedOut when timedOut.Socket == _streamId && timedOut.Request == _awaiting:
                AttemptFailed($"no answer to the subscription within {Durations.Text(_settings.AnswerTimeout)}");
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    /// <summary>Executions go to the ledger; a ping every interval shows that the quiet connection still lives.</summary>
    private void Subscribed(object message)
    {
        switch (message)
        {
            case FeedSocket.FramesReceived frames when frames.Id == _streamId:
                ReadFrame(Take(frames));
                break;
            case FeedSocket.Lost lost when lost.Id == _streamId:
                Lose($"connection lost: {lost.Reason}");
                break;
            case PingDue due when due.Socket == _streamId:
                _awaiting = ++_lastRequest;
                FeedSocket.Send(_stream!, _streamId, Self, _protocol.Ping(_awaiting));
                Timers.StartSingleTimer(AnswerTimer, new AnswerTimedOut(_streamId, _awaiting), _settings.AnswerTimeout);
                break;
            case AnswerTimedOut timedOut when timedOut.Socket == _streamId && timedOut.Request == _awaiting:
                Lose($"no answer to a ping within {Durations.Text(_settings.AnswerTimeout)}");
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    private void InAnyState(object message)
    {
        switch (message)
        {
            case FeedSocket.Opened abandoned:
                abandoned.Stream.Dispose(); // it opened after the stream had given up on it
                break;
            case FeedSocket.OpenFailed or FeedSocket.FramesReceived or FeedSocket.Lost
                or SocketOpening.TimedOut or ReconnectDue or PingDue or AnswerTimedOut or TokenFetched or TokenFailed:
                break; // from a socket the stream has dropped, or a timer of a state it has left
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        EndOpening();
        DropStream();
        _protocol.Dispose();
    }

    // ---- Subscribing ----------------------------------------------------------------------------

    private void SubscribeOn(FeedSocket.Opened opened)
    {
        _stream = opened.Stream;
        _streamId = opened.Id;
        _window = new FrameWindow(ReadAhead);
        FeedSocket.Read(_stream, _streamId, _window, ReadBatch, Self);
        SendStep(0);
    }

    /// <summary>Sends the subscription's <paramref name="step"/>th request, and bounds the wait for its answer.</summary>
    private void SendStep(int step)
    {
        _step = step;
        _awaiting = ++_lastRequest;
        FeedSocket.Send(_stream!, _streamId, Self, _protocol.Subscribe(step, _awaiting, _scheduler.Now, _token));
        Timers.StartSingleTimer(AnswerTimer, new AnswerTimedOut(_streamId, _awaiting), _settings.AnswerTimeout);
    }

    /// <summary>A step of the subscription is answered: the next is sent, or, after the last, the stream is subscribed.</summary>
    private void StepAnswered(UserDataProtocol.Answer answer)
    {
        Timers.Cancel(AnswerTimer);
        _awaiting = 0;
        var problem = answer.Problem
                      ?? (_protocol.NumbersSubscriptions && answer.SubscriptionId is null && _step == _protocol.SubscribeSteps - 1
                          ? "the answer names no subscription"
                          : null);
        if (problem is not null)
        {
            _log.Error("User data {Exchange}: {Endpoint} refused the subscription of API key {ApiKey}: {Problem}",
                _exchange, _settings.Endpoint, _endpoint.ApiKey, problem);
            AttemptFailed($"subscription refused: {problem}", answer.RetryAfter);
            return;
        }
        if (_step < _protocol.SubscribeSteps - 1)
        {
            SendStep(_step + 1);
            return;
        }
        _subscriptionId = answer.SubscriptionId;
        _backoff.Reset();
        Transition(UserDataState.Subscribed, Subscribed, _state == UserDataState.Connecting ? "subscribed" : "subscribed again");
        // The first time and after every gap: the ledger asks about the orders whose news the gap may have held.
        _ledger.Tell(new OrderLedger.StreamResumed(_exchange));
        Timers.StartSingleTimer(PingTimer, new PingDue(_streamId), _settings.PingInterval);
    }

    /// <summary>Reads the one frame that comes at a time (see <see cref="ReadAhead"/>), making room in the window for the next.</summary>
    private UserDataProtocol.Frame Take(FeedSocket.FramesReceived frames)
    {
        _window!.Acknowledge();
        return _protocol.Read(Encoding.UTF8.GetString(frames.Frames.Single().Span));
    }

    private void ReadFrame(UserDataProtocol.Frame frame)
    {
        switch (frame)
        {
            case UserDataProtocol.Execution execution when execution.SubscriptionId == _subscriptionId:
                foreach (var reported in execution.Reported)
                    _ledger.Tell(reported);
                break;
            case UserDataProtocol.Terminated terminated when terminated.SubscriptionId == _subscriptionId:
                Lose("the exchange ended the subscription");
                break;
            case UserDataProtocol.Answer answer when answer.Id == _awaiting:
                // Any answer to the ping, even a refusal, shows the connection lives.
                Timers.Cancel(AnswerTimer);
                _awaiting = 0;
                Timers.StartSingleTimer(PingTimer, new PingDue(_streamId), _settings.PingInterval);
                break;
            case UserDataProtocol.Unreadable unreadable:
                _log.Warning("User data {Exchange}: unreadable frame from {Endpoint}: {Problem}", _exchange, _settings.Endpoint, unreadable.Problem);
                break;
        }
    }

    // ---- Sockets --------------------------------------------------------------------------------

    /// <summary>Begins an attempt: with a token asked for first where the exchange wants one, then a socket.</summary>
    private void Open()
    {
        _token = null;
        if (!_protocol.NeedsToken)
        {
            OpenSocket();
            return;
        }
        var attempt = _fetching = ++_attempt;
        _protocol.FetchTokenAsync(CancellationToken.None).PipeTo(Self,
            success: token => new TokenFetched(attempt, token),
            failure: error => new TokenFailed(attempt, error.GetBaseException().Message));
    }

    private void OpenSocket()
    {
        _opening.Begin(_client, _settings.Endpoint, _endpoint.ConnectTimeout, Self, Timers);
    }

    /// <summary>Forgets the socket being opened, and the token being fetched: a client still trying stops, and a socket it opens all the same is closed.</summary>
    private void EndOpening()
    {
        _fetching = 0;
        _opening.End(Timers);
    }

    private void DropStream()
    {
        _stream?.Dispose();
        _window?.Dispose();
        _stream = null;
        _window = null;
        _streamId = 0;
        _awaiting = 0;
        Timers.Cancel(AnswerTimer);
        Timers.Cancel(PingTimer);
    }

    /// <summary>The subscription is gone: the stream connects again after the shortest wait.</summary>
    private void Lose(string reason)
    {
        DropStream();
        Transition(UserDataState.Reconnecting, Unsubscribed, reason);
        ReconnectLater(reason);
    }

    /// <summary>An attempt failed before its subscription was accepted: the next waits longer.</summary>
    private void AttemptFailed(string reason, TimeSpan? atLeast = null)
    {
        EndOpening();
        DropStream();
        if (_state == UserDataState.Connecting)
            Transition(UserDataState.Reconnecting, Unsubscribed, $"could not subscribe at {_settings.Endpoint}: {reason}");
        ReconnectLater(reason, atLeast);
    }

    private void ReconnectLater(string reason, TimeSpan? atLeast = null)
    {
        var wait = _backoff.Next();
        if (atLeast > wait)
            wait = atLeast.Value;
        _log.Info("User data {Exchange}: connecting to {Endpoint} again in {Wait} ({Reason})", _exchange, _settings.Endpoint, Durations.Wait(wait), reason);
        Timers.StartSingleTimer(ReconnectTimer, ReconnectDue.Instance, wait);
    }

    private void Transition(UserDataState to, UntypedReceive behaviour, string reason)
    {
        var from = _state;
        _state = to;
        Become(behaviour);
        if (to == UserDataState.Subscribed)
            _log.Info("User data {Exchange}: {From} -> {To} at {Endpoint} ({Reason})", _exchange, from, to, _settings.Endpoint, reason);
        else
            _log.Warning("User data {Exchange}: {From} -> {To} at {Endpoint} ({Reason})", _exchange, from, to, _settings.Endpoint, reason);
        Context.System.EventStream.Publish(new UserDataStreamTransitioned(_exchange, from, to, reason, _scheduler.Now, _settings.Endpoint));
    }
}
