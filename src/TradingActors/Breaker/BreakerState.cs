namespace TradingActors.Breaker;

public enum BreakerState
{
    /// <summary>Calls pass; failures are counted.</summary>
    Closed,

    /// <summary>Calls are rejected at once until a timer moves the breaker to HalfOpen.</summary>
    Open,

    /// <summary>A few trial calls pass; successes close the breaker, a failure opens it again.</summary>
    HalfOpen,

    /// <summary>Opened by hand: calls are rejected until it is reset by hand. No timer runs.</summary>
    Isolated,

    /// <summary>Every call passes and is recorded, but the breaker never opens (set by hand or by configuration).</summary>
    MetricsOnly,
}

/// <summary>Published on the EventStream at every change of a breaker's state.</summary>
/// <param name="OpenUntil">When an Open breaker's timer will move it to HalfOpen; null in other states.</param>
public sealed record BreakerTransitioned(
    string Exchange, BreakerState From, BreakerState To, string Reason, DateTimeOffset At, DateTimeOffset? OpenUntil);
