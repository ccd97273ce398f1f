using Akka.Configuration;
using Akka.Hosting;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Hosting;
using TradingActors.Orders;
using TradingActors.TestKit;

namespace PackageConsumer;

/// <summary>The packed engine and TestKit, used as a host's tests use them.</summary>
public sealed class PackagedEngineSpecs : TradingHostTestKit
{
    public PackagedEngineSpecs(ITestOutputHelper output) : base(output) =>
        Scripted("binance", binance => binance.WithPrice("BTCUSDT", 42_000));

    protected override void ConfigureEngine(AkkaConfigurationBuilder akka, IServiceProvider provider) =>
        akka.WithTradingEngine(ConfigurationFactory.ParseString("trading.exchanges.binance {}").WithFallback(InMemoryLedger), Exchanges);

    [Fact]
    public void The_package_carries_the_reference_configuration()
    {
        Assert.Equal(5, TradingSettings.DefaultSettings.Defaults.FailureThreshold);
    }

    [Fact]
    public async Task An_order_placed_through_the_packaged_engine_is_filled_and_held_by_its_ledger()
    {
        var reply = await Engine.PlaceOrderAsync(PlaceOrder.WithNewId("binance", "BTCUSDT", OrderSide.Buy, 0.1m));

        var placed = Assert.IsType<OrderPlaced>(reply);
        Assert.Equal(OrderLife.Filled, (await Engine.WaitForFinalAsync(placed.Report.ClientOrderId)).Life);
    }
}
