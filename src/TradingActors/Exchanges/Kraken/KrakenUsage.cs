namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// The client's estimate of a key's two Kraken call counters (Kraken sends no usage header), for throttling before
/// the exchange refuses: the REST API counter that every private call adds to, and the trading engine's that orders
/// and cancels add to. A call is refused when it would take its counter past the maximum.
/// </summary>
public sealed record KrakenUsage(double ApiCounter, double ApiCounterLimit, double TradingCounter, double TradingCounterLimit);

/// <summary>
/// One counter's estimate: each call adds to it, it decays at a fixed rate per second. Safe from any thread: the
/// reading is an immutable value replaced by compare-and-swap.
/// </summary>
internal sealed class CallCounterEstimate(double maximum, double decayPerSecond, TimeProvider clock)
{
    private Reading _reading = new(0, clock.GetTimestamp());

    public double Maximum => maximum;

    public double Level => Decayed(Volatile.Read(ref _reading), clock.GetTimestamp());

    public void Spend(double cost) => Update(level => level + cost);

    /// <summary>The exchange refused a call: the counter is at its maximum, whatever the estimate said.</summary>
    public void Full() => Update(level => Math.Max(level, maximum));

    /// <summary>How long until a call of <paramref name="cost"/> fits under <paramref name="share"/> of the maximum.</summary>
    public TimeSpan UntilRoomFor(double cost, double share = 1) =>
        TimeSpan.FromSeconds(Math.Max(0, Level + cost - maximum * share) / decayPerSecond);

    private void Update(Func<double, double> change)
    {
        while (true)
        {
            var reading = Volatile.Read(ref _reading);
            var now = clock.GetTimestamp();
            var next = new Reading(change(Decayed(reading, now)), now);
            if (Interlocked.CompareExchange(ref _reading, next, reading) == reading)
                return;
        }
    }

    private double Decayed(Reading reading, long now) =>
        Math.Max(0, reading.Level - decayPerSecond * clock.GetElapsedTime(reading.Timestamp, now).TotalSeconds);

    private sealed record Reading(double Level, long Timestamp);
}
