using TradingActors.Configuration;

namespace TradingActors.Breaker;

/// <summary>
/// What a Closed breaker remembers of recent calls, and its rule for opening (the failure policy).
/// Every window also counts failures in a row, for the status.
/// </summary>
internal abstract class FailureWindow
{
    public int ConsecutiveFailures { get; private set; }

    /// <param name="nowTicks">The scheduler's clock, read only by the windows that need the time.</param>
    public static FailureWindow For(BreakerSettings settings, Func<long> nowTicks) => settings.FailurePolicy switch
    {
        FailurePolicy.CountWindow => new CountWindow(settings),
        FailurePolicy.TimeWindow => new TimeWindow(settings, nowTicks),
        _ => new Consecutive(settings.FailureThreshold),
    };

    /// <summary>
    /// Records one call's outcome and returns why the breaker should open now, or null. Every outcome is
    /// weighed, a success too: the success that brings a window to its minimum calls can find its failure
    /// rate already past the threshold (Resilience4j's rule; the breaker's model checks it).
    /// </summary>
    public string? Record(bool failed, bool slow)
    {
        ConsecutiveFailures = failed ? ConsecutiveFailures + 1 : 0;
        Add(failed, slow);
        return ReasonToOpen();
    }

    public void Clear()
    {
        ConsecutiveFailures = 0;
        ClearWindow();
    }

    /// <summary>The window's figures for the status, such as "2/3 in a row" or "4 of 10 failed".</summary>
    public abstract string Describe();

    protected abstract void Add(bool failed, bool slow);
    protected abstract string? ReasonToOpen();
    protected abstract void ClearWindow();

    private sealed class Consecutive(int threshold) : FailureWindow
    {
        public override string Describe() => $"{ConsecutiveFailures}/{threshold} in a row";
        protected override void Add(bool failed, bool slow) { }
        protected override string? ReasonToOpen() =>
            ConsecutiveFailures >= threshold ? $"{ConsecutiveFailures} consecutive failures" : null;
        protected override void ClearWindow() { }
    }

    /// <summary>Failure and slow-call rates over a set of recent calls, against their thresholds.</summary>
    private abstract class RateWindow(BreakerSettings settings) : FailureWindow
    {
        protected BreakerSettings Settings { get; } = settings;

        protected abstract (int Calls, int Failed, int Slow) Totals();
        protected abstract int MinimumCalls { get; }

        public override string Describe()
        {
            var (calls, failed, slow) = Totals();
            return $"{failed} of {calls} failed, {slow} slow";
        }

        protected override string? ReasonToOpen()
        {
            var (calls, failed, slow) = Totals();
            if (calls < MinimumCalls)
                return null;
            var failureRate = 100.0 * failed / calls;
            var slowRate = 100.0 * slow / calls;
            if (failureRate >= Settings.FailureRateThreshold)
                return $"{failureRate:0.#}% of the last {calls} calls failed";
            return slowRate >= Settings.SlowCallRateThreshold
                ? $"{slowRate:0.#}% of the last {calls} calls were slower than {Durations.Text(Settings.SlowCallDuration)}"
                : null;
        }
    }

    /// <summary>The last <c>window-size</c> calls, in a ring.</summary>
    private sealed class CountWindow(BreakerSettings settings) : RateWindow(settings)
    {
        private readonly (bool Failed, bool Slow)[] _ring = new (bool, bool)[settings.WindowSize];
        private int _next;
        private int _calls;
        private int _failed;
        private int _slow;

        // A window smaller than the minimum could never open; like Resilience4j, a full window is enough.
        protected override int MinimumCalls => Math.Min(Settings.MinimumCalls, Settings.WindowSize);

        protected override void Add(bool failed, bool slow)
        {
            if (_calls == _ring.Length)
            {
                var (oldFailed, oldSlow) = _ring[_next];
                _failed -= oldFailed ? 1 : 0;
                _slow -= oldSlow ? 1 : 0;
            }
            else
                _calls++;
            _ring[_next] = (failed, slow);
            _next = (_next + 1) % _ring.Length;
            _failed += failed ? 1 : 0;
            _slow += slow ? 1 : 0;
        }

        protected override (int, int, int) Totals() => (_calls, _failed, _slow);

        protected override void ClearWindow() => (_next, _calls, _failed, _slow) = (0, 0, 0, 0);
    }

    /// <summary>The calls of the last <c>window-duration</c>, kept in <c>window-buckets</c> buckets of equal length.</summary>
    private sealed class TimeWindow(BreakerSettings settings, Func<long> nowTicks) : RateWindow(settings)
    {
        private struct Bucket
        {
            public long Slot;
            public int Calls, Failed, Slow;
        }

        private readonly Bucket[] _buckets = new Bucket[settings.WindowBuckets];
        private readonly long _bucketTicks = Math.Max(1, settings.WindowDuration.Ticks / settings.WindowBuckets);

        protected override int MinimumCalls => Settings.MinimumCalls;

        protected override void Add(bool failed, bool slow)
        {
            var slot = nowTicks() / _bucketTicks;
            ref var bucket = ref _buckets[slot % _buckets.Length];
            if (bucket.Slot != slot)
                bucket = new Bucket { Slot = slot };
            bucket.Calls++;
            bucket.Failed += failed ? 1 : 0;
            bucket.Slow += slow ? 1 : 0;
        }

        protected override (int, int, int) Totals()
        {
            var current = nowTicks() / _bucketTicks;
            int calls = 0, failed = 0, slow = 0;
            foreach (var bucket in _buckets)
                if (bucket.Calls > 0 && current - bucket.Slot < _buckets.Length)
                    (calls, failed, slow) = (calls + bucket.Calls, failed + bucket.Failed, slow + bucket.Slow);
            return (calls, failed, slow);
        }

        protected override void ClearWindow() => Array.Clear(_buckets);
    }
}
