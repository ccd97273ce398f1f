namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// Kraken's nonce: every signed call of a key must carry a larger one than the last. Taken from the clock in
/// milliseconds, so that it keeps growing across restarts, and at least one more than the last one handed out,
/// so that calls made in the same millisecond, on any thread, still differ; no lock, one compare-and-swap.
/// </summary>
internal sealed class KrakenNonce(TimeProvider clock)
{
    private long _last;

    public long Next()
    {
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = Math.Max(last + 1, clock.GetUtcNow().ToUnixTimeMilliseconds());
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
                return next;
        }
    }
}
