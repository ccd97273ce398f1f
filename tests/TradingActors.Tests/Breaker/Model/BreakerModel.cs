using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker.Model;

/// <summary>What one caller is told, as the model predicts it (and as the test reads the actor's reply).</summary>
/// <param name="Answer">"result", "rejected" (a business rejection), "failed Timeout/Unknown", "circuit open",
/// "bulkhead full" or "invalid".</param>
/// <param name="RetryAfter">A circuit-open reply's time until the breaker next admits a call; a failure's own retry-after.</param>
public sealed record Reply(string Request, string Answer, TimeSpan? RetryAfter = null)
{
    public override string ToString() => RetryAfter is { } after ? $"{Request}: {Answer} (retry after {after.TotalMilliseconds}ms)" : $"{Request}: {Answer}";
}

/// <summary>What the exchange does with one call it holds.</summary>
public abstract record Outcome
{
    /// <summary>The exchange answers with its result.</summary>
    public sealed record Success : Outcome;

    /// <summary>The exchange refuses it (insufficient funds, unknown order, ...): it is healthy, so this counts for the breaker.</summary>
    public sealed record Rejection : Outcome;

    public sealed record Failure(FailureKind Kind, ExecutionOutcome Executed, TimeSpan? RetryAfter = null) : Outcome;
}

/// <summary>
/// The breaker's status as the model sees it, in the terms of <see cref="CircuitBreaker.Status"/>; times are
/// offsets from the start of the run, so that a difference reads the same in every run.
/// </summary>
public sealed record ModelStatus(
    BreakerState State,
    int ConsecutiveFailures,
    string Window,
    int HalfOpenSuccesses,
    int InFlight,
    int Queued,
    int Openings,
    TimeSpan? OpenUntil,
    long Total,
    long Successful,
    long Failed,
    long Rejected,
    long BulkheadFull,
    long Retries,
    long LateReplies,
    string Transitions);

/// <summary>
/// A reference model of the circuit breaker, written from the design's "Breaker semantics" and "Finer points" and the
/// README's configuration reference, not from <c>CircuitBreakerActor</c>: its worth is that it is
/// a second, independent reading of the same rules. No actors, no scheduler: the test moves its clock with
/// <see cref="AdvanceTo"/>, and every other method is one thing that happens at the current instant.
/// It covers the settings the property test generates: no jitter, no retries, and a cancel budget never spent.
/// </summary>
public sealed class BreakerModel
{
    private const int TransitionHistory = 100;

    /// <summary>A cancel budget no run spends (the budget itself, a token bucket, is not modelled).</summary>
    public const double UnboundedCancels = 1000;

    private readonly BreakerSettings _settings;
    private readonly long _start;

    // What the breaker decides with.
    private long _generation;
    private int _consecutiveFailures;
    private readonly Queue<(bool Failed, bool Slow)> _lastCalls = new();             // count-window
    private readonly List<(long At, bool Failed, bool Slow)> _recentCalls = new();   // time-window
    private int _halfOpenSuccesses;
    private bool _healthCheckPassed;
    private int _openings;
    private long? _openUntil;
    private long? _halfOpenUntil;
    private long? _stableAt;

    // The calls: sent and not yet answered to their caller, and waiting for a free slot; both oldest first.
    private sealed record Call(string Request, long Started, long Generation, bool IsPing)
    {
        public long Due(BreakerSettings settings) => Started + settings.CallTimeout.Ticks;
    }

    private sealed record Waiting(string Request, long Since);

    private readonly List<Call> _inFlight = new();
    private readonly List<Waiting> _waiting = new();
    private int _pings;

    // The exchange's side: the requests it holds and has not answered yet (a call timed out by the breaker stays here).
    private readonly List<string> _atTheExchange = new();

    // The lifetime metrics.
    private long _successful, _failed, _rejected, _bulkheadFull, _late;
    private readonly List<string> _transitions = new();

    // What happened since the test last looked.
    private readonly List<Reply> _replies = new();
    private readonly List<string> _sent = new();

    public BreakerModel(BreakerSettings settings, long startTicks)
    {
        if (settings.OpenTimeoutJitter != 0 || settings.MaxRetries != 0 || settings is { CancelsWhenOpen: true, CancelsPerSecond: < UnboundedCancels })
            throw new ArgumentException(
                $"the model covers no open-timeout jitter, no retries, and cancels while open only at {UnboundedCancels} a second or more", nameof(settings));
        _settings = settings;
        _start = startTicks;
        Now = startTicks;
        if (settings.MetricsOnly)
            MoveTo(BreakerState.MetricsOnly);
    }

