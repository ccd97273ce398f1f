using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Configuration;

/// <summary>Faults applied to one exchange <paramref name="At"/> after the start and cleared <paramref name="Duration"/> later.</summary>
public sealed record ScheduledFault(string Exchange, TimeSpan At, TimeSpan Duration, FaultSettings Faults)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(At, TimeSpan.Zero, nameof(At));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Duration, TimeSpan.Zero, nameof(Duration));
        Faults.Validate();
    }
}
