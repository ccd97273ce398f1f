using CsCheck;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker.Model;

/// <summary>
/// Random valid settings and random steps for them. Every duration is a whole number of 10 ms and every advance
/// too, except the stable period, which ends 5 ms off that grid: a trip and the end of a stable period never fall
/// on the same instant, where which of two timers due together fires first would decide (the design leaves that
/// order open). Growth factors and open timeouts keep every grown open time exact to the tick. Cancels pass an Open
/// breaker (when they may) at a rate no run reaches.
/// </summary>
public static class ScenarioGen
{
    private static readonly Gen<(FailurePolicy, int, int, int, int, int, double, int, int)> Windows =
        Gen.Select(
            Gen.Enum<FailurePolicy>(), Gen.Int[1, 4], Gen.Int[1, 6], Gen.Int[1, 20], Gen.Int[1, 10], Gen.Int[1, 6],
            Gen.Frequency((1, Gen.OneOf(25.0, 50.0, 75.0, 100.0)), (1, Gen.Int[1, 100].Select(i => (double)i))),
            Gen.Int[1, 100], Gen.Int[1, 100],
            (policy, threshold, size, seconds, buckets, minimum, failureRate, slowTenths, slowRate) =>
                (policy, threshold, size, seconds, buckets, minimum, failureRate, slowTenths, slowRate));

    private static readonly Gen<(int, int, int, bool, int, double, int, int)> Openings =
        Gen.Select(
            Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 30], Gen.Bool, Gen.Int[1, 10], Gen.OneOf(1.0, 1.5, 2.0, 3.0),
            Gen.OneOf(1, 2, 4, 8), Gen.Int[1, 60],
            (successes, trials, halfOpenSeconds, healthCheck, openSeconds, factor, capTimes, stableSeconds) =>
                (successes, trials, halfOpenSeconds, healthCheck, openSeconds, factor, capTimes, stableSeconds));

    private static readonly Gen<(int, int, int, bool, bool)> Calls =
        Gen.Select(Gen.Int[1, 80], Gen.Int[1, 4], Gen.Int[0, 3], Gen.Frequency((19, Gen.Const(false)), (1, Gen.Const(true))), Gen.Bool,
            (timeoutTenths, concurrent, queued, metricsOnly, cancelsWhenOpen) => (timeoutTenths, concurrent, queued, metricsOnly, cancelsWhenOpen));

    public static readonly Gen<BreakerSettings> Settings =
        Gen.Select(Windows, Openings, Calls, (window, opening, calls) =>
        {
            var (policy, failureThreshold, windowSize, windowSeconds, buckets, minimumCalls, failureRate, slowCallTenths, slowRate) = window;
            var (successThreshold, halfOpenMaxCalls, halfOpenSeconds, healthCheck, openSeconds, factor, capTimes, stableSeconds) = opening;
            var (callTimeoutTenths, maxConcurrent, maxQueued, metricsOnly, cancelsWhenOpen) = calls;
            return BreakerSettings.Defaults with
            {
                FailurePolicy = policy, FailureThreshold = failureThreshold,
                WindowSize = windowSize, WindowDuration = TimeSpan.FromSeconds(windowSeconds), WindowBuckets = buckets,
                MinimumCalls = minimumCalls, FailureRateThreshold = failureRate,
                SlowCallDuration = TimeSpan.FromMilliseconds(100 * slowCallTenths), SlowCallRateThreshold = slowRate,
                SuccessThreshold = successThreshold, HalfOpenMaxCalls = halfOpenMaxCalls,
                HalfOpenMaxTime = TimeSpan.FromSeconds(halfOpenSeconds), HealthCheck = healthCheck,
                OpenTimeout = TimeSpan.FromSeconds(openSeconds), OpenTimeoutFactor = factor,
                MaxOpenTimeout = TimeSpan.FromSeconds(openSeconds * capTimes), OpenTimeoutJitter = 0,
                StablePeriod = TimeSpan.FromSeconds(stableSeconds) + TimeSpan.FromMilliseconds(5),
                CallTimeout = TimeSpan.FromMilliseconds(100 * callTimeoutTenths),
                MaxConcurrentCalls = maxConcurrent, MaxQueuedCalls = maxQueued,
                MaxRetries = 0, RetryJitter = 0, MetricsOnly = metricsOnly,
                CancelsWhenOpen = cancelsWhenOpen, CancelsPerSecond = BreakerModel.UnboundedCancels,
            };
        });

    private static readonly Gen<Outcome> Outcomes =
        Gen.Frequency(
            (3, Gen.Const<Outcome>(new Outcome.Success())),
            (1, Gen.Const<Outcome>(new Outcome.Rejection())),
            (3, Gen.Select(Gen.Enum<FailureKind>(), Gen.Enum<ExecutionOutcome>(), Gen.Int[1, 30],
                (kind, executed, seconds) => (Outcome)new Outcome.Failure(kind, executed,
                    kind == FailureKind.RateLimited && seconds % 3 != 0 ? TimeSpan.FromSeconds(seconds) : null))));

    /// <summary>Advances that matter for these settings (a call timeout, an open time, just short of them) and any others.</summary>
    private static Gen<TimeSpan> Advances(BreakerSettings s) =>
        Gen.Frequency(
            (4, Gen.Int[1, 100].Select(tens => TimeSpan.FromMilliseconds(10 * tens))),
            (2, Gen.Int[1, 100].Select(tenths => TimeSpan.FromMilliseconds(100 * tenths))),
            (1, Gen.Int[1, 90].Select(seconds => TimeSpan.FromSeconds(seconds))),
            (3, Gen.OneOf(s.CallTimeout, s.OpenTimeout, s.HalfOpenMaxTime, s.SlowCallDuration, s.WindowDuration,
                s.CallTimeout - TimeSpan.FromMilliseconds(10), s.OpenTimeout - TimeSpan.FromMilliseconds(10),
                s.SlowCallDuration + TimeSpan.FromMilliseconds(10))
                .Select(span => span > TimeSpan.Zero ? span : TimeSpan.FromMilliseconds(10))));

    // Isolate and metrics-only hold the breaker until a reset, so they come rarely, and resets more often.
    public static Gen<Step> StepsFor(BreakerSettings s) =>
        Gen.Frequency(
            (16, Gen.Enum<Call>().Select(call => (Step)new Step.Send(call))),
            (2, Gen.Const<Step>(new Step.SendInvalid())),
            (3, Gen.Enum<Call>().Select(call => (Step)new Step.SendAsOpenTimeEnds(call))),
            (16, Gen.Select(Gen.Int[0, 3], Outcomes, (pick, outcome) => (Step)new Step.Answer(pick, outcome))),
            (3, Gen.Int[0, 3].Nullable(0.3).Select(pick => (Step)new Step.Crash(pick))),
            (10, Advances(s).Select(by => (Step)new Step.Advance(by))),
            (5, Gen.Const<Step>(new Step.AdvanceToNextTimer())),
            (1, Gen.Const<Step>(new Step.Isolate())),
            (3, Gen.Const<Step>(new Step.Reset())),
            (1, Gen.Const<Step>(new Step.RecordOnly())));

    public static readonly Gen<Scenario> Scenarios =
        Settings.SelectMany(settings => StepsFor(settings).Array[1, 60].Select(steps => new Scenario(settings, steps)));
}