    /// <summary>The model's clock, in the scheduler's ticks.</summary>
    public long Now { get; private set; }

    public BreakerState State { get; private set; } = BreakerState.Closed;

    /// <summary>When an Open breaker's open time ends, in the scheduler's ticks.</summary>
    public long? OpenUntilTicks => _openUntil;

    /// <summary>The requests the exchange holds, oldest first: the ones a test may answer or crash on.</summary>
    public IReadOnlyList<string> AtTheExchange => _atTheExchange;

    /// <summary>The earliest moment after which something is due (a call timeout, a wait in the queue, the end of
    /// the open time, the half-open bound, the stable period), or null when nothing is.</summary>
    public long? NextDue
    {
        get
        {
            long? next = null;
            foreach (var call in _inFlight)
                next = Earliest(next, call.Due(_settings));
            foreach (var waiting in _waiting)
                next = Earliest(next, waiting.Since + _settings.CallTimeout.Ticks);
            return Earliest(Earliest(Earliest(next, _openUntil), _halfOpenUntil), _stableAt);
        }
    }

    /// <summary>Takes what callers were told since the last look.</summary>
    public List<Reply> TakeReplies()
    {
        var replies = _replies.ToList();
        _replies.Clear();
        return replies;
    }

    /// <summary>Takes what reached the exchange since the last look, in the order it was sent: requests, and "abandon r3"
    /// when the breaker answered one at its call timeout.</summary>
    public List<string> TakeSent()
    {
        var sent = _sent.ToList();
        _sent.Clear();
        return sent;
    }

    // ---- Time ---------------------------------------------------------------------------------------

    /// <summary>
    /// Moves the clock to <paramref name="ticks"/>, handling every timer due on the way, each at its own instant
    /// ("timers fire exactly when due"). Two due at the same instant: waits in the queue before calls (a slot
    /// a timed-out call frees must not go to a request that has already waited too long), calls in the order they were
    /// admitted, then the end of the open time, the half-open bound and the stable period.
    /// </summary>
    public void AdvanceTo(long ticks)
    {
        while (NextDue is { } due && due <= ticks)
        {
            Now = due;
            HandleOneDue();
        }
        Now = ticks;
    }

    /// <summary>
    /// Moves the clock without handling what falls due: a request that arrives now is handled before the timers of
    /// this instant, as when a timer message waits in the mailbox behind it.
    /// </summary>
    public void MoveClockAheadOfTimers(long ticks) => Now = ticks;

    private void HandleOneDue()
    {
        var waited = _waiting.FirstOrDefault(w => w.Since + _settings.CallTimeout.Ticks <= Now);
        if (waited is not null)
        {
            // It waited a whole call timeout for a slot: the bulkhead was full for it, and it was never sent.
            _waiting.Remove(waited);
            _bulkheadFull++;
            Tell(waited.Request, "bulkhead full");
            return;
        }
        var overdue = _inFlight.FirstOrDefault(c => c.Due(_settings) <= Now);
        if (overdue is not null)
        {
            // The caller is answered now, and the exchange told that nobody waits for it; it may still answer, late.
            _sent.Add($"abandon {overdue.Request}");
            Settle(overdue, new Outcome.Failure(FailureKind.Timeout, ExecutionOutcome.Unknown));
            return;
        }
        if (_openUntil <= Now && State == BreakerState.Open)
        {
            HalfOpen();
            return;
        }
        if (_halfOpenUntil <= Now && State == BreakerState.HalfOpen)
        {
            Trip();
            return;
        }
        if (_stableAt <= Now && State == BreakerState.Closed)
        {
            _stableAt = null;
            _openings = 0;
            return;
        }
        throw new InvalidOperationException($"the model has something due at {Offset(Now)} that no state handles");
    }

    // ---- What callers do ----------------------------------------------------------------------------

