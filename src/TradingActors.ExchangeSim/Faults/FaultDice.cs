namespace TradingActors.ExchangeSim.Faults;

/// <summary>
/// The seeded chance behind every fault share. A share of 0 or 1 never draws, so a test that sets a
/// fault to always or never is deterministic whatever else runs.
/// </summary>
internal sealed class FaultDice(int seed)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(seed);

    public bool Roll(double share)
    {
        if (share <= 0)
            return false;
        if (share >= 1)
            return true;
        lock (_gate)
            return _random.NextDouble() < share;
    }

    public TimeSpan UpTo(TimeSpan most)
    {
        if (most <= TimeSpan.Zero)
            return TimeSpan.Zero;
        lock (_gate)
            return most * _random.NextDouble();
    }

    public int Pick(int count)
    {
        lock (_gate)
            return _random.Next(count);
    }
}
