using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Trading;

/// <summary>One step of a walk: the new price and the market trade printed at it.</summary>
internal readonly record struct PriceStep(decimal Price, decimal Quantity, bool BuyerIsMaker);

/// <summary>
/// A symbol's price as a seeded random walk: each step moves it by up to the volatility either way, on
/// the symbol's tick. The same seed and number of steps always give the same prices.
/// </summary>
internal sealed class PriceWalk(SymbolOptions symbol, decimal volatility, int seed)
{
    private const int MaxLotsPerTrade = 100_000;
    private readonly Random _random = new(seed);

    public decimal Price { get; private set; } = OnTick(symbol.Price, symbol.TickSize);

    public PriceStep Step()
    {
        var move = (decimal)(_random.NextDouble() * 2 - 1) * volatility;
        Price = OnTick(Price * (1 + move), symbol.TickSize);
        var quantity = symbol.StepSize * _random.Next(1, MaxLotsPerTrade + 1);
        return new PriceStep(Price, quantity, BuyerIsMaker: _random.Next(2) == 0);
    }

    private static decimal OnTick(decimal price, decimal tick) =>
        Math.Max(tick, Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick);
}