    /// <summary>A caller sends a request; an invalid one is answered as invalid, in every state, and counted nowhere.</summary>
    /// <param name="isCancel">It cancels an order: with cancels-when-open, it may pass an Open breaker.</param>
    public void Request(string request, bool valid = true, bool isCancel = false)
    {
        if (!valid)
        {
            Tell(request, "invalid");
            return;
        }
        // The open time is over but its timer has not been handled yet: the breaker half-opens right here.
        if (State == BreakerState.Open && Now >= _openUntil)
            HalfOpen();
        switch (State)
        {
            case BreakerState.Closed or BreakerState.MetricsOnly:
                if (_inFlight.Count < _settings.MaxConcurrentCalls)
                    Send(request, Now);
                else if (_waiting.Count < _settings.MaxQueuedCalls)
                    _waiting.Add(new Waiting(request, Now));
                else
                    RefuseForBulkhead(request);
                break;
            // Cancels reduce risk, so they may pass while orders are halted; a cancel is a call like any other for the bulkhead.
            case BreakerState.Open when isCancel && _settings.CancelsWhenOpen:
                if (_inFlight.Count < _settings.MaxConcurrentCalls)
                    Send(request, Now);
                else
                    RefuseForBulkhead(request);
                break;
            case BreakerState.Open:
                Reject(request, TimeSpan.FromTicks(_openUntil!.Value - Now));
                break;
            case BreakerState.Isolated:
                Reject(request, retryAfter: null);
                break;
            case BreakerState.HalfOpen:
                if (_settings.HealthCheck && !_healthCheckPassed)
                    Reject(request, UntilAnAdmittedCallTimesOut());
                else if (TrialsInFlight >= _settings.HalfOpenMaxCalls)
                    Reject(request, UntilAnAdmittedCallTimesOut());
                else if (_inFlight.Count >= _settings.MaxConcurrentCalls)
                    RefuseForBulkhead(request);   // a trial is a call like any other for the bulkhead
                else
                    Send(request, Now);
                break;
        }
    }

    // ---- What the exchange does ---------------------------------------------------------------------

    /// <summary>The exchange answers a request it holds.</summary>
    public void ExchangeAnswers(string request, Outcome outcome)
    {
        if (!_atTheExchange.Remove(request))
            throw new InvalidOperationException($"the exchange does not hold {request}");
        if (_inFlight.FirstOrDefault(c => c.Request == request) is { } call)
            Settle(call, outcome);
        else
            _late++;   // its caller was already answered (at its call timeout): counted, nothing else
    }

    /// <summary>The connector crashes while handling <paramref name="request"/>, or while handling no request.</summary>
    public void ConnectorCrashes(string? request)
    {
        if (request is null)
        {
            // A crash tied to no call is a failure of the current state (but no call's outcome, so not in the metrics).
            Verdict(failed: true, slow: false, rateLimitedFor: null, isPing: false);
            return;
        }
        if (!_atTheExchange.Remove(request))
            throw new InvalidOperationException($"the exchange does not hold {request}");
        if (_inFlight.FirstOrDefault(c => c.Request == request) is { } call)
            Settle(call, new Outcome.Failure(FailureKind.ConnectionFailed, ExecutionOutcome.Unknown));
        else
            _late++;   // a crash on a call already answered is a late reply: it never moves the current state
    }

    // ---- What an operator does ----------------------------------------------------------------------

    public void Isolate()
    {
        if (State != BreakerState.Isolated)
            MoveTo(BreakerState.Isolated);
    }

    /// <summary>Closes the breaker, or, when it is Closed already, clears its deciding window.</summary>
    public void Reset()
    {
        if (State == BreakerState.Closed)
            ClearWindow();
        else
            MoveTo(BreakerState.Closed);
    }

    public void RecordOnly()
    {
        if (State != BreakerState.MetricsOnly)
            MoveTo(BreakerState.MetricsOnly);
    }

    // ---- Calls --------------------------------------------------------------------------------------

    private int TrialsInFlight => _inFlight.Count(c => c.Generation == _generation && !c.IsPing);

    /// <param name="started">When its call timeout started: now, or when it began to wait for a slot.</param>
    private void Send(string request, long started, bool isPing = false)
    {
        _inFlight.Add(new Call(request, started, _generation, isPing));
        _atTheExchange.Add(request);
        _sent.Add(request);
    }

    private void Reject(string request, TimeSpan? retryAfter)
    {
        _rejected++;
        Tell(request, "circuit open", retryAfter);
    }

    private void RefuseForBulkhead(string request)
    {
        _bulkheadFull++;
        Tell(request, "bulkhead full");
    }

