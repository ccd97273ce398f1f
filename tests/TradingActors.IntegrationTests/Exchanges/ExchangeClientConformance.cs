using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.TestKit;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>The exchange conditions every client must report the same way.</summary>
public enum Condition { Healthy, Down, OrdersFailAfterExecuting, RateLimited, Malformed, PoorAccount }

/// <summary>
/// One suite for every <see cref="IExchangeClient"/>: the same orders, prices, rejections and faults must
/// give the same reply kinds through the engine, whichever client reaches the exchange. Each request
/// goes through a breaker and the exchange connector, exactly as in production.
/// </summary>
public abstract class ExchangeClientConformance(ITestOutputHelper output) : TradingEngineTestKit(output, "akka.scheduler.implementation = \"Akka.Actor.HashedWheelTimerScheduler, Akka\"")
{
    // Generous: no breaker decision may get in the way of seeing each reply as the client gave it.
    private static readonly BreakerSettings Patient = BreakerSettings.Defaults with
    {
        FailureThreshold = 1000, CallTimeout = TimeSpan.FromSeconds(10), MaxConcurrentCalls = 100,
    };

    /// <summary>A client for an exchange named "binance" that lists BTCUSDT near 42000 and is in <paramref name="condition"/>.</summary>
    protected abstract Task<IExchangeClient> ExchangeIn(Condition condition);

    private async Task<ExchangeReply> Send(Condition condition, ExchangeRequest request) => (await SendInTurn(condition, request)).Single();

    /// <summary>Sends the requests one after the other to one exchange, each once the one before is answered.</summary>
    private async Task<IReadOnlyList<ExchangeReply>> SendInTurn(Condition condition, params ExchangeRequest[] requests)
    {
        var breaker = Sys.ActorOf(CircuitBreaker.Props("binance", Patient, Exchange(await ExchangeIn(condition))));
        var replies = new List<ExchangeReply>();
        foreach (var request in requests)
            replies.Add(await breaker.Ask<ExchangeReply>(request, TimeSpan.FromSeconds(15)));
        return replies;
    }

    private static PlaceOrder Market(string id) => new("binance", "BTCUSDT", OrderSide.Buy, 0.01m, null, id);

    [Fact]
    public async Task A_market_order_fills()
    {
        var placed = Replies.Is<OrderPlaced>(await Send(Condition.Healthy, Market("conf-market")));

        Assert.Equal((OrderState.Filled, 0.01m, "conf-market"), (placed.Report.State, placed.Report.FilledQuantity, placed.Report.ClientOrderId));
        Assert.InRange(placed.Report.AveragePrice!.Value, 30_000, 60_000);
    }

    [Fact]
    public async Task A_price_is_quoted()
    {
        var quoted = Replies.Is<PriceQuoted>(await Send(Condition.Healthy, new GetPrice("binance", "BTCUSDT")));

        Assert.InRange(quoted.Price, 30_000, 60_000);
    }

    [Fact]
    public async Task The_open_orders_are_listed_and_a_filled_one_is_not()
    {
        var replies = await SendInTurn(Condition.Healthy,
            new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.01m, 1_000m, "conf-resting"), Market("conf-filled"),
            new GetOpenOrders("binance"));

        var listed = Replies.Is<OpenOrdersListed>(replies[^1]);
        var resting = Assert.Single(listed.Orders);
        Assert.Equal(("conf-resting", OrderState.New, 0.01m), (resting.ClientOrderId, resting.State, resting.Quantity));
    }

    [Fact]
    public async Task An_unknown_symbol_is_a_rejection()
    {
        var rejected = Replies.Is<ExchangeRejected>(await Send(Condition.Healthy, new GetPrice("binance", "NOPEUSDT")));

        Assert.Equal(RejectionReason.UnknownSymbol, rejected.Reason);
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_a_rejection()
    {
        var rejected = Replies.Is<ExchangeRejected>(await Send(Condition.Healthy, new CancelOrder("binance", "BTCUSDT", "conf-never-placed")));

        Assert.Equal(RejectionReason.UnknownOrder, rejected.Reason);
    }

    [Fact]
    public async Task An_order_the_account_cannot_afford_is_a_rejection()
    {
        var rejected = Replies.Is<ExchangeRejected>(await Send(Condition.PoorAccount, Market("conf-poor")));

        Assert.Equal(RejectionReason.InsufficientFunds, rejected.Reason);
    }

    [Fact]
    public async Task A_down_exchange_did_not_execute_the_order()
    {
        var failed = Replies.Is<ExchangeFailed>(await Send(Condition.Down, Market("conf-down")));

        Assert.Equal((FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted), (failed.Kind, failed.Outcome));
    }

    [Fact]
    public async Task A_server_error_after_executing_leaves_the_order_outcome_unknown()
    {
        var failed = Replies.Is<ExchangeFailed>(await Send(Condition.OrdersFailAfterExecuting, Market("conf-5xx")));

        Assert.Equal((FailureKind.ServerError, ExecutionOutcome.Unknown), (failed.Kind, failed.Outcome));
        Assert.False(failed.IsSafeToRetry);
    }

    [Fact]
    public async Task A_rate_limit_did_not_execute_and_says_when_to_come_back()
    {
        var failed = Replies.Is<ExchangeFailed>(await Send(Condition.RateLimited, Market("conf-429")));

        Assert.Equal((FailureKind.RateLimited, ExecutionOutcome.NotExecuted), (failed.Kind, failed.Outcome));
        Assert.NotNull(failed.RetryAfter);
    }

    [Fact]
    public async Task A_malformed_reply_is_a_failure_not_a_crash()
    {
        var failed = Replies.Is<ExchangeFailed>(await Send(Condition.Malformed, new GetPrice("binance", "BTCUSDT")));

        Assert.Equal(FailureKind.MalformedResponse, failed.Kind);
    }
}
