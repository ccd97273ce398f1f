using Akka.Actor;
using Akka.Event;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Metrics;

namespace TradingActors.Breaker;

internal class CircuitBreakerActor : UntypedActor, IWithTimers
{
    private const string HalfOpenTimer = "half-open";
    private const string HalfOpenBoundTimer = "half-open-bound";
    private const string StableTimer = "stable";
    private const string CallTimeoutTimer = "call-timeout";

    // Timer messages carry the generation that armed them, so a stale one never moves the breaker.
    private sealed record HalfOpenDue(long Generation);
    private sealed record HalfOpenExpired(long Generation);
    private sealed record StayedClosed(long Generation);
    private sealed record RetryDue(RequestId Request, long CallId);
    private sealed record SweepOverdueCalls
    {
        public static readonly SweepOverdueCalls Instance = new();
    }

    // What a settled call of the current generation tells the state that admitted it.
    private sealed record CallSucceeded(bool Slow)
    {
        public static readonly CallSucceeded Fast = new(false), Sluggish = new(true);
    }
    private sealed record CallFailed(string Reason, bool Slow, TimeSpan? RateLimitedFor)
    {
        public CallFailed(ExchangeFailed failed, bool slow)
            : this($"{failed.Kind}: {failed.Detail}", slow, failed.Kind == FailureKind.RateLimited ? failed.RetryAfter : null) { }
    }
    private sealed record HealthCheckPassed
    {
        public static readonly HealthCheckPassed Instance = new();
    }
    // The connector kept the call from the exchange to spare its rate limit: nothing was learnt of the exchange.
    private sealed record CallNotSent(TimeSpan Wait);

    private readonly string _exchange;
    private readonly BreakerSettings _settings;
    private readonly IActorRef _connector;
    private readonly IActorRef? _memory;
    private readonly string? _node;
    private readonly IScheduler _scheduler;
    private readonly InFlightCalls _calls = new();
    private readonly Bulkhead _bulkhead;
    private readonly FailureWindow _window;
    private readonly OpenTimeouts _openTimeouts;
    private readonly BreakerMetrics _metrics;

    // A host may run thousands of breakers, most of them quiet: what only a retry, a cancel through an open breaker,
    // a log line or a refusal needs is made the first time it is needed, not with every breaker.
    private ILoggingAdapter? _log;
    private Dictionary<RequestId, ExchangeFailed>? _awaitingRetry;
    private CancelBudget? _cancelBudget;
    private string? _noAnswer;
    private string? _noFreeSlot;
    private string? _noRoom;

    private UntypedReceive _behaviour;
    private BreakerState _state = BreakerState.Closed;
    private long _generation;
    private int _halfOpenSuccesses;
    private int _trialsInFlight;
    private Ping? _healthCheck;
    private DateTimeOffset? _openUntil;
    private TimeSpan _openFor;
    private string _reason = "started";
    private bool _sweepArmed;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Set for a breaker <see cref="WithMemory"/> alone: only it recalls a state, and a stash would cost every other one.</summary>
    public IStash Stash { get; set; } = null!;

    private ILoggingAdapter Log => _log ??= Context.GetLogger();
    private string NoAnswer => _noAnswer ??= $"no answer from {_exchange} within {Durations.Text(_settings.CallTimeout)}";
    private string NoFreeSlot => _noFreeSlot ??= $"no free call slot for {_exchange} within {Durations.Text(_settings.CallTimeout)}";
    private string NoRoom => _noRoom ??= $"{_settings.MaxConcurrentCalls} calls in flight to {_exchange} and {_settings.MaxQueuedCalls} waiting";

    public CircuitBreakerActor(string exchange, BreakerSettings settings, Props connector) : this(exchange, settings, connector, null)
    {
    }

