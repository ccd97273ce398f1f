using TradingActors.Exchanges;
using TradingActors.ExchangeSim;
using TradingActors.Hosting;

namespace TradingActors.IntegrationTests.Orders;

/// <summary>The simulated market's price walk, moved on tick by tick from a spec.</summary>
internal static class PriceWalk
{
    /// <summary>The last price of BTCUSDT at <paramref name="exchange"/>, as the engine quotes it.</summary>
    public static async Task<decimal> PriceAsync(ITradingEngine engine, string exchange) =>
        Replies.Is<PriceQuoted>(await engine.GetPriceAsync(new GetPrice(exchange, "BTCUSDT"))).Price;

    /// <summary>Ticks <paramref name="market"/> until its BTCUSDT price, as the engine quotes it, is at or below <paramref name="limit"/>.</summary>
    public static async Task DownToAsync(ITradingEngine engine, string exchange, SimulatedExchange market, decimal limit)
    {
        for (var steps = 0; await PriceAsync(engine, exchange) > limit; steps++)
        {
            Assert.True(steps < 10_000, "the walk never reached the limit");
            market.Tick();
        }
    }
}
