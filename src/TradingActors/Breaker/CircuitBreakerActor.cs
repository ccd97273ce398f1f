using Akka.Actor;
using Akka.Event;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Metrics;

namespace TradingActors.Breaker;

internal sealed class CircuitBreakerActor : UntypedActor, IWithTimers
{
    private const string HalfOpenTimer = "half-open";
    private const string HalfOpenBoundTimer = "half-open-bound";
    private const string CallTimeoutTimer = "call-timeout";

    // Timer messages carry the generation that armed them, so a stale one never moves the breaker.
    private sealed record HalfOpenDue(long Generation);
    private sealed record HalfOpenExpired(long Generation);
    private sealed record SweepOverdueCalls
    {
        public static readonly SweepOverdueCalls Instance = new();
    }

    // What a settled call of the current generation tells the state it was admitted in.
    private sealed record CallSucceeded
    {
        public static readonly CallSucceeded Instance = new();
    }
    private sealed record CallFailed(string Reason);

    private readonly string _exchange;
    private readonly BreakerSettings _settings;
    private readonly IActorRef _connector;
    private readonly IScheduler _scheduler;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly InFlightCalls _calls = new();
    private readonly BreakerMetrics _metrics;

    private UntypedReceive _behaviour;
    private BreakerState _state = BreakerState.Closed;
    private long _generation;
    private int _consecutiveFailures;
    private int _halfOpenSuccesses;
    private int _trialsInFlight;
    private DateTimeOffset? _openUntil;
    private bool _sweepArmed;

    public ITimerScheduler Timers { get; set; } = null!;

    public CircuitBreakerActor(string exchange, BreakerSettings settings, Props connector)
    {
        _exchange = exchange;
        _settings = settings;
        _scheduler = Context.System.Scheduler;
        _metrics = new BreakerMetrics(_scheduler.Now);
        _connector = Context.ActorOf(connector, "connector");
        _behaviour = Closed;
    }

    protected override void OnReceive(object message) => Closed(message);

    // ---- The three states ------------------------------------------------------------------------

