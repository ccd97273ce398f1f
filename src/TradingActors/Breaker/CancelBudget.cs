namespace TradingActors.Breaker;

/// <summary>
/// A token bucket on the scheduler's clock: how many cancels an Open breaker still lets through.
/// Cancels reduce risk, so they may pass while new orders are halted, but never as a flood.
/// </summary>
internal sealed class CancelBudget(double perSecond)
{
    private readonly double _capacity = Math.Max(1, perSecond);
    private double _tokens = Math.Max(1, perSecond);
    private long _refilledTicks;

    public bool TryTake(long nowTicks)
    {
        _tokens = Math.Min(_capacity, _tokens + perSecond * TimeSpan.FromTicks(nowTicks - _refilledTicks).TotalSeconds);
        _refilledTicks = nowTicks;
        if (_tokens < 1)
            return false;
        _tokens--;
        return true;
    }
}
