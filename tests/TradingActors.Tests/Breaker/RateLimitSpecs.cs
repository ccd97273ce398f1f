using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.Tests.Breaker;

/// <summary>
/// A rate limit with a retry-after opens the breaker for at least that long, before the exchange bans the engine;
/// a request the rate budget keeps back never reaches the exchange, and says nothing against it.
/// </summary>
public sealed class RateLimitSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 5, OpenTimeout = TimeSpan.FromSeconds(30), MaxRetries = 3,
    };

    [Fact]
    public void One_rate_limit_opens_the_breaker_for_its_retry_after_when_that_is_longer()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);

        FailNext<GetPrice>(exchange, FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromMinutes(2));

        Assert.Equal(FailureKind.RateLimited, ExpectMsg<ExchangeFailed>().Kind);
        Assert.Equal(TimeSpan.FromMinutes(2), Ask<CircuitOpen>(breaker, Price()).RetryAfter);
    }

    [Fact]
    public void A_short_retry_after_still_opens_for_the_full_open_timeout()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);

        FailNext<GetPrice>(exchange, FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromSeconds(1));
        ExpectMsg<ExchangeFailed>();

        Assert.Equal(Settings.OpenTimeout, Ask<CircuitOpen>(breaker, Price()).RetryAfter);
    }

    [Fact]
    public void Requests_the_rate_budget_kept_from_the_exchange_are_answered_so_and_never_open_the_breaker()
    {
        var exchange = new SpentBudget(new SimulatedExchangeClient(Sys.Scheduler).WithPrice("BTCUSDT", 42_000));
        var breaker = BreakerOver(exchange, Settings with { FailureThreshold = 1 });

        var spared = Enumerable.Range(0, 3).Select(_ => Ask<RateBudgetExhausted>(breaker, Price())).ToList();

        Assert.All(spared, reply => Assert.Equal(TimeSpan.FromSeconds(20), reply.RetryAfter));
        Assert.Equal((BreakerState.Closed, 0), (StatusOf(breaker).State, exchange.Calls));
    }

    /// <summary>A client whose budget is spent: it refuses every request, and counts what reaches it all the same.</summary>
    private sealed class SpentBudget(IExchangeClient exchange) : IExchangeClient, IRateBudgeted
    {
        public int Calls { get; private set; }

        public RateBudgetExhausted? Admit(ExchangeRequest request) => new(request, TimeSpan.FromSeconds(20), "spent");

        public ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation)
        {
            Calls++;
            return exchange.GetPriceAsync(query, cancellation);
        }

        public ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation) => throw new NotSupportedException();
        public ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation) => throw new NotSupportedException();
        public ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation) => throw new NotSupportedException();
        public ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation) => throw new NotSupportedException();
        public ValueTask PingAsync(CancellationToken cancellation) => throw new NotSupportedException();
    }
}
