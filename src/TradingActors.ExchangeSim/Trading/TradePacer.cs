namespace TradingActors.ExchangeSim.Trading;

/// <summary>
/// How many price steps the ticker takes at a tick: one, or at a trade rate, as many as are due by the time
/// elapsed since the start and not yet taken, so that the rate holds however often (or late) the timer fires,
/// and a fraction due carries over to the next tick.
/// </summary>
/// <param name="rate">Steps per second; 0: one step per tick.</param>
internal sealed class TradePacer(int rate)
{
    private long _taken;

    public int StepsDue(TimeSpan elapsed)
    {
        if (rate == 0)
            return 1;
        var due = (long)(elapsed.TotalSeconds * rate);
        // A ticker held up for longer than a second (a paused process) skips the rest rather than flooding its clients.
        _taken = Math.Max(_taken, due - rate);
        var steps = due - _taken;
        _taken = due;
        return (int)steps;
    }
}
