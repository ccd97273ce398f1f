namespace TradingActors.ExchangeSim.Configuration;

/// <summary>
/// Binance's request-weight limit: a budget per fixed window; overspending answers 429, and a client
/// that keeps calling while limited is banned with 418.
/// </summary>
public sealed record WeightLimitOptions
{
    /// <summary>The weight a window allows (Binance spot: 6000 per minute).</summary>
    public int Budget { get; init; } = 6000;

    /// <summary>The window's length; windows are aligned to the clock, as Binance's minute is.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many requests may be refused with 429 in one window before the next one is banned.</summary>
    public int BanAfter { get; init; } = 3;

    /// <summary>How long a ban lasts (Binance starts at 2 minutes).</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Budget, nameof(Budget));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfNegative(BanAfter, nameof(BanAfter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BanDuration, TimeSpan.Zero, nameof(BanDuration));
    }
}
