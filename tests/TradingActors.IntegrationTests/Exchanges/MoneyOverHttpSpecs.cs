using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.TestKit;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>Prices and quantities go through the engine and the simulator's wire as decimals, and come back exactly.</summary>
public sealed class MoneyOverHttpSpecs(ITestOutputHelper output)
    : TradingEngineTestKit(output, "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\""), IAsyncLifetime
{
    private ExchangeSimulator _simulator = null!;
    private BinanceClient _client = null!;
    private IActorRef _breaker = ActorRefs.Nobody;

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance")
            {
                Symbols = [new SymbolOptions("BTCUSDT", 42_000.01m) { StepSize = 0.00000001m, MinNotional = 0 }],
            }],
            TickInterval = TimeSpan.Zero,
        });
        _client = new BinanceClient(new BinanceSettings(_simulator.Exchanges["binance"].BaseAddress, "sim-api-key", "sim-api-secret",
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
        _breaker = Sys.ActorOf(CircuitBreaker.Props("binance", BreakerSettings.Defaults, Exchange(_client)));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    private async Task<OrderReport> Buy(decimal quantity, string id) =>
        Replies.Is<OrderPlaced>(await _breaker.Ask<ExchangeReply>(
            new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, quantity, null, id), TimeSpan.FromSeconds(10))).Report;

    [Fact]
    public async Task Tenths_add_up_exactly_where_doubles_would_not()
    {
        var first = await Buy(0.1m, "exact-1");
        var second = await Buy(0.2m, "exact-2");

        Assert.Equal((0.1m, 0.2m), (first.FilledQuantity, second.FilledQuantity));
        Assert.Equal(0.3m, first.FilledQuantity + second.FilledQuantity);
    }

    [Fact]
    public async Task An_eight_decimal_quantity_comes_back_exactly()
    {
        var report = await Buy(0.12345678m, "exact-3");

        Assert.Equal((0.12345678m, 0.12345678m), (report.Quantity, report.FilledQuantity));
    }

    [Fact]
    public async Task A_quoted_price_is_the_exchange_s_decimal_string()
    {
        var quoted = Replies.Is<PriceQuoted>(await _breaker.Ask<ExchangeReply>(new GetPrice("binance", "BTCUSDT"), TimeSpan.FromSeconds(10)));

        Assert.Equal(42_000.01m, quoted.Price);
    }
}
