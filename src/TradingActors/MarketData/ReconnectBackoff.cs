namespace TradingActors.MarketData;

/// <summary>
/// The waits before reconnect attempts while an endpoint keeps failing: <c>min-backoff</c> first, each wait
/// then twice the one before, up to <c>max-backoff</c>; each spread by up to the jitter share either way,
/// so that the feeds an endpoint dropped all at once do not come back all at once.
/// </summary>
internal sealed class ReconnectBackoff(FeedSettings settings, Random random)
{
    private int _waits;

    public TimeSpan Next()
    {
        var doubled = Math.Min(settings.MaxBackoff.Ticks, settings.MinBackoff.Ticks * Math.Pow(2, _waits++));
        return TimeSpan.FromTicks((long)(doubled * (1 + settings.BackoffJitter * (2 * random.NextDouble() - 1))));
    }

    /// <summary>The endpoint serves again, or another one is tried: the next wait is the shortest again.</summary>
    public void Reset() => _waits = 0;
}
