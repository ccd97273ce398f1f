using System.Text;
using TradingActors.Exchanges.Binance;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>Binance's frames are read from their UTF-8 bytes in one pass, as strictly as a parsed document would be.</summary>
public sealed class BinanceTradeStreamSpecs
{
    // A trade, or the frame that is not one, for Assert.IsType to tell apart.
    private static object Read(string frame, params IReadOnlyList<string> symbols)
    {
        var trades = new List<TradeStreamProtocol.Trade>();
        return new BinanceTradeStream(symbols).Read(Encoding.UTF8.GetBytes(frame), trades) ?? (object)Assert.Single(trades);
    }

    [Fact]
    public void A_combined_streams_trade_is_read_with_exact_decimal_price_and_quantity()
    {
        var trade = Assert.IsType<TradeStreamProtocol.Trade>(Read(
            """{"stream":"btcusdt@trade","data":{"e":"trade","E":1,"s":"BTCUSDT","t":9007199254740993,"p":"42123.45678901","q":"0.00000001","T":1700000000123,"m":false,"M":true}}"""));

        Assert.Equal(("BTCUSDT", 9007199254740993L, 42123.45678901m, 0.00000001m, DateTimeOffset.FromUnixTimeMilliseconds(1700000000123)),
            (trade.Symbol, trade.Id, trade.Price, trade.Quantity, trade.Time));
    }

    [Fact]
    public void The_fields_of_a_trade_may_come_in_any_order_and_with_escapes()
    {
        var trade = Assert.IsType<TradeStreamProtocol.Trade>(Read(
            """{"data":{"T":5,"q":"1","p":"\u0034\u0032.5","t":3,"s":"ETH\u0055SDT","e":"trade"},"stream":"ethusdt@trade"}"""));

        Assert.Equal(("ETHUSDT", 3L, 42.5m), (trade.Symbol, trade.Id, trade.Price));
    }

    [Theory]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":42000.5,"q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"4.2e4","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":" 42000","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"NaN","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1.5,"p":"42000","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"","t":1,"p":"42000","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","p":"42000","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"42000","q":"1","T":1} {}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"42000","q":"1","T":1""")]
    [InlineData("""[1, 2]""")]
    [InlineData("")]
    [InlineData("""{"stream":"btcusdt@trade","data":"nothing"}""")]
    public void A_frame_that_is_not_exactly_a_trade_or_an_answer_is_unreadable(string frame)
    {
        Assert.IsType<TradeStreamProtocol.Unreadable>(Read(frame));
    }

    [Fact]
    public void A_trade_of_a_subscribed_symbol_takes_the_feeds_own_string_and_any_other_symbol_is_read_as_it_comes()
    {
        var subscribed = string.Concat("BTC", "USDT");

        var known = Assert.IsType<TradeStreamProtocol.Trade>(Read(Frame("BTCUSDT"), subscribed));
        var other = Assert.IsType<TradeStreamProtocol.Trade>(Read(Frame("ETHUSDT"), subscribed));

        Assert.Same(subscribed, known.Symbol);
        Assert.Equal("ETHUSDT", other.Symbol);
    }

    private static string Frame(string symbol) => "{\"e\":\"trade\",\"s\":\"" + symbol + "\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1}";

    [Fact]
    public void A_refusal_keeps_the_endpoints_error_as_it_was_written()
    {
        var answer = Assert.IsType<TradeStreamProtocol.Answer>(Read("""{"error":{"code":2,"msg":"Invalid request"},"id":1}"""));

        Assert.Equal("""{"code":2,"msg":"Invalid request"}""", answer.Problem);
    }

    [Fact]
    public void An_acceptance_is_an_answer_without_a_problem()
    {
        Assert.Null(Assert.IsType<TradeStreamProtocol.Answer>(Read("""{"result":null,"id":1}""")).Problem);
    }

    [Fact]
    public void A_trade_outside_the_data_of_a_combined_stream_is_not_its_trade()
    {
        Assert.IsType<TradeStreamProtocol.Unreadable>(Read(
            """{"e":"trade","s":"BTCUSDT","t":1,"p":"42000","q":"1","T":1,"data":{"e":"kline"}}"""));
    }

    [Fact]
    public void The_subscription_names_each_symbols_trade_stream_in_one_request()
    {
        Assert.Equal(["""{"method":"SUBSCRIBE","params":["btcusdt@trade","ethusdt@trade"],"id":1}"""],
            new BinanceTradeStream(["BTCUSDT", "ETHUSDT"]).Subscription);
    }
}
