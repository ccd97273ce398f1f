using TradingActors.Configuration;

namespace TradingActors.MarketData;

/// <summary>
/// The waits before reconnect attempts while an endpoint keeps failing: <c>min-backoff</c> first, each wait
/// then twice the one before, up to <c>max-backoff</c>; each spread by up to the jitter share either way,
/// so that the feeds (or user data streams) an endpoint dropped all at once do not come back all at once.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan minBackoff, TimeSpan maxBackoff, double jitter, Random random)
{
    private int _waits;

    public TimeSpan Next() => Backoff.Wait(minBackoff, factor: 2, _waits++, maxBackoff, jitter, random);

    /// <summary>The endpoint serves again, or another one is tried: the next wait is the shortest again.</summary>
    public void Reset() => _waits = 0;
}
