using TradingActors.Breaker;

namespace TradingActors.Metrics;

/// <summary>
/// One breaker's figures, owned and written by that breaker actor alone. Recording costs a few
/// field writes; percentiles and rates are worked out only when a snapshot is asked for.
/// </summary>
internal sealed class BreakerMetrics
{
    private const int ResponseWindow = 100;
    private const int TransitionHistory = 100;

    private static readonly BreakerState[] States = Enum.GetValues<BreakerState>();

    // Made with the first response and grown with the responses up to the window: a breaker that is never
    // used costs no window, and one used a few times a small one. Likewise the history and the time in each
    // state, made with the first transition.
    private long[]? _responseTicks;
    private int _responses;
    private Queue<StateChange>? _transitions;
    private long[]? _ticksInState;
    private readonly KeyValuePair<string, object?> _exchange;
    private readonly EngineMeter _meter;
    private BreakerState _state = BreakerState.Closed;
    private DateTimeOffset _enteredState;
    private long _successful;
    private long _failed;
    private long _rejected;
    private long _bulkheadFull;
    private long _retries;
    private long _late;

    public BreakerMetrics(string exchange, DateTimeOffset startedAt, EngineMeter meter)
    {
        _exchange = new KeyValuePair<string, object?>("exchange", exchange);
        _enteredState = startedAt;
        _meter = meter;
        _meter.RecordState(exchange, _state);
    }

    /// <summary>The breaker stopped: its state leaves the engine's gauge.</summary>
    public void Forget() => _meter.Forget((string)_exchange.Value!);

    private static readonly KeyValuePair<string, object?> Succeeded = new("outcome", "success");
    private static readonly KeyValuePair<string, object?> Refused = new("outcome", "refused");
    private static readonly KeyValuePair<string, object?> Failed = new("outcome", "failure");
    private static readonly KeyValuePair<string, object?> CircuitOpen = new("reason", "circuit_open");
    private static readonly KeyValuePair<string, object?> BulkheadFull = new("reason", "bulkhead_full");

    /// <summary>The lifetime counts, for a breaker's summary: read as they are, with nothing to work out.</summary>
    public (long Successful, long Failed, long Rejected, long BulkheadFull) Counts => (_successful, _failed, _rejected, _bulkheadFull);

    /// <param name="refused">The exchange answered with a business rejection: a sane answer, so a success for the breaker.</param>
    public void RecordSuccess(long responseTicks, bool refused = false)
    {
        _successful++;
        RecordResponse(responseTicks, refused ? Refused : Succeeded);
    }

    public void RecordFailure(long responseTicks)
    {
        _failed++;
        RecordResponse(responseTicks, Failed);
    }

    public void RecordRejection()
    {
        _rejected++;
        _meter.Rejections.Add(1, _exchange, CircuitOpen);
    }

    public void RecordBulkheadFull()
    {
        _bulkheadFull++;
        _meter.Rejections.Add(1, _exchange, BulkheadFull);
    }

    /// <summary>A retryable failure that was sent again instead of being counted.</summary>
    public void RecordRetry() => _retries++;

    /// <summary>An answer that came after its call was already answered (timed out): dropped, but counted.</summary>
    public void RecordLateReply() => _late++;

    public void RecordTransition(BreakerState to, DateTimeOffset at, string reason)
    {
        (_ticksInState ??= new long[States.Length])[(int)_state] += (at - _enteredState).Ticks;
        _transitions ??= new Queue<StateChange>();
        if (_transitions.Count == TransitionHistory)
            _transitions.Dequeue();
        _transitions.Enqueue(new StateChange(_state, to, at, reason));
        _state = to;
        _enteredState = at;
        _meter.RecordState((string)_exchange.Value!, to);
        _meter.Transitions.Add(1, _exchange, new KeyValuePair<string, object?>("state", StateTag(to)));
    }

    public MetricsSnapshot Snapshot(DateTimeOffset now)
    {
        var window = new long[Math.Min(_responses, ResponseWindow)];
        if (_responseTicks is not null)
            Array.Copy(_responseTicks, window, window.Length);
        Array.Sort(window);
        var timeInState = new Dictionary<BreakerState, TimeSpan>(States.Length);
        foreach (var state in States)
            timeInState[state] = TimeSpan.FromTicks((_ticksInState?[(int)state] ?? 0) + (state == _state ? (now - _enteredState).Ticks : 0));
        return new MetricsSnapshot(
            _successful + _failed, _successful, _failed, _rejected, _bulkheadFull, _retries, _late,
            Average(window), Percentile(window, 0.50), Percentile(window, 0.95), Percentile(window, 0.99),
            timeInState, _transitions?.ToArray() ?? []);
    }

    private void RecordResponse(long ticks, KeyValuePair<string, object?> outcome)
    {
        var slot = _responses++ % ResponseWindow;
        if (_responseTicks is null || slot == _responseTicks.Length)
            Array.Resize(ref _responseTicks, Math.Min(ResponseWindow, Math.Max(4, slot * 2)));
        _responseTicks[slot] = ticks;
        _meter.Requests.Add(1, _exchange, outcome);
        if (_meter.Duration.Enabled)
            _meter.Duration.Record(TimeSpan.FromTicks(ticks).TotalSeconds, _exchange, outcome);
    }

    private static string StateTag(BreakerState state) => state switch
    {
        BreakerState.HalfOpen => "half_open",
        BreakerState.MetricsOnly => "metrics_only",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static TimeSpan Average(long[] sorted) =>
        sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)sorted.Average());

    // Nearest rank: the smallest response time that at least this share of the window does not exceed.
    private static TimeSpan Percentile(long[] sorted, double share) =>
        sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(sorted[(int)Math.Ceiling(share * sorted.Length) - 1]);
}

public sealed record StateChange(BreakerState From, BreakerState To, DateTimeOffset At, string Reason);

/// <summary>
/// A breaker's lifetime figures, as in the seed: <c>Total = Successful + Failed</c> counts the calls
/// whose outcome is known (a timeout is a failure, an exchange's business rejection a success);
/// <c>Rejected</c> counts calls the breaker turned away (circuit open), <c>BulkheadFull</c> those
/// refused for want of a free call slot, <c>Retries</c> the resends of retryable failures.
/// Response times cover the last 100 calls.
/// </summary>
public sealed record MetricsSnapshot(
    long Total,
    long Successful,
    long Failed,
    long Rejected,
    long BulkheadFull,
    long Retries,
    long LateReplies,
    TimeSpan AverageResponse,
    TimeSpan P50,
    TimeSpan P95,
    TimeSpan P99,
    IReadOnlyDictionary<BreakerState, TimeSpan> TimeInState,
    IReadOnlyList<StateChange> Transitions)
{
    /// <summary>Successful calls as a percentage of the calls with a known outcome; 100 before the first call.</summary>
    public double SuccessRate => Total == 0 ? 100.0 : 100.0 * Successful / Total;
}
