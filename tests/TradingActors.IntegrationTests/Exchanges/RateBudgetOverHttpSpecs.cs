using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.TestKit;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>
/// Over real HTTP, the client's rate budget stops prices short of the simulator's weight limit and keeps the rest
/// for orders: the exchange never answers 429. The client's clock stands still, so the test never straddles the
/// minute at which its window would free.
/// </summary>
public sealed class RateBudgetOverHttpSpecs(ITestOutputHelper output)
    : TradingEngineTestKit(output, "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\""), IAsyncLifetime
{
    private const int WeightLimit = 40;

    private sealed class StillClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private ExchangeSimulator _simulator = null!;
    private BinanceClient _client = null!;
    private IActorRef _breaker = ActorRefs.Nobody;

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance") { WeightLimit = new WeightLimitOptions { Budget = WeightLimit, Window = TimeSpan.FromHours(1) } }],
            TickInterval = TimeSpan.Zero,
        });
        var endpoint = new BinanceSettings(_simulator.Exchanges["binance"].BaseAddress, AccountOptions.Default.ApiKey, AccountOptions.Default.Secret,
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) { RequestWeightLimit = WeightLimit, RateHeadroom = 0.8m };
        _client = new BinanceClient(endpoint, new StillClock(DateTimeOffset.UtcNow));
        _breaker = Sys.ActorOf(CircuitBreaker.Props("binance", BreakerSettings.Defaults, Exchange(_client)));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    private Task<ExchangeReply> Send(ExchangeRequest request) => _breaker.Ask<ExchangeReply>(request, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Prices_stop_at_the_headroom_and_an_order_still_goes_through_with_no_429()
    {
        var replies = new List<ExchangeReply>();
        for (var i = 0; i < 20; i++)
            replies.Add(await Send(new GetPrice("binance", "BTCUSDT")));
        var order = await Send(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.01m, null, "budget-1"));

        // A price weighs 2: sixteen of them reach 32, the 80 % of 40 that prices may use.
        Assert.Equal(16, replies.Count(reply => reply is PriceQuoted));
        Assert.All(replies.Skip(16), reply => Assert.IsType<RateBudgetExhausted>(reply));
        Replies.Is<OrderPlaced>(order);
    }
}
