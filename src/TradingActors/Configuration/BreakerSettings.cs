namespace TradingActors.Configuration;

/// <summary>How a Closed breaker decides to open.</summary>
public enum FailurePolicy
{
    /// <summary>After <c>failure-threshold</c> failures in a row (the seed's rule).</summary>
    Consecutive,

    /// <summary>When the failure or slow-call rate over the last <c>window-size</c> calls passes its threshold.</summary>
    CountWindow,

    /// <summary>When the failure or slow-call rate over the last <c>window-duration</c> passes its threshold.</summary>
    TimeWindow,
}

/// <summary>
/// One exchange's breaker, read from <c>trading.exchanges.&lt;name&gt;</c> over <c>trading.breaker-defaults</c>.
/// The defaults live in one place, hocon/trading.conf (see <see cref="Defaults"/>); the README's
/// configuration reference explains each setting.
/// </summary>
public sealed record BreakerSettings
{
    /// <summary>The reference configuration's defaults; tests and hosts start from these with <c>with</c>.</summary>
    public static BreakerSettings Defaults => TradingSettings.DefaultSettings.Defaults;

    public int FailureThreshold { get; init; }
    public int SuccessThreshold { get; init; }
    public TimeSpan OpenTimeout { get; init; }
    public int HalfOpenMaxCalls { get; init; }
    public TimeSpan CallTimeout { get; init; }
    public TimeSpan HalfOpenMaxTime { get; init; }

    // Growing open timeout: each opening lasts the factor times longer than the one before, up to the cap.
    public double OpenTimeoutFactor { get; init; }
    public TimeSpan MaxOpenTimeout { get; init; }
    public double OpenTimeoutJitter { get; init; }
    public TimeSpan StablePeriod { get; init; }

    public FailurePolicy FailurePolicy { get; init; }
    public int WindowSize { get; init; }
    public TimeSpan WindowDuration { get; init; }
    public int WindowBuckets { get; init; }
    public int MinimumCalls { get; init; }
    public double FailureRateThreshold { get; init; }
    public TimeSpan SlowCallDuration { get; init; }
    public double SlowCallRateThreshold { get; init; }

    public bool HealthCheck { get; init; }

    public int MaxConcurrentCalls { get; init; }
    public int MaxQueuedCalls { get; init; }

    public int MaxRetries { get; init; }
    public TimeSpan RetryBaseDelay { get; init; }
    public TimeSpan RetryMaxDelay { get; init; }
    public double RetryJitter { get; init; }

    public bool MetricsOnly { get; init; }

    public bool CancelsWhenOpen { get; init; }
    public double CancelsPerSecond { get; init; }

    internal static BreakerSettings Read(SettingsReader config)
    {
        var successThreshold = config.Int("success-threshold", min: 1);
        var openTimeout = config.Duration("open-timeout");
        return new BreakerSettings
        {
            FailureThreshold = config.Int("failure-threshold", min: 1),
            SuccessThreshold = successThreshold,
            OpenTimeout = openTimeout,
            HalfOpenMaxCalls = config.Has("half-open-max-calls") ? config.Int("half-open-max-calls", min: 1) : successThreshold,
            CallTimeout = config.Duration("call-timeout"),
            HalfOpenMaxTime = config.Duration("half-open-max-time"),
            OpenTimeoutFactor = config.Double("open-timeout-factor", min: 1),
            MaxOpenTimeout = AtLeast(config, "max-open-timeout", openTimeout, "open-timeout"),
            OpenTimeoutJitter = config.Double("open-timeout-jitter", min: 0, max: 1),
            StablePeriod = config.Duration("stable-period"),
            FailurePolicy = config.Enum<FailurePolicy>("failure-policy"),
            WindowSize = config.Int("window-size", min: 1),
            WindowDuration = config.Duration("window-duration"),
            WindowBuckets = config.Int("window-buckets", min: 1, max: 1000),
            MinimumCalls = config.Int("minimum-calls", min: 1),
            FailureRateThreshold = config.Double("failure-rate-threshold", min: 1, max: 100),
            SlowCallDuration = config.Duration("slow-call-duration"),
            SlowCallRateThreshold = config.Double("slow-call-rate-threshold", min: 1, max: 100),
            HealthCheck = config.Bool("health-check"),
            MaxConcurrentCalls = config.Int("max-concurrent-calls", min: 1),
            MaxQueuedCalls = config.Int("max-queued-calls", min: 0),
            MaxRetries = config.Int("max-retries", min: 0, max: 10),
            RetryBaseDelay = config.Duration("retry-base-delay"),
            RetryMaxDelay = config.Duration("retry-max-delay"),
            RetryJitter = config.Double("retry-jitter", min: 0, max: 1),
            MetricsOnly = config.Bool("metrics-only"),
            CancelsWhenOpen = config.Bool("cancels-when-open"),
            CancelsPerSecond = config.Double("cancels-per-second", min: 0.001),
        };
    }

    private static TimeSpan AtLeast(SettingsReader config, string key, TimeSpan floor, string floorKey)
    {
        var value = config.Duration(key);
        return value >= floor
            ? value
            : throw config.Invalid(key, $"must be at least {floorKey} ({Durations.Text(floor)})");
    }
}
