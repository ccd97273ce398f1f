using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Tests.Orders.UserData;

/// <summary>An <c>executionReport</c> on the user data stream is the ledger's <see cref="OrderLedger.ExecutionReported"/>, read exactly.</summary>
public sealed class ExecutionReportSpecs
{
    private static readonly DateTimeOffset TransactionTime = DateTimeOffset.FromUnixTimeMilliseconds(1796190220909);

    private static readonly BinanceUserData Protocol = new("binance", new BinanceSettings(new Uri("https://api.test/"), "test-key", "test-secret", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)));

    private static OrderLedger.ExecutionReported Read(string frame) =>
        Assert.Single(Assert.IsType<UserDataProtocol.Execution>(Protocol.Read(frame)).Reported);

    [Fact]
    public void A_trade_is_reported_with_the_order_as_it_stands_and_the_trade_by_its_id()
    {
        var reported = Read(UserDataFrames.Filled("my-order-1", tradeId: 77));

        Assert.Equal(new OrderLedger.ExecutionReported("binance",
            new OrderReport("my-order-1", "7", "BTCUSDT", OrderSide.Buy, OrderState.Filled, 0.01000000m, 0.01000000m, 42_000m),
            new Trade(77, 0.01000000m, 42_000.00000000m), TransactionTime), reported);
    }

    [Fact]
    public void Quantities_and_prices_keep_the_exchanges_eight_decimals()
    {
        var reported = Read(UserDataFrames.Filled());

        Assert.Equal(("0.01000000", "42000.00000000"), (PlainDecimal.Format(reported.Trade!.Quantity), PlainDecimal.Format(reported.Trade.Price)));
    }

    [Fact]
    public void An_execution_that_is_not_a_trade_carries_no_trade()
    {
        var reported = Read(UserDataFrames.Accepted("my-order-1"));

        Assert.Null(reported.Trade);
        Assert.Equal((OrderState.New, 0m, (decimal?)null), (reported.Report.State, reported.Report.FilledQuantity, reported.Report.AveragePrice));
    }

    [Fact]
    public void A_cancel_is_reported_under_the_orders_own_id_not_the_cancel_requests()
    {
        var reported = Read(UserDataFrames.Cancelled("resting-1", cancelId: "sim-cancel-7"));

        Assert.Equal(("resting-1", OrderState.Cancelled), (reported.Report.ClientOrderId, reported.Report.State));
        Assert.Null(reported.Trade);
    }

    [Fact]
    public void A_trade_id_of_minus_one_is_no_trade_whatever_the_execution_type_says()
    {
        var frame = UserDataFrames.Execution(0, "odd-1", "", "TRADE", "FILLED", "0.01000000", "0.01000000", "42000.00000000", tradeId: -1, "420.00000000");

        Assert.Null(Read(frame).Trade);
    }

    [Theory]
    [InlineData("PARTIALLY_FILLED", OrderState.PartiallyFilled)]
    [InlineData("EXPIRED", OrderState.Expired)]
    [InlineData("EXPIRED_IN_MATCH", OrderState.Expired)]
    [InlineData("REJECTED", OrderState.Rejected)]
    public void Each_order_status_of_binance_is_read_as_its_state(string status, OrderState state)
    {
        var frame = UserDataFrames.Execution(0, "o-1", "", "NEW", status, "0.00000000", "0.00000000", "0.00000000", -1, "0.00000000");

        Assert.Equal(state, Read(frame).Report.State);
    }

    [Theory]
    [InlineData("\"X\":\"FILLED\"", "\"X\":\"SETTLED\"")]        // a status the engine does not know is not guessed at
    [InlineData("\"z\":\"0.01000000\"", "\"z\":\"1E-2\"")]        // an amount that is not a plain decimal
    [InlineData("\"S\":\"BUY\"", "\"S\":\"HOLD\"")]
    [InlineData(",\"i\":7", "")]                                  // a field the ledger needs is missing
    public void A_report_the_engine_cannot_read_exactly_is_unreadable(string field, string replacement)
    {
        var frame = UserDataFrames.Filled().Replace(field, replacement);

        Assert.IsType<UserDataProtocol.Unreadable>(Protocol.Read(frame));
    }

    [Fact]
    public void The_end_of_the_subscription_is_read_as_such() =>
        Assert.Equal(new UserDataProtocol.Terminated(3), Protocol.Read(UserDataFrames.Terminated(3)));

    [Fact]
    public void A_rate_limited_answer_says_how_long_to_wait() =>
        Assert.Equal(new UserDataProtocol.Answer(4, "-1003 Too many requests.", null, TimeSpan.FromSeconds(12)),
            Protocol.Read(UserDataFrames.Limited(4, TimeSpan.FromSeconds(12))));

    [Fact]
    public void The_documented_example_is_signed_as_binance_signs_it() =>
        // From the simulator's README: the payload apiKey=sim-api-key&timestamp=1796190220148, with the account's secret.
        Assert.Equal("0d0bb0506cd86e2df2e695816d573b06dd360599b5245c1df9d263c2154c14ea",
            BinanceUserData.Signature("sim-api-secret", [("timestamp", "1796190220148"), ("apiKey", "sim-api-key")]));
}
