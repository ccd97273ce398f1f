namespace TradingActors.Configuration.Options;

/// <summary>
/// A breaker's settings (<c>breaker-defaults</c>, or an exchange's section); each is its HOCON key in PascalCase, and null keeps
/// the default (README, "Configuration").
/// </summary>
public class BreakerOptions
{
    public int? FailureThreshold { get; set; }
    public int? SuccessThreshold { get; set; }
    public TimeSpan? OpenTimeout { get; set; }

    /// <summary>Null: the success threshold, as in HOCON where <c>half-open-max-calls</c> is left unset.</summary>
    public int? HalfOpenMaxCalls { get; set; }

    public TimeSpan? CallTimeout { get; set; }
    public TimeSpan? HalfOpenMaxTime { get; set; }

    public double? OpenTimeoutFactor { get; set; }
    public TimeSpan? MaxOpenTimeout { get; set; }
    public double? OpenTimeoutJitter { get; set; }
    public TimeSpan? StablePeriod { get; set; }

    public FailurePolicy? FailurePolicy { get; set; }
    public int? WindowSize { get; set; }
    public TimeSpan? WindowDuration { get; set; }
    public int? WindowBuckets { get; set; }
    public int? MinimumCalls { get; set; }
    public double? FailureRateThreshold { get; set; }
    public TimeSpan? SlowCallDuration { get; set; }
    public double? SlowCallRateThreshold { get; set; }

    public bool? HealthCheck { get; set; }

    public int? MaxConcurrentCalls { get; set; }
    public int? MaxQueuedCalls { get; set; }

    public int? MaxRetries { get; set; }
    public TimeSpan? RetryBaseDelay { get; set; }
    public TimeSpan? RetryMaxDelay { get; set; }
    public double? RetryJitter { get; set; }

    public bool? MetricsOnly { get; set; }
    public bool? CancelsWhenOpen { get; set; }
    public double? CancelsPerSecond { get; set; }
}
