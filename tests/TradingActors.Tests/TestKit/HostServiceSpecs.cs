using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.Exchanges;
using TradingActors.Hosting;
using TradingActors.Orders;
using TradingActors.TestKit;

namespace TradingActors.Tests.TestKit;

/// <summary>
/// A host's service as a trading team writes one, through <see cref="ITradingEngine"/>: it buys binance's
/// BTCUSDT when the price falls below a level.
/// </summary>
public sealed class DipBuyer(ITradingEngine engine)
{
    public async Task<ExchangeReply?> BuyBelowAsync(decimal level, decimal quantity, string clientOrderId)
    {
        if (await engine.GetPriceAsync(new GetPrice("binance", "BTCUSDT")) is not PriceQuoted quoted || quoted.Price >= level)
            return null;
        return await engine.PlaceOrderAsync(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, quantity, null, clientOrderId));
    }
}

/// <summary>The host's service tested end to end, over the host's own services and engine wiring.</summary>
public sealed class HostServiceSpecs : TradingHostTestKit
{
    public HostServiceSpecs(ITestOutputHelper output) : base(output) =>
        Scripted("binance", binance => binance.WithPrice("BTCUSDT", 41_000));

    protected override void ConfigureHostServices(IServiceCollection services) => services.AddSingleton<DipBuyer>();

    protected override void ConfigureEngine(AkkaConfigurationBuilder akka, IServiceProvider provider) =>
        akka.WithTradingEngine(ConfigurationFactory.ParseString("trading.exchanges.binance {}").WithFallback(InMemoryLedger), Exchanges);

    private DipBuyer Buyer => Host.Services.GetRequiredService<DipBuyer>();

    [Fact]
    public async Task The_service_buys_below_its_level_and_the_ledger_holds_the_fill()
    {
        var reply = await Buyer.BuyBelowAsync(42_000, 0.1m, "dip-1");

        Assert.Equal(OrderState.Filled, Assert.IsType<OrderPlaced>(reply).Report.State);
        Assert.Equal(OrderLife.Filled, (await Engine.WaitForFinalAsync("dip-1")).Life);
    }

    [Fact]
    public async Task The_service_does_not_buy_at_or_above_its_level()
    {
        Assert.Null(await Buyer.BuyBelowAsync(40_000, 0.1m, "dip-2"));

        Assert.All((await Engine.GetOrdersAsync()).Exchanges, exchange => Assert.Equal(0, exchange.InFlight + exchange.Open));
    }
}
