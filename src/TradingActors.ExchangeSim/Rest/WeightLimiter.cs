using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>The outcome of spending weight: the weight used in the window out of its budget, and the refusal if there is one.</summary>
internal readonly record struct WeightVerdict(int Used, int Budget, ExchangeError? Refusal, TimeSpan RetryAfter);

/// <summary>
/// Binance's request-weight limit for one exchange (all clients come from loopback, the one IP): a budget
/// per window aligned to the clock; beyond it 429, and past <see cref="WeightLimitOptions.BanAfter"/>
/// refusals in a window, a 418 ban.
/// </summary>
internal sealed class WeightLimiter(WeightLimitOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();

    public TimeSpan Window => options.Window;

    public int Budget => options.Budget;

    private long _window = -1;
    private int _used;
    private int _refusals;
    private DateTimeOffset _bannedUntil;

    public WeightVerdict Spend(int weight, int? budgetOverride)
    {
        var budget = budgetOverride ?? options.Budget;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var window = now.UtcTicks / options.Window.Ticks;
            if (window != _window)
                (_window, _used, _refusals) = (window, 0, 0);
            if (now < _bannedUntil)
                return new WeightVerdict(_used, budget, ExchangeError.Banned(_bannedUntil), _bannedUntil - now);
            if (_used + weight <= budget)
            {
                _used += weight;
                return new WeightVerdict(_used, budget, null, TimeSpan.Zero);
            }
            if (++_refusals > options.BanAfter)
            {
                _bannedUntil = now + options.BanDuration;
                return new WeightVerdict(_used, budget, ExchangeError.Banned(_bannedUntil), options.BanDuration);
            }
            var windowEnd = new DateTimeOffset((window + 1) * options.Window.Ticks, TimeSpan.Zero);
            return new WeightVerdict(_used, budget, ExchangeError.TooManyRequests(budget), windowEnd - now);
        }
    }
}