    /// <summary>A half-open rejection says when the earliest call this state admitted reaches its call timeout.</summary>
    private TimeSpan? UntilAnAdmittedCallTimesOut()
    {
        var ours = _inFlight.Where(c => c.Generation == _generation).ToList();
        return ours.Count == 0 ? null : TimeSpan.FromTicks(Math.Max(0, ours.Min(c => c.Due(_settings)) - Now));
    }

    /// <summary>The caller learns the outcome; the metrics count it; only the state that admitted the call decides on it.</summary>
    private void Settle(Call call, Outcome outcome)
    {
        _inFlight.Remove(call);
        var slow = Now - call.Started > _settings.SlowCallDuration.Ticks;
        var failure = outcome as Outcome.Failure;
        if (!call.IsPing)
            Tell(call.Request, outcome switch
            {
                Outcome.Success => "result",
                Outcome.Rejection => "rejected",
                _ => $"failed {failure!.Kind}/{failure.Executed}",
            }, failure?.RetryAfter);
        if (failure is null)
            _successful++;
        else
            _failed++;
        if (call.Generation == _generation)
            Verdict(failure is not null, slow,
                failure is { Kind: FailureKind.RateLimited, RetryAfter: { } after } ? after : null, call.IsPing);
        // The freed slot goes to the oldest request waiting for one, if the breaker still admits calls.
        if (_waiting.Count > 0 && _inFlight.Count < _settings.MaxConcurrentCalls
            && State is BreakerState.Closed or BreakerState.MetricsOnly)
        {
            var next = _waiting[0];
            _waiting.RemoveAt(0);
            Send(next.Request, next.Since);
        }
    }

    /// <summary>What one outcome of the current state's own call (or a crash tied to no call) does to that state.</summary>
    private void Verdict(bool failed, bool slow, TimeSpan? rateLimitedFor, bool isPing)
    {
        switch (State)
        {
            case BreakerState.Closed:
                // A rate limit with a retry-after opens at once, for at least that long, whatever the policy.
                if (failed && rateLimitedFor is not null)
                    Trip(rateLimitedFor);
                else if (RecordAndDecide(failed, slow))
                    Trip();
                break;
            case BreakerState.HalfOpen when failed:
                Trip(rateLimitedFor);   // the first failure reopens it, the ping's too
                break;
            case BreakerState.HalfOpen when isPing:
                _healthCheckPassed = true;
                break;
            case BreakerState.HalfOpen:
                if (++_halfOpenSuccesses >= _settings.SuccessThreshold)
                    MoveTo(BreakerState.Closed);
                break;
            // Open, Isolated and MetricsOnly decide nothing on an outcome.
        }
    }

    // ---- The deciding window ------------------------------------------------------------------------

    /// <summary>
    /// Records one outcome in Closed and says whether the failure policy now opens the breaker. A rate is a property
    /// of the window, so it is looked at after every outcome, a success's too (as Resilience4j does; the design does
    /// not say): a success that brings the window to its minimum calls opens it if the failure rate is over the threshold.
    /// </summary>
    private bool RecordAndDecide(bool failed, bool slow)
    {
        _consecutiveFailures = failed ? _consecutiveFailures + 1 : 0;
        switch (_settings.FailurePolicy)
        {
            case FailurePolicy.CountWindow:
                _lastCalls.Enqueue((failed, slow));
                if (_lastCalls.Count > _settings.WindowSize)
                    _lastCalls.Dequeue();
                // A count window needs at most a full window of calls.
                return RatesOpen(_lastCalls.ToList(), Math.Min(_settings.MinimumCalls, _settings.WindowSize));
            case FailurePolicy.TimeWindow:
                _recentCalls.Add((Now, failed, slow));
                return RatesOpen(RememberedCalls(), _settings.MinimumCalls);
            default:
                return _consecutiveFailures >= _settings.FailureThreshold;
        }
    }

    /// <summary>The failure or the slow-call rate reaches its threshold, over at least the minimum number of calls.</summary>
    private bool RatesOpen(List<(bool Failed, bool Slow)> calls, int minimumCalls) =>
        calls.Count >= minimumCalls
        && (calls.Count(c => c.Failed) * 100.0 >= _settings.FailureRateThreshold * calls.Count
            || calls.Count(c => c.Slow) * 100.0 >= _settings.SlowCallRateThreshold * calls.Count);

