using System.Text;
using TradingActors.Exchanges.Bybit;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>Bybit v5's public spot stream as a feed reads it: trade messages hold lists of trades, answers say success.</summary>
public sealed class BybitTradeStreamSpecs
{
    private static readonly BybitTradeStream Stream = new(["BTCUSDT"]);

    private static (TradeStreamProtocol.Frame? Frame, List<TradeStreamProtocol.Trade> Trades) Read(string frame)
    {
        var trades = new List<TradeStreamProtocol.Trade>();
        return (Stream.Read(Encoding.UTF8.GetBytes(frame), trades), trades);
    }

    [Fact]
    public void Every_trade_of_a_message_is_read_in_order_with_exact_decimals_and_its_id_from_digits()
    {
        var (frame, trades) = Read("""
            {"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1700000000200,"data":[
              {"T":1700000000123,"s":"BTCUSDT","S":"Buy","v":"0.00000001","p":"42123.45678901","i":"2290000000036455162","BT":false},
              {"T":1700000000124,"s":"BTCUSDT","S":"Sell","v":"2","p":"42123.4","i":"2290000000036455170","BT":false}]}
            """);

        Assert.Null(frame);
        Assert.Equal(
            [("BTCUSDT", 2290000000036455162L, 42123.45678901m, 0.00000001m, DateTimeOffset.FromUnixTimeMilliseconds(1700000000123)),
             ("BTCUSDT", 2290000000036455170L, 42123.4m, 2m, DateTimeOffset.FromUnixTimeMilliseconds(1700000000124))],
            trades.Select(t => (t.Symbol, t.Id, t.Price, t.Quantity, t.Time)));
    }

    [Theory]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","v":"1","p":42000.5,"i":"1"}]}""")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","v":"1","p":"42000","i":"20f43950-d8dd-5b31-9112-a178eb6023af"}]}""")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","v":"1","p":"42000"}]}""")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[]}""")]
    [InlineData("""{"topic":"orderbook.50.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","v":"1","p":"42000","i":"1"}]}""")]
    [InlineData("""{"topic":"publicTrade.BTCUSDT","data":[{"T":1,"s":"BTCUSDT","v":"1","p":"42000","i":"1"}""")]
    [InlineData("""{"ts":1}""")]
    public void A_message_that_is_not_exactly_trades_or_an_answer_is_unreadable_and_yields_no_trade(string text)
    {
        var (frame, trades) = Read(text);

        Assert.IsType<TradeStreamProtocol.Unreadable>(frame);
        Assert.Empty(trades);
    }

    [Fact]
    public void A_refused_subscription_is_an_answer_with_bybits_message()
    {
        var (frame, _) = Read("""{"success":false,"ret_msg":"Invalid symbol :[publicTrade.XYZ]","conn_id":"c1","req_id":"1","op":"subscribe"}""");

        Assert.Equal("Invalid symbol :[publicTrade.XYZ]", Assert.IsType<TradeStreamProtocol.Answer>(frame).Problem);
    }

    [Fact]
    public void An_accepted_subscription_is_an_answer_without_a_problem()
    {
        Assert.Null(Assert.IsType<TradeStreamProtocol.Answer>(
            Read("""{"success":true,"ret_msg":"subscribe","conn_id":"c1","req_id":"1","op":"subscribe"}""").Frame).Problem);
    }

    [Fact]
    public void A_pong_is_a_notice()
    {
        Assert.IsType<TradeStreamProtocol.Notice>(
            Read("""{"success":true,"ret_msg":"pong","conn_id":"c1","req_id":"","op":"ping"}""").Frame);
    }

    [Fact]
    public void The_subscription_asks_for_at_most_ten_topics_a_request()
    {
        var symbols = Enumerable.Range(1, 12).Select(i => $"C{i}USDT").ToArray();

        var requests = new BybitTradeStream(symbols).Subscription;

        Assert.Equal(2, requests.Count);
        Assert.StartsWith("""{"op":"subscribe","req_id":"1","args":["publicTrade.C1USDT",""", requests[0]);
        Assert.Equal("""{"op":"subscribe","req_id":"2","args":["publicTrade.C11USDT","publicTrade.C12USDT"]}""", requests[1]);
    }

    [Fact]
    public void The_feed_pings_bybit_every_20_seconds_and_counts_no_gaps_in_ids_shared_across_symbols()
    {
        Assert.Equal(new TradeStreamProtocol.KeepAlive("""{"op":"ping"}""", TimeSpan.FromSeconds(20)), Stream.KeepAlives);
        Assert.False(Stream.NumbersTradesBySymbol);
    }
}
