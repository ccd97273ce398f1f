using System.Text;
using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.Exchanges.Bybit;
using TradingActors.Exchanges.Kraken;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.TestKit;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>
/// Over real HTTP, each client's rate budget stops prices and queries short of the simulator's limit and keeps the
/// rest for orders: the exchange never refuses for the rate. The clients' clocks stand still, so no test straddles
/// the moment a window would free.
/// </summary>
public sealed class RateBudgetOverHttpSpecs(ITestOutputHelper output)
    : TradingEngineTestKit(output, "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\""), IAsyncLifetime
{
    private const int Limit = 20;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private sealed class StillClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private readonly StillClock _clock = new(DateTimeOffset.UtcNow);
    private ExchangeSimulator? _simulator;
    private IDisposable? _client;

    private async Task<(SimulatedExchange Exchange, Func<ExchangeRequest, Task<ExchangeReply>> Send)> Exchange(
        ExchangeDialect dialect, Func<SimulatedExchange, IExchangeClient> client)
    {
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance") { Dialect = dialect, WeightLimit = new WeightLimitOptions { Budget = Limit, Window = TimeSpan.FromHours(1) } }],
            TickInterval = TimeSpan.Zero,
        });
        var exchange = _simulator.Exchanges["binance"];
        var connected = client(exchange);
        _client = (IDisposable)connected;
        var breaker = Sys.ActorOf(CircuitBreaker.Props("binance", BreakerSettings.Defaults, Exchange(connected)));
        return (exchange, request => breaker.Ask<ExchangeReply>(request, TimeSpan.FromSeconds(10)));
    }

    private static async Task<List<ExchangeReply>> Repeat(Func<ExchangeRequest, Task<ExchangeReply>> send, int times, Func<ExchangeRequest> request)
    {
        var replies = new List<ExchangeReply>();
        for (var i = 0; i < times; i++)
            replies.Add(await send(request()));
        return replies;
    }

    private static PlaceOrder Order() => PlaceOrder.WithNewId("binance", "BTCUSDT", OrderSide.Buy, 0.01m);

    [Fact]
    public async Task Binance_prices_stop_at_the_headroom_of_the_weight_and_an_order_still_goes_through()
    {
        var (_, send) = await Exchange(ExchangeDialect.Binance, exchange => new BinanceClient(
            new BinanceSettings(exchange.BaseAddress, AccountOptions.Default.ApiKey, AccountOptions.Default.Secret, 5 * Second, Second, 5 * Second)
            {
                RequestWeightLimit = Limit,
            }, _clock));

        var prices = await Repeat(send, 10, () => new GetPrice("binance", "BTCUSDT"));
        var order = await send(Order());

        // A price weighs 2: eight of them reach 16, the 80 % of 20 that prices may use.
        Assert.Equal(8, prices.Count(reply => reply is PriceQuoted));
        Assert.All(prices.Skip(8), reply => Assert.IsType<RateBudgetExhausted>(reply));
        Replies.Is<OrderPlaced>(order);
    }

    [Fact]
    public async Task Bybit_queries_stop_at_the_headroom_of_its_reported_limit_and_orders_spend_the_rest()
    {
        var (_, send) = await Exchange(ExchangeDialect.Bybit, exchange => new BybitClient(
            new BybitSettings(exchange.BaseAddress, AccountOptions.Default.ApiKey, AccountOptions.Default.Secret, 5 * Second, Second, 5 * Second), _clock));

        var queries = await Repeat(send, 20, () => new GetOpenOrders("binance"));
        var orders = await Repeat(send, 3, Order);

        // Each call counts one, an order two (it is read back): 16 queries, then two orders to the limit of 20.
        Assert.Equal(16, queries.Count(reply => reply is OpenOrdersListed));
        Assert.All(queries.Skip(16), reply => Assert.IsType<RateBudgetExhausted>(reply));
        Assert.Equal([typeof(OrderPlaced), typeof(OrderPlaced), typeof(RateBudgetExhausted)], orders.Select(reply => reply.GetType()));
    }

    [Fact]
    public async Task Kraken_queries_stop_at_the_headroom_of_its_estimated_call_counter()
    {
        var secret = Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountOptions.Default.Secret));
        var (_, send) = await Exchange(ExchangeDialect.Kraken, exchange => new KrakenClient(
            new KrakenSettings(exchange.BaseAddress, AccountOptions.Default.ApiKey, secret, Second, 5 * Second)
            {
                ApiCounterLimit = 10, ApiCounterDecayPerSecond = 0.001,
            }));

        var queries = await Repeat(send, 10, () => new GetOpenOrders("binance"));
        var order = await send(Order());

        Assert.Equal(8, queries.Count(reply => reply is OpenOrdersListed));
        Assert.All(queries.Skip(8), reply => Assert.IsType<RateBudgetExhausted>(reply));
        Replies.Is<OrderPlaced>(order);
    }

    ValueTask IAsyncLifetime.InitializeAsync() => ValueTask.CompletedTask;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        _client?.Dispose();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
    }
}
