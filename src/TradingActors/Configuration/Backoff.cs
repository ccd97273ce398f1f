namespace TradingActors.Configuration;

/// <summary>
/// The one growth rule behind every wait the engine spreads out (open timeouts, retries, reconnects):
/// the first wait times the factor for each step taken, capped, then spread by up to the jitter share
/// either way, so that many waits begun together do not end together.
/// </summary>
internal static class Backoff
{
    public static TimeSpan Wait(TimeSpan first, double factor, int step, TimeSpan cap, double jitter, Random random)
    {
        var grown = Math.Min(cap.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(factor, step));
        return TimeSpan.FromMilliseconds(grown * (1 + jitter * (2 * random.NextDouble() - 1)));
    }
}
