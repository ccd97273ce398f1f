using TradingActors.Exchanges;
using TradingActors.Exchanges.Kraken;
using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Tests.Orders.UserData;

/// <summary>Kraken's executions channel as the stream reads it: each order's news, with its trade when one moved it.</summary>
public sealed class KrakenUserDataSpecs
{
    private static readonly KrakenUserData Protocol =
        new("kraken", new KrakenSettings(new Uri("https://api.test/"), "test-key", "dGVzdC1zZWNyZXQ=", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)));

    private static string Executions(string execution) => $$"""{"channel":"executions","type":"update","data":[{{execution}}]}""";

    private const string Trade =
        """{"order_id":"OABC12-DEF34-GHI567","cl_ord_id":"o-1","symbol":"BTC/USDT","side":"buy","order_type":"limit","order_qty":0.02,"limit_price":42000,"order_status":"partially_filled","exec_type":"trade","cum_qty":0.01,"cum_cost":420.5,"avg_price":42050,"last_qty":0.01,"last_price":42050,"trade_id":991,"exec_id":"TX1","timestamp":"2023-09-25T07:49:37.708706Z"}""";

    [Fact]
    public void A_trade_is_reported_with_the_order_under_the_engines_symbol_and_the_trade_by_its_id()
    {
        var reported = Assert.Single(Assert.IsType<UserDataProtocol.Execution>(Protocol.Read(Executions(Trade))).Reported);

        Assert.Equal(new OrderReport("o-1", "OABC12-DEF34-GHI567", "BTCUSDT", OrderSide.Buy, OrderState.PartiallyFilled, 0.02m, 0.01m, 42_050m),
            reported.Report);
        Assert.Equal(new Trade(991, 0.01m, 42_050m), reported.Trade);
        Assert.Equal(new DateTimeOffset(2023, 9, 25, 7, 49, 37, TimeSpan.Zero).AddTicks(7087060), reported.At);
    }

    [Theory]
    [InlineData("new", OrderState.New)]
    [InlineData("filled", OrderState.Filled)]
    [InlineData("canceled", OrderState.Cancelled)]
    [InlineData("expired", OrderState.Expired)]
    public void A_status_change_carries_no_trade(string status, OrderState state)
    {
        var frame = Executions(Trade.Replace("\"exec_type\":\"trade\"", $"\"exec_type\":\"{status}\"").Replace("partially_filled", status));

        var reported = Assert.Single(Assert.IsType<UserDataProtocol.Execution>(Protocol.Read(frame)).Reported);

        Assert.Equal((state, (Trade?)null), (reported.Report.State, reported.Trade));
    }

    [Theory]
    [InlineData("\"cum_qty\":0.01,", "")]                    // an update with only the fields that changed
    [InlineData("partially_filled", "halted")]              // a status the engine does not know
    [InlineData("\"order_qty\":0.02", "\"order_qty\":\"0.02\"")]
    public void An_execution_the_engine_cannot_read_exactly_is_unreadable(string field, string replacement)
    {
        Assert.IsType<UserDataProtocol.Unreadable>(Protocol.Read(Executions(Trade.Replace(field, replacement))));
    }

    [Fact]
    public void A_refused_subscription_keeps_krakens_error()
    {
        Assert.Equal(new UserDataProtocol.Answer(2, "EGeneral:Invalid arguments:token"), Protocol.Read(
            """{"method":"subscribe","error":"EGeneral:Invalid arguments:token","success":false,"time_in":"2023-09-25T07:49:37.000000Z","time_out":"2023-09-25T07:49:37.000001Z","req_id":2}"""));
    }

    [Fact]
    public void A_pong_is_the_answer_to_its_ping()
    {
        Assert.Equal(new UserDataProtocol.Answer(5, null), Protocol.Read(
            """{"method":"pong","req_id":5,"time_in":"2023-09-25T07:49:37.000000Z","time_out":"2023-09-25T07:49:37.000001Z"}"""));
    }

    [Fact]
    public void The_subscription_carries_the_token_and_asks_for_no_snapshot()
    {
        Assert.Equal("""{"method":"subscribe","params":{"channel":"executions","token":"tok-1","snap_orders":false,"snap_trades":false},"req_id":2}""",
            Protocol.Subscribe(0, 2, DateTimeOffset.UnixEpoch, "tok-1"));
    }
}