    /// <param name="memory">Cluster mode: where the breaker's state outlives this node (<see cref="BreakerMemory"/>); null on one node.</param>
    private CircuitBreakerActor(string exchange, BreakerSettings settings, Props connector, IActorRef? memory)
    {
        _exchange = exchange;
        _settings = settings;
        _scheduler = Context.System.Scheduler;
        _bulkhead = new Bulkhead(settings.MaxConcurrentCalls, settings.MaxQueuedCalls);
        _window = FailureWindow.For(settings, () => _scheduler.Now.UtcTicks);
        _openTimeouts = new OpenTimeouts(settings, Random.Shared);
        _metrics = new BreakerMetrics(exchange, _scheduler.Now, EngineMeter.For(Context.System));
        // The engine's connectors deploy in the compact mailbox, and an actor system learns of it here at the latest.
        CompactMailbox.Install(Context.System);
        _connector = Context.ActorOf(connector, "connector");
        _memory = memory;
        var address = ((ExtendedActorSystem)Context.System).Provider.DefaultAddress;
        _node = address.HasGlobalScope ? address.ToString() : null;
        _behaviour = Closed;
    }

    protected override void PreStart()
    {
        if (_memory is not null)
        {
            Behave(Recalling);
            _memory.Tell(new BreakerMemory.Recall(_exchange));
        }
        else
            ConfiguredMode();
    }

    private void ConfiguredMode()
    {
        if (_settings.MetricsOnly)
            Transition(BreakerState.MetricsOnly, MetricsOnly, "metrics-only in its configuration");
    }

    protected override void OnReceive(object message) => Closed(message);

    protected override bool AroundReceive(Receive receive, object message) =>
        base.AroundReceive(receive, message is ExchangeRequest { Id.IsEmpty: true } anonymous ? anonymous.Identified() : message);

    // ---- The three states (and the two set by hand) --------------------------------------------

    /// <summary>Cluster mode, at start: the breaker decides nothing until it knows the state another node's breaker left.</summary>
    private void Recalling(object message)
    {
        if (message is BreakerMemory.Recalled recalled)
        {
            Behave(Closed);
            Resume(recalled.Memory);
            Stash.UnstashAll();
        }
        else
            Stash.Stash();
    }

