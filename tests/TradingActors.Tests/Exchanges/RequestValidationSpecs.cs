using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Exchanges;

/// <summary>An invalid request is refused before it reaches an exchange, in every state, and counted nowhere.</summary>
public sealed class RequestValidationSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    public static TheoryData<string, ExchangeRequest> InvalidRequests() => new()
    {
        { "empty symbol", new GetPrice("binance", " ") },
        { "zero quantity", new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0, null, "a1") },
        { "negative quantity", new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, -1, null, "a1") },
        { "negative price", new PlaceOrder("binance", "BTCUSDT", OrderSide.Sell, 1, -5, "a1") },
        { "zero price", new PlaceOrder("binance", "BTCUSDT", OrderSide.Sell, 1, 0, "a1") },
        { "no client order id", new PlaceOrder("binance", "BTCUSDT", OrderSide.Sell, 1, null, "") },
        { "client order id with a space", new CancelOrder("binance", "BTCUSDT", "my order") },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void An_invalid_request_never_reaches_the_exchange_and_is_counted_nowhere(string why, ExchangeRequest request)
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, BreakerSettings.Defaults);

        var invalid = Ask<InvalidRequest>(breaker, request);

        Assert.False(string.IsNullOrEmpty(invalid.Reason), why);
        exchange.ExpectNoMsg(TimeSpan.Zero);
        var metrics = StatusOf(breaker).Metrics;
        Assert.Equal((0L, 0L), (metrics.Total, metrics.Rejected));
    }

    [Fact]
    public void An_invalid_request_to_an_open_breaker_is_answered_invalid_not_circuit_open()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, BreakerSettings.Defaults with { FailureThreshold = 1 });
        breaker.Tell(Price(), TestActor);
        exchange.Reply(new ExchangeFailed(exchange.ExpectMsg<GetPrice>(), FailureKind.ServerError, ExecutionOutcome.Unknown, null, "down"));
        ExpectMsg<ExchangeFailed>();

        Ask<InvalidRequest>(breaker, new GetPrice("binance", ""));

        Assert.Equal(0, StatusOf(breaker).Metrics.Rejected);
    }

    [Fact]
    public void A_limit_order_with_a_valid_price_passes()
    {
        Assert.Null(RequestValidation.Problem(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.5m, 42_000.5m, "grid-17:b")));
    }

    [Fact]
    public void An_order_given_an_id_by_the_engine_has_a_valid_id_of_its_own()
    {
        var first = PlaceOrder.WithNewId("binance", "BTCUSDT", OrderSide.Buy, 0.5m);
        var second = PlaceOrder.WithNewId("binance", "BTCUSDT", OrderSide.Buy, 0.5m);

        Assert.Null(RequestValidation.Problem(first));
        Assert.NotEqual(first.ClientOrderId, second.ClientOrderId);
    }
}