    /// <summary>
    /// The calls a time window still remembers: those in the last <c>window-buckets</c> buckets, each bucket
    /// <c>window-duration / window-buckets</c> long on the scheduler's clock, the current bucket included.
    /// </summary>
    private List<(bool Failed, bool Slow)> RememberedCalls()
    {
        var bucket = Math.Max(1, _settings.WindowDuration.Ticks / _settings.WindowBuckets);
        var oldestKept = Now / bucket - _settings.WindowBuckets + 1;
        return _recentCalls.Where(c => c.At / bucket >= oldestKept).Select(c => (c.Failed, c.Slow)).ToList();
    }

    private void ClearWindow()
    {
        _consecutiveFailures = 0;
        _lastCalls.Clear();
        _recentCalls.Clear();
        _halfOpenSuccesses = 0;
    }

    private string DescribeWindow()
    {
        if (_settings.FailurePolicy == FailurePolicy.Consecutive)
            return $"{_consecutiveFailures}/{_settings.FailureThreshold} in a row";
        var calls = _settings.FailurePolicy == FailurePolicy.CountWindow ? _lastCalls.ToList() : RememberedCalls();
        return $"{calls.Count(c => c.Failed)} of {calls.Count} failed, {calls.Count(c => c.Slow)} slow";
    }

    // ---- Transitions --------------------------------------------------------------------------------

    /// <summary>Opens the breaker for the next, grown open time (or at least <paramref name="atLeast"/>).</summary>
    private void Trip(TimeSpan? atLeast = null)
    {
        var openFor = OpenTime(_openings++);
        if (atLeast is { } floor && floor.Ticks > openFor)
            openFor = floor.Ticks;
        MoveTo(BreakerState.Open, openUntil: Now + openFor);
    }

    /// <summary>
    /// How long the opening after <paramref name="earlierOpenings"/> consecutive ones lasts: each the factor times
    /// the one before, clamped at the cap (exact arithmetic, to the tick below).
    /// </summary>
    private long OpenTime(int earlierOpenings)
    {
        decimal cap = _settings.MaxOpenTimeout.Ticks;
        decimal openFor = _settings.OpenTimeout.Ticks;
        for (var i = 0; i < earlierOpenings && openFor < cap; i++)
            openFor *= (decimal)_settings.OpenTimeoutFactor;
        return (long)decimal.Floor(Math.Min(openFor, cap));
    }

    private void HalfOpen()
    {
        MoveTo(BreakerState.HalfOpen);
        if (_settings.HealthCheck)
            Send($"ping{++_pings}", Now, isPing: true);   // no trial slot, no bulkhead check
    }

    /// <summary>
    /// Every transition starts a new generation (so late results and stale timers of the old one move nothing),
    /// clears the deciding window, and sets up the timers of the new state.
    /// </summary>
    private void MoveTo(BreakerState to, long? openUntil = null)
    {
        _transitions.Add($"{State}->{to}@{Offset(Now)}");
        State = to;
        _generation++;
        ClearWindow();
        _healthCheckPassed = false;
        _openUntil = openUntil;
        _halfOpenUntil = to == BreakerState.HalfOpen ? Now + _settings.HalfOpenMaxTime.Ticks : null;
        _stableAt = to == BreakerState.Closed ? Now + _settings.StablePeriod.Ticks : null;
        if (to is BreakerState.Open or BreakerState.Isolated)
        {
            // Once it stops admitting calls, nobody waits on it: the queue is refused as circuit open.
            foreach (var waiting in _waiting)
                Reject(waiting.Request, openUntil is { } until ? TimeSpan.FromTicks(until - Now) : null);
            _waiting.Clear();
        }
    }

    // ---- Reading it ---------------------------------------------------------------------------------

    public ModelStatus Status => new(
        State, _consecutiveFailures, DescribeWindow(), _halfOpenSuccesses, _inFlight.Count, _waiting.Count, _openings,
        _openUntil is { } until ? Offset(until) : null,
        _successful + _failed, _successful, _failed, _rejected, _bulkheadFull, Retries: 0, _late,
        string.Join(", ", _transitions.TakeLast(TransitionHistory)));

    private TimeSpan Offset(long ticks) => TimeSpan.FromTicks(ticks - _start);

    private void Tell(string request, string answer, TimeSpan? retryAfter = null) =>
        _replies.Add(new Reply(request, answer, retryAfter));

    private static long? Earliest(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
