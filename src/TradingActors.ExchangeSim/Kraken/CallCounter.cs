namespace TradingActors.ExchangeSim.Kraken;

/// <summary>The outcome of a call against a <see cref="CallCounter"/>: allowed, or refused until the counter has decayed enough.</summary>
internal readonly record struct CounterVerdict(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// Kraken's rate limit: each API key has a counter that every call adds to and that decays at a fixed rate per
/// second; a call that would take it past the maximum is refused (and does not count). The exchange's
/// weight-limit options give it: the maximum is the budget, and a full counter decays in one window.
/// </summary>
internal sealed class CallCounter(double decayPerSecond, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Level, DateTimeOffset At)> _counters = new(StringComparer.Ordinal);

    public CounterVerdict Spend(string apiKey, int cost, int maximum)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var (level, at) = _counters.GetValueOrDefault(apiKey, (0, now));
            level = Math.Max(0, level - decayPerSecond * (now - at).TotalSeconds);
            if (level + cost > maximum)
            {
                _counters[apiKey] = (level, now);
                return new CounterVerdict(false, TimeSpan.FromSeconds((level + cost - maximum) / decayPerSecond));
            }
            _counters[apiKey] = (level + cost, now);
            return new CounterVerdict(true, TimeSpan.Zero);
        }
    }
}
