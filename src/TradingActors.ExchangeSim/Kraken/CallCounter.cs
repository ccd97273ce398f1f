namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// Kraken's rate limit: each API key has a counter that every call adds to and that decays at a fixed rate per
/// second; a call that would take it past the maximum is refused (and does not count). The exchange's
/// weight-limit options give it: the maximum is the budget (or the fault's that replaces it), and a full counter
/// decays in one window, whatever its maximum.
/// </summary>
internal sealed class CallCounter(TimeSpan window, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Level, DateTimeOffset At)> _counters = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="cost"/> to the key's counter, unless that takes it past <paramref name="maximum"/>: then false.</summary>
    public bool TrySpend(string apiKey, int cost, int maximum)
    {
        var now = clock.GetUtcNow();
        var decayPerSecond = maximum / window.TotalSeconds;
        lock (_gate)
        {
            var (level, at) = _counters.GetValueOrDefault(apiKey, (0, now));
            level = Math.Max(0, level - decayPerSecond * (now - at).TotalSeconds);
            var allowed = level + cost <= maximum;
            _counters[apiKey] = (allowed ? level + cost : level, now);
            return allowed;
        }
    }
}
