namespace TradingActors.Configuration;

/// <summary>
/// One exchange's breaker, read from <c>trading.exchanges.&lt;name&gt;</c> over <c>trading.breaker-defaults</c>.
/// Every setting, its default and its meaning is in the README's configuration reference.
/// </summary>
public sealed record BreakerSettings
{
    /// <summary>Consecutive failures in Closed that open the breaker (default 5).</summary>
    public int FailureThreshold { get; init; } = 5;

    /// <summary>Successes in HalfOpen that close it again (default 2).</summary>
    public int SuccessThreshold { get; init; } = 2;

    /// <summary>How long it stays Open before the timer moves it to HalfOpen (default 30 s).</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Trial calls HalfOpen admits at once; the rest are rejected (default: the success threshold).</summary>
    public int HalfOpenMaxCalls { get; init; } = 2;

    /// <summary>A call the exchange has not answered by then is answered "timeout" and counts as a failure (default 10 s).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest the breaker stays HalfOpen before it gives up and opens again (default 1 min).</summary>
    public TimeSpan HalfOpenMaxTime { get; init; } = TimeSpan.FromMinutes(1);

    public static BreakerSettings Read(SettingsReader config)
    {
        var successThreshold = config.Int("success-threshold", min: 1);
        return new BreakerSettings
        {
            FailureThreshold = config.Int("failure-threshold", min: 1),
            SuccessThreshold = successThreshold,
            OpenTimeout = config.Duration("open-timeout"),
            HalfOpenMaxCalls = config.Has("half-open-max-calls") ? config.Int("half-open-max-calls", min: 1) : successThreshold,
            CallTimeout = config.Duration("call-timeout"),
            HalfOpenMaxTime = config.Duration("half-open-max-time"),
        };
    }
}