    private void Closed(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (IsValid(request))
                    SendOrQueue(request, Sender);
                break;
            case CallSucceeded succeeded:
                if (_window.Record(failed: false, succeeded.Slow) is { } tooSlow)
                    Trip(tooSlow);
                break;
            case CallFailed { RateLimitedFor: { } retryAfter } failed:
                Trip($"rate limited: {failed.Reason}", atLeast: retryAfter);
                break;
            case CallFailed failed:
                if (_window.Record(failed: true, failed.Slow) is { } why)
                    Trip($"{why}, the last: {failed.Reason}");
                break;
            case StayedClosed stayed when stayed.Generation == _generation:
                _openTimeouts.StartOver();
                Remember();
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
                if (!IsValid(request))
                    break;
                var now = _scheduler.Now;
                // The open time is over and its timer's message is still on its way: half-open now, not "retry in -2 s".
                if (now >= _openUntil)
                {
                    HalfOpenAfter($"open for {Durations.Text(_openFor)}");
                    _behaviour(request);
                }
                // Cancels reduce risk: a trader must be able to pull orders from an exchange it has stopped trusting.
                else if (request is CancelOrder cancel && _settings.CancelsWhenOpen
                         && (_cancelBudget ??= new CancelBudget(_settings.CancelsPerSecond)).TryTake(now.UtcTicks))
                    LetThrough(cancel);
                else
                    Reject(request, _openUntil - now);
                break;
            case HalfOpenDue due when due.Generation == _generation:
                HalfOpenAfter($"open for {Durations.Text(_openFor)}");
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
                if (_trialsInFlight >= _settings.HalfOpenMaxCalls)
                    Reject(request, TimeUntilACallEnds());
                else if (SendIfRoom(request, Sender))
                    _trialsInFlight++;
                break;
            case CallSucceeded:
                _trialsInFlight--;
                if (++_halfOpenSuccesses >= _settings.SuccessThreshold)
                    Transition(BreakerState.Closed, Closed, $"{_halfOpenSuccesses} successful trial calls");
                break;
            case CallFailed failed:
                Trip($"a trial call failed: {failed.Reason}", failed.RateLimitedFor);
                break;
            case CallNotSent:
                _trialsInFlight--;
                break;
            default:
                InAnyState(message);
                break;
        }
    }

    /// <summary>HalfOpen with the health check on: only the ping is out, and nobody's request passes until it answers.</summary>
    private void HealthChecking(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (IsValid(request))
                    Reject(request, TimeUntilACallEnds());
                break;
            case HealthCheckPassed:
                Behave(HalfOpen);
                Log.Info("Breaker {Exchange}: health check passed, admitting trial calls", _exchange);
                break;
            case CallFailed failed:
                Trip($"the health check failed: {failed.Reason}", failed.RateLimitedFor);
                break;
            case CallNotSent notSent:
                Trip("the health check waits for the rate budget", notSent.Wait);
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

    private void MetricsOnly(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (IsValid(request))
                    SendOrQueue(request, Sender);
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
            case ExchangeFailed failed when _calls.TryGet(failed.Request.Id, out var failedCall) && ShouldRetry(failedCall, failed):
                RetryLater(failedCall, failed);
                break;
            case ExchangeReply reply:
                if (_calls.TryRemove(reply.Request.Id, out var call))
                    Settle(call, reply);
                else
                    _metrics.RecordLateReply();
                break;
            case SweepOverdueCalls:
                _sweepArmed = false;
                SweepOverdue();
                ArmSweep();
                break;
            case RetryDue due:
                if (_awaitingRetry?.Remove(due.Request) == true && _calls.TryGet(due.Request, out var retried) && retried.Id == due.CallId)
                {
                    _metrics.RecordRetry();
                    _connector.Tell(retried.Request);
                }
                break;
            case ExchangeConnector.Crashed crashed:
                var reason = $"the exchange connector crashed: {crashed.Reason}";
                if (crashed.Request is null)
                    _behaviour(new CallFailed(reason, Slow: false, RateLimitedFor: null));
                else if (_calls.TryRemove(crashed.Request.Id, out var lostCall))
                    Settle(lostCall, new ExchangeFailed(lostCall.Request, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null, reason));
                else
                    _metrics.RecordLateReply(); // a call already answered (by its timeout): it belongs to a state the breaker has left
                break;
            // Armed on entering HalfOpen (health check or not) and stale once it is left: only a half-open breaker meets a current one.
            case HalfOpenExpired expired when expired.Generation == _generation:
                Trip($"still half-open after {Durations.Text(_settings.HalfOpenMaxTime)}");
                break;
            case CircuitBreaker.GetSummary:
                Sender.Tell(Summary());
                break;
            case CircuitBreaker.GetStatus:
                Sender.Tell(Status());
                break;
            case CircuitBreaker.Isolate isolate:
                if (_state != BreakerState.Isolated)
                    Transition(BreakerState.Isolated, Isolated, $"isolated by hand: {isolate.Reason}");
                Sender.Tell(Status());
                break;
            case CircuitBreaker.RecordOnly:
                if (_state != BreakerState.MetricsOnly)
                    Transition(BreakerState.MetricsOnly, MetricsOnly, "set to metrics-only by hand");
                Sender.Tell(Status());
                break;
            case CircuitBreaker.Reset:
                if (_state == BreakerState.Closed)
                    _window.Clear();
                else
                    Transition(BreakerState.Closed, Closed, "reset by hand");
                Sender.Tell(Status());
                break;
            // Closed needs no word of a call not sent: its window counts what the exchange did.
            case CallSucceeded or CallFailed or CallNotSent or HealthCheckPassed or HalfOpenDue or HalfOpenExpired or StayedClosed:
                break; // meant for another state, or armed by an earlier generation: the breaker has moved on
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
        _metrics.Forget();
        var why = $"the {_exchange} breaker stopped while the call was in flight";
        foreach (var call in _calls.TakeAll())
            call.Caller.Tell(new ExchangeFailed(call.Request, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null, why));
        foreach (var waiting in _bulkhead.TakeAll())
            waiting.Caller.Tell(new ExchangeFailed(waiting.Request, FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted, null, why));
    }

    // ---- Calls ----------------------------------------------------------------------------------

    private long NowTicks => _scheduler.Now.UtcTicks;

    private bool IsValid(ExchangeRequest request)
    {
        var problem = RequestValidation.Problem(request)
                      ?? (_calls.Contains(request.Id) || _bulkhead.Holds(request.Id) ? $"request {request.Id} is already in flight" : null);
        if (problem is null)
            return true;
        Sender.Tell(new InvalidRequest(request, problem));
        return false;
    }

    private void SendOrQueue(ExchangeRequest request, IActorRef caller)
    {
        var now = NowTicks;
        if (_bulkhead.HasRoom(_calls.Count))
            Send(request, caller, now);
        else if (_bulkhead.TryQueue(request, caller, now))
            ArmSweep();
        else
            RefuseFull(request, caller, NoRoom);
    }

    /// <summary>Sends a call that may not wait (a half-open trial, a cancel through an open breaker) if a call slot is free.</summary>
    private bool SendIfRoom(ExchangeRequest request, IActorRef caller)
    {
        if (!_bulkhead.HasRoom(_calls.Count))
        {
            RefuseFull(request, caller, NoRoom);
            return false;
        }
        Send(request, caller, NowTicks);
        return true;
    }

    // Said in the log: an operator watching an open exchange must see that its orders can still be pulled.
    private void LetThrough(CancelOrder cancel)
    {
        if (SendIfRoom(cancel, Sender))
            Log.Info("Breaker {Exchange}: Open, but the cancel of {ClientOrderId} goes through", _exchange, cancel.ClientOrderId);
    }

    /// <param name="startedTicks">When the call's timeout started: now, or when it began to wait in the bulkhead.</param>
    private void Send(ExchangeRequest request, IActorRef caller, long startedTicks)
    {
        _calls.Add(request, caller, startedTicks, _settings.CallTimeout.Ticks, _generation);
        _connector.Tell(request);
        if (!_sweepArmed)
            ArmSweep();
    }

    private void RefuseFull(ExchangeRequest request, IActorRef caller, string reason)
    {
        _metrics.RecordBulkheadFull();
        caller.Tell(new BulkheadFull(request, reason));
    }

    private void Reject(ExchangeRequest request, TimeSpan? retryAfter)
    {
        _metrics.RecordRejection();
        Sender.Tell(new CircuitOpen(request, retryAfter));
    }

    /// <summary>Answers the caller, records the outcome, and lets the current state decide only on its own calls.</summary>
    private void Settle(InFlightCalls.Call call, ExchangeReply reply)
    {
        var elapsed = NowTicks - call.StartedTicks;
        var slow = elapsed > _settings.SlowCallDuration.Ticks;
        call.Caller.Tell(reply);
        var failed = reply as ExchangeFailed;
        var notSent = reply as RateBudgetExhausted;
        if (notSent is not null)
            _metrics.RecordRejection();
        else if (failed is null)
            _metrics.RecordSuccess(elapsed, refused: reply is ExchangeRejected);
        else
            _metrics.RecordFailure(elapsed);
        // A verdict (and its reason) is made only for the state that admitted the call.
        if (call.Generation == _generation)
            _behaviour(failed is not null ? new CallFailed(failed, slow)
                : notSent is not null ? new CallNotSent(notSent.RetryAfter)
                : call.Request.Id == _healthCheck?.Id ? HealthCheckPassed.Instance
                : slow ? CallSucceeded.Sluggish : CallSucceeded.Fast);
        if (_bulkhead.Queued > 0 && _bulkhead.HasRoom(_calls.Count) && _bulkhead.TryTakeNext(out var next))
            Send(next.Request, next.Caller, next.QueuedTicks);
    }

    // Only in Closed, only what a resend cannot double, and never a rate limit: that opens the breaker instead.
    private bool ShouldRetry(InFlightCalls.Call call, ExchangeFailed failed) =>
        call.Attempts < _settings.MaxRetries
        && call.Generation == _generation
        && _state == BreakerState.Closed
        && failed.IsSafeToRetry
        && failed.Kind != FailureKind.RateLimited;

    private void RetryLater(InFlightCalls.Call call, ExchangeFailed failed)
    {
        var backoff = Backoff.Wait(_settings.RetryBaseDelay, factor: 2, call.Attempts, _settings.RetryMaxDelay, _settings.RetryJitter, Random.Shared);
        var delay = failed.RetryAfter > backoff ? failed.RetryAfter.Value : backoff;
        _calls.CountAttempt(call.Request.Id);
        (_awaitingRetry ??= new Dictionary<RequestId, ExchangeFailed>())[call.Request.Id] = failed;
        Timers.StartSingleTimer(call.Id, new RetryDue(call.Request.Id, call.Id), delay);
    }

    // The queue first: a slot freed by a timed-out call must not go to a request that has already waited too long.
    private void SweepOverdue()
    {
        var now = NowTicks;
        while (_bulkhead.TryTakeOverdue(now - _settings.CallTimeout.Ticks, out var waited))
            RefuseFull(waited.Request, waited.Caller, NoFreeSlot);
        while (_calls.TryTakeOverdue(now, out var overdue))
        {
            // Answered here, so the exchange's own answer no longer matters: its client stops waiting for it.
            if (_awaitingRetry?.Remove(overdue.Request.Id) != true)
                _connector.Tell(new ExchangeConnector.Abandon(overdue.Request.Id));
            Settle(overdue, new ExchangeFailed(overdue.Request, FailureKind.Timeout, ExecutionOutcome.Unknown, null, NoAnswer));
        }
    }

    private void ArmSweep()
    {
        var due = Min(_calls.NextDeadline, _bulkhead.OldestQueuedTicks + _settings.CallTimeout.Ticks);
        if (due is null)
            return;
        _sweepArmed = true;
        Timers.StartSingleTimer(CallTimeoutTimer, SweepOverdueCalls.Instance, TimeSpan.FromTicks(Math.Max(0, due.Value - NowTicks)));
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private TimeSpan? TimeUntilACallEnds() =>
        _calls.NextDeadlineOf(_generation) is { } due ? TimeSpan.FromTicks(Math.Max(0, due - NowTicks)) : null;

    // ---- Transitions ----------------------------------------------------------------------------

    private void Trip(string reason, TimeSpan? atLeast = null)
    {
        var openFor = _openTimeouts.Next();
        if (atLeast > openFor)
            openFor = atLeast.Value;
        OpenUntil(_scheduler.Now + openFor, openFor, reason);
    }

    /// <param name="openFor">How long the opening lasts in all, for the reason given when it ends.</param>
    private void OpenUntil(DateTimeOffset until, TimeSpan openFor, string reason)
    {
        Transition(BreakerState.Open, Open, reason, openUntil: until);
        _openFor = openFor;
        Timers.StartSingleTimer(HalfOpenTimer, new HalfOpenDue(_generation), until - _scheduler.Now);
    }

    /// <summary>
    /// Takes up where the exchange's breaker on another node left off: Open until the same time (a ban included), half-open if
    /// that time has passed or it was probing (its trials died with its node), isolated or metrics-only as set by hand there.
    /// </summary>
    private void Resume(BreakerMemory.Saved? saved)
    {
        if (saved is null)
        {
            ConfiguredMode();
            return;
        }
        _openTimeouts.Resume(saved.Openings);
        var reason = $"resumed from {saved.Node}, {saved.State} there: {saved.Reason}";
        switch (saved.State)
        {
            case BreakerState.Open when saved.OpenUntil > _scheduler.Now:
                OpenUntil(saved.OpenUntil.Value, saved.OpenUntil.Value - saved.At, reason);
                break;
            case BreakerState.Open or BreakerState.HalfOpen:
                HalfOpenAfter(reason);
                break;
            case BreakerState.Isolated:
                Transition(BreakerState.Isolated, Isolated, reason);
                break;
            case BreakerState.MetricsOnly:
                Transition(BreakerState.MetricsOnly, MetricsOnly, reason);
                break;
            default:
                ConfiguredMode();
                break;
        }
    }

    /// <summary>Tells the memory, where there is one, what a breaker taking over from this one must know.</summary>
    private void Remember() =>
        _memory?.Tell(new BreakerMemory.Remember(new BreakerMemory.Saved(
            _exchange, _state, _openUntil, _openTimeouts.Openings, _reason, _node ?? "this node", _scheduler.Now)));

    private void HalfOpenAfter(string reason)
    {
        Transition(BreakerState.HalfOpen, _settings.HealthCheck ? HealthChecking : HalfOpen, reason);
        Timers.StartSingleTimer(HalfOpenBoundTimer, new HalfOpenExpired(_generation), _settings.HalfOpenMaxTime);
        if (_settings.HealthCheck)
            Send(_healthCheck = new Ping(_exchange), ActorRefs.Nobody, NowTicks);
    }

    private void Transition(BreakerState to, UntypedReceive behaviour, string reason, DateTimeOffset? openUntil = null)
    {
        var from = _state;
        var now = _scheduler.Now;
        _generation++;
        _state = to;
        Behave(behaviour);
        _window.Clear();
        _halfOpenSuccesses = 0;
        _trialsInFlight = 0;
        _healthCheck = null;
        _openUntil = openUntil;
        _reason = reason;
        Timers.Cancel(HalfOpenTimer);
        Timers.Cancel(HalfOpenBoundTimer);
        Timers.Cancel(StableTimer);
        if (to == BreakerState.Closed)
            Timers.StartSingleTimer(StableTimer, new StayedClosed(_generation), _settings.StablePeriod);
        if (to is BreakerState.Open or BreakerState.Isolated)
            AbandonWaitingCalls(reason);
        _metrics.RecordTransition(to, now, reason);
        // An opening is what an operator must see; recovery and half-open probing are routine.
        if (to is BreakerState.Open or BreakerState.Isolated)
            Log.Warning("Breaker {Exchange}: {From} -> {To} ({Reason})", _exchange, from, to, reason);
        else
            Log.Info("Breaker {Exchange}: {From} -> {To} ({Reason})", _exchange, from, to, reason);
        Context.System.EventStream.Publish(new BreakerTransitioned(_exchange, from, to, reason, now, openUntil));
        Remember();
    }

    /// <summary>Becomes <paramref name="behaviour"/>, and remembers it to hand it the verdicts of settled calls.</summary>
    private void Behave(UntypedReceive behaviour)
    {
        _behaviour = behaviour;
        Become(behaviour);
    }

    /// <summary>
    /// Once the breaker stops admitting calls, nothing waits on it: calls queued in the bulkhead are
    /// refused as circuit open, and calls waiting to be retried get their last failure.
    /// </summary>
    private void AbandonWaitingCalls(string reason)
    {
        foreach (var waiting in _bulkhead.TakeAll())
        {
            _metrics.RecordRejection();
            waiting.Caller.Tell(new CircuitOpen(waiting.Request, _openUntil - _scheduler.Now));
        }
        if (_awaitingRetry is null)
            return;
        foreach (var (request, lastFailure) in _awaitingRetry)
            if (_calls.TryRemove(request, out var call))
            {
                _metrics.RecordFailure(NowTicks - call.StartedTicks);
                call.Caller.Tell(lastFailure with { Detail = $"{lastFailure.Detail}; not retried: {reason}" });
            }
        _awaitingRetry.Clear();
    }

    private CircuitBreaker.Summary Summary()
    {
        var (successful, failed, rejected, bulkheadFull) = _metrics.Counts;
        return new(_exchange, _state, _calls.Count, _bulkhead.Queued, _openTimeouts.Openings, _openUntil, successful, failed, rejected, bulkheadFull, _node);
    }

    private CircuitBreaker.Status Status() => new(
        _exchange, _state, _window.ConsecutiveFailures, _window.Describe(), _halfOpenSuccesses, _calls.Count,
        _bulkhead.Queued, _openTimeouts.Openings, _openUntil, _settings, _metrics.Snapshot(_scheduler.Now), _node);

    /// <summary>
    /// Cluster mode's breaker: it keeps its state in <paramref name="memory"/>, and stashes what comes while it recalls the
    /// state another node's breaker left.
    /// </summary>
    internal sealed class WithMemory(string exchange, BreakerSettings settings, Props connector, IActorRef memory)
        : CircuitBreakerActor(exchange, settings, connector, memory), IWithUnboundedStash;
}
