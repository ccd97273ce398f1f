using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.TestKit;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>
/// The whole path over real sockets: engine -> breaker -> HTTP connector -> simulator on an ephemeral
/// loopback port. Real time here (sockets are real), kept to fractions of a second.
/// </summary>
public sealed class EngineOverHttpSpecs(ITestOutputHelper output)
    : TradingEngineTestKit(output, "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\""), IAsyncLifetime
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 3, SuccessThreshold = 1, OpenTimeout = TimeSpan.FromMilliseconds(300), OpenTimeoutFactor = 1,
        CallTimeout = TimeSpan.FromSeconds(2),
    };

    private ExchangeSimulator _simulator = null!;
    private readonly List<BinanceClient> _clients = [];

    async ValueTask IAsyncLifetime.InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance") { WeightLimit = new WeightLimitOptions { Budget = 6, BanAfter = 100 } }],
            TickInterval = TimeSpan.Zero,
        });

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _simulator.DisposeAsync();
    }

    private SimulatedExchange Binance => _simulator.Exchanges["binance"];

    private IActorRef Breaker(string secret = "sim-api-secret")
    {
        var client = new BinanceClient(new BinanceSettings(Binance.BaseAddress, "sim-api-key", secret,
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
        _clients.Add(client);
        return Sys.ActorOf(CircuitBreaker.Props("binance", Settings, Exchange(client)));
    }

    private static Task<ExchangeReply> Send(IActorRef breaker, ExchangeRequest request) =>
        breaker.Ask<ExchangeReply>(request, TimeSpan.FromSeconds(10));

    private static GetPrice Price => new("binance", "BTCUSDT");

    [Fact]
    public async Task An_outage_opens_the_breaker_and_the_recovery_closes_it()
    {
        var breaker = Breaker();
        await Binance.Faults.SetAsync(new FaultSettings { Outage = true });

        for (var call = 0; call < 3; call++)
            Assert.Equal(FailureKind.ConnectionFailed, Replies.Is<ExchangeFailed>(await Send(breaker, Price)).Kind);
        Replies.Is<CircuitOpen>(await Send(breaker, Price));

        await Binance.Faults.ClearAsync();
        await AwaitAssertAsync(async () => Assert.Equal(BreakerState.HalfOpen,
            (await breaker.Ask<CircuitBreaker.Status>(new CircuitBreaker.GetStatus("binance"))).State));
        Replies.Is<PriceQuoted>(await Send(breaker, Price));
        Assert.Equal(BreakerState.Closed, (await breaker.Ask<CircuitBreaker.Status>(new CircuitBreaker.GetStatus("binance"))).State);
    }

    [Fact]
    public async Task A_burst_past_the_weight_budget_is_rate_limited_with_its_retry_after_and_opens_the_breaker()
    {
        var breaker = Breaker();

        var replies = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Send(breaker, Price)));

        var limited = replies.OfType<ExchangeFailed>().First(f => f.Kind == FailureKind.RateLimited);
        Assert.Equal(ExecutionOutcome.NotExecuted, limited.Outcome);
        Assert.NotNull(limited.RetryAfter);
        Assert.Equal(BreakerState.Open, (await breaker.Ask<CircuitBreaker.Status>(new CircuitBreaker.GetStatus("binance"))).State);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure_and_the_connector_keeps_serving()
    {
        var breaker = Breaker();
        await Binance.Faults.SetAsync(new FaultSettings { Malformed = 1 });

        Assert.Equal(FailureKind.MalformedResponse, Replies.Is<ExchangeFailed>(await Send(breaker, Price)).Kind);
        await Binance.Faults.ClearAsync();

        Replies.Is<PriceQuoted>(await Send(breaker, Price));
    }

    [Fact]
    public async Task A_bad_signature_is_refused_and_nothing_executes()
    {
        var breaker = Breaker(secret: "not-the-secret");

        var refused = Replies.Is<ExchangeRejected>(await Send(breaker, new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.01m, null, "bad-sig")));

        Assert.Equal(RejectionReason.Unauthorized, refused.Reason);
    }

    [Fact]
    public async Task Every_request_is_answered_while_the_exchange_hangs_fails_and_recovers()
    {
        var breaker = Breaker();
        await Binance.Faults.SetAsync(new FaultSettings { Hang = 0.5, Other5xx = 0.3 });

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Send(breaker, i % 2 == 0
            ? Price
            : new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.01m, null, $"answered-{i}"))));

        Assert.Equal(12, replies.Length);
        Assert.All(replies, reply => Assert.NotNull(reply));
    }

    [Fact]
    public async Task A_ghost_filled_order_times_out_as_unknown_and_its_status_shows_it_filled()
    {
        var breaker = Breaker();
        await Binance.Faults.SetAsync(new FaultSettings { GhostFillDelay = TimeSpan.FromSeconds(30) });

        var failed = Replies.Is<ExchangeFailed>(await Send(breaker, new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.01m, null, "ghost-1")));
        Assert.Equal((FailureKind.Timeout, ExecutionOutcome.Unknown), (failed.Kind, failed.Outcome));
        await Binance.Faults.ClearAsync();

        var found = Replies.Is<OrderFound>(await Send(breaker, new GetOrderStatus("binance", "BTCUSDT", "ghost-1")));
        Assert.Equal(OrderState.Filled, found.Report.State);
    }
}