    private void Closed(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (IsValid(request))
                    Send(request);
                break;
            case CallSucceeded:
                _consecutiveFailures = 0;
                break;
            case CallFailed failed:
                if (++_consecutiveFailures >= _settings.FailureThreshold)
                    Trip($"{_consecutiveFailures} consecutive failures, the last: {failed.Reason}");
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    private void Open(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (IsValid(request))
                    Reject(request, _openUntil - _scheduler.Now);
                break;
            case HalfOpenDue due when due.Generation == _generation:
                Transition(BreakerState.HalfOpen, HalfOpen, $"open for {_settings.OpenTimeout}");
                Timers.StartSingleTimer(HalfOpenBoundTimer, new HalfOpenExpired(_generation), _settings.HalfOpenMaxTime);
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    private void HalfOpen(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (!IsValid(request))
                    break;
                if (_trialsInFlight < _settings.HalfOpenMaxCalls)
                {
                    _trialsInFlight++;
                    Send(request);
                }
                else
                    Reject(request, TimeUntilATrialEnds());
                break;
            case CallSucceeded:
                _trialsInFlight--;
                if (++_halfOpenSuccesses >= _settings.SuccessThreshold)
                    Transition(BreakerState.Closed, Closed, $"{_halfOpenSuccesses} successful trial calls");
                break;
            case CallFailed failed:
                Trip($"a trial call failed: {failed.Reason}");
                break;
            case HalfOpenExpired expired when expired.Generation == _generation:
                Trip($"still half-open after {_settings.HalfOpenMaxTime}");
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    private void Isolated(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (IsValid(request))
                    Reject(request, retryAfter: null);
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
            case ExchangeReply reply:
                if (_calls.TryRemove(reply.Request, out var call))
                    Settle(reply.Request, call, reply);
                else
                    _metrics.RecordLateReply();
                break;
            case SweepOverdueCalls:
                _sweepArmed = false;
                var now = _scheduler.Now.UtcTicks;
                while (_calls.TryTakeOverdue(now, out var overdue, out var overdueCall))
                    Settle(overdue, overdueCall, new ExchangeFailed(overdue, FailureKind.Timeout, ExecutionOutcome.Unknown,
                        null, $"no answer from {_exchange} within {_settings.CallTimeout}"));
                ArmSweep();
                break;
            case ExchangeConnector.Crashed crashed:
                var reason = $"the exchange connector crashed: {crashed.Reason.Message}";
                if (crashed.Request is { } lost && _calls.TryRemove(lost, out var lostCall))
                    Settle(lost, lostCall, new ExchangeFailed(lost, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null, reason));
                else
                    _behaviour(new CallFailed(reason));
                break;
            case CircuitBreaker.GetStatus:
                Sender.Tell(Status());
                break;
            case CircuitBreaker.Isolate isolate:
                if (_state != BreakerState.Isolated)
                    Transition(BreakerState.Isolated, Isolated, $"isolated by hand: {isolate.Reason}");
                Sender.Tell(Status());
                break;
            case CircuitBreaker.Reset:
                if (_state == BreakerState.Closed)
                    _consecutiveFailures = 0;
                else
                    Transition(BreakerState.Closed, Closed, "reset by hand");
                Sender.Tell(Status());
                break;
            case HalfOpenDue or HalfOpenExpired:
                break; // armed by an earlier generation: the breaker has moved on since
            default:
                Unhandled(message);
                break;
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        // The crash itself is counted by the breaker (the connector tells it in PreRestart);
        // restarting gives the next request a fresh connector.
        new OneForOneStrategy(_ => Directive.Restart);

    protected override void PostStop()
    {
        foreach (var (request, call) in _calls.TakeAll())
            call.Caller.Tell(new ExchangeFailed(request, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null,
                $"the {_exchange} breaker stopped while the call was in flight"));
    }

    // ---- Calls ----------------------------------------------------------------------------------

    private bool IsValid(ExchangeRequest request)
    {
        if (RequestValidation.Problem(request) is not { } problem)
            return true;
        Sender.Tell(new InvalidRequest(request, problem));
        return false;
    }

    private void Send(ExchangeRequest request)
    {
        var sent = _calls.Add(request, Sender, _scheduler.Now.UtcTicks, _settings.CallTimeout.Ticks, _generation);
        _connector.Tell(sent);
        if (!_sweepArmed)
            ArmSweep();
    }

    private void Reject(ExchangeRequest request, TimeSpan? retryAfter)
    {
        _metrics.RecordRejection();
        Sender.Tell(new CircuitOpen(request, retryAfter));
    }

    /// <summary>Answers the caller, records the outcome, and lets the current state decide only on its own calls.</summary>
    private void Settle(ExchangeRequest request, InFlightCalls.Call call, ExchangeReply reply)
    {
        call.Caller.Tell(reply);
        var elapsed = _scheduler.Now.UtcTicks - call.StartedTicks;
        object verdict;
        if (reply is ExchangeFailed failed)
        {
            _metrics.RecordFailure(elapsed);
            verdict = new CallFailed($"{failed.Kind}: {failed.Detail}");
        }
        else
        {
            _metrics.RecordSuccess(elapsed);
            verdict = CallSucceeded.Instance;
        }
        if (call.Generation == _generation)
            _behaviour(verdict);
    }

    private void ArmSweep()
    {
        if (_calls.NextDeadline is not { } due)
            return;
        _sweepArmed = true;
        var delay = TimeSpan.FromTicks(Math.Max(0, due - _scheduler.Now.UtcTicks));
        Timers.StartSingleTimer(CallTimeoutTimer, SweepOverdueCalls.Instance, delay);
    }

    private TimeSpan? TimeUntilATrialEnds() =>
        _calls.NextDeadlineOf(_generation) is { } due
            ? TimeSpan.FromTicks(Math.Max(0, due - _scheduler.Now.UtcTicks))
            : null;

    // ---- Transitions ----------------------------------------------------------------------------

    private void Trip(string reason)
    {
        var openFor = _settings.OpenTimeout;
        Transition(BreakerState.Open, Open, reason, openUntil: _scheduler.Now + openFor);
        Timers.StartSingleTimer(HalfOpenTimer, new HalfOpenDue(_generation), openFor);
    }

    private void Transition(BreakerState to, UntypedReceive behaviour, string reason, DateTimeOffset? openUntil = null)
    {
        var from = _state;
        var now = _scheduler.Now;
        _generation++;
        _state = to;
        _behaviour = behaviour;
        Become(behaviour);
        _consecutiveFailures = 0;
        _halfOpenSuccesses = 0;
        _trialsInFlight = 0;
        _openUntil = openUntil;
        Timers.Cancel(HalfOpenTimer);
        Timers.Cancel(HalfOpenBoundTimer);
        _metrics.RecordTransition(to, now, reason);
        // An opening is what an operator must see; recovery and half-open probing are routine.
        if (to is BreakerState.Open or BreakerState.Isolated)
            _log.Warning("Breaker {Exchange}: {From} -> {To} ({Reason})", _exchange, from, to, reason);
        else
            _log.Info("Breaker {Exchange}: {From} -> {To} ({Reason})", _exchange, from, to, reason);
        Context.System.EventStream.Publish(new BreakerTransitioned(_exchange, from, to, reason, now, openUntil));
    }

    private CircuitBreaker.Status Status() => new(
        _exchange, _state, _consecutiveFailures, _halfOpenSuccesses, _calls.Count, _openUntil, _settings,
        _metrics.Snapshot(_scheduler.Now));
}
