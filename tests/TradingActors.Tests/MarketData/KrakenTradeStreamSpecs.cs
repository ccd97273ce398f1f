using System.Text;
using TradingActors.Exchanges.Kraken;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>Kraken's WebSocket v2 trade channel as a feed reads it: BASE/QUOTE symbols, JSON numbers, RFC 3339 times.</summary>
public sealed class KrakenTradeStreamSpecs
{
    private static readonly KrakenTradeStream Stream = new(["BTCUSDT", "ETHUSD"]);

    private static (TradeStreamProtocol.Frame? Frame, List<TradeStreamProtocol.Trade> Trades) Read(string frame)
    {
        var trades = new List<TradeStreamProtocol.Trade>();
        return (Stream.Read(Encoding.UTF8.GetBytes(frame), trades), trades);
    }

    [Fact]
    public void Every_trade_of_a_message_is_read_under_the_engines_symbol_with_numbers_read_exactly_into_decimals()
    {
        var (frame, trades) = Read("""
            {"channel":"trade","type":"update","data":[
              {"symbol":"BTC/USDT","side":"buy","price":42123.45678901,"qty":0.00000001,"ord_type":"limit","trade_id":4665906,"timestamp":"2023-09-25T07:49:37.708706Z"},
              {"symbol":"ETH/USD","side":"sell","price":1500.1,"qty":3,"ord_type":"market","trade_id":77,"timestamp":"2023-09-25T07:49:38Z"}]}
            """);

        Assert.Null(frame);
        Assert.Equal(
            [("BTCUSDT", 4665906L, 42123.45678901m, 0.00000001m, new DateTimeOffset(2023, 9, 25, 7, 49, 37, TimeSpan.Zero).AddTicks(7087060)),
             ("ETHUSD", 77L, 1500.1m, 3m, new DateTimeOffset(2023, 9, 25, 7, 49, 38, TimeSpan.Zero))],
            trades.Select(t => (t.Symbol, t.Id, t.Price, t.Quantity, t.Time)));
    }

    [Fact]
    public void A_pair_not_subscribed_to_is_named_the_engines_way()
    {
        var (_, trades) = Read("""{"channel":"trade","type":"update","data":[{"symbol":"SOL/EUR","price":1,"qty":1,"trade_id":1,"timestamp":"2023-09-25T07:49:38Z"}]}""");

        Assert.Equal("SOLEUR", Assert.Single(trades).Symbol);
    }

    [Theory]
    [InlineData("""{"channel":"trade","data":[{"symbol":"BTC/USDT","price":"42000","qty":1,"trade_id":1,"timestamp":"2023-09-25T07:49:38Z"}]}""")]
    [InlineData("""{"channel":"trade","data":[{"symbol":"BTC/USDT","price":42000,"qty":1,"trade_id":1.5,"timestamp":"2023-09-25T07:49:38Z"}]}""")]
    [InlineData("""{"channel":"trade","data":[{"symbol":"BTC/USDT","price":42000,"qty":1,"trade_id":1,"timestamp":1695628178}]}""")]
    [InlineData("""{"channel":"trade","data":[{"symbol":"BTC/USDT","price":42000,"qty":1,"timestamp":"2023-09-25T07:49:38Z"}]}""")]
    [InlineData("""{"channel":"trade","data":[{"symbol":"BTC/USDT","price":1e40,"qty":1,"trade_id":1,"timestamp":"2023-09-25T07:49:38Z"}]}""")]
    [InlineData("""{"channel":"book","data":[{"symbol":"BTC/USDT","price":42000,"qty":1,"trade_id":1,"timestamp":"2023-09-25T07:49:38Z"}]}""")]
    [InlineData("""{"channel":"trade","data":[{"symbol":"BTC/USDT","price":42000,"qty":1,"trade_id":1,"timestamp":"2023-09-25T07:49:38Z"}""")]
    public void A_message_that_is_not_exactly_trades_or_an_answer_is_unreadable_and_yields_no_trade(string text)
    {
        var (frame, trades) = Read(text);

        Assert.IsType<TradeStreamProtocol.Unreadable>(frame);
        Assert.Empty(trades);
    }

    [Fact]
    public void A_refused_subscription_is_an_answer_with_krakens_error()
    {
        var (frame, _) = Read("""{"error":"Currency pair not supported XYZ/USD","method":"subscribe","success":false,"symbol":"XYZ/USD","time_in":"2023-09-25T07:49:38.000000Z","time_out":"2023-09-25T07:49:38.000001Z","req_id":1}""");

        Assert.Equal("Currency pair not supported XYZ/USD", Assert.IsType<TradeStreamProtocol.Answer>(frame).Problem);
    }

    [Theory]
    [InlineData("""{"channel":"heartbeat"}""")]
    [InlineData("""{"channel":"status","type":"update","data":[{"api_version":"v2","connection_id":1,"system":"online","version":"2.0.0"}]}""")]
    [InlineData("""{"method":"pong","req_id":5,"time_in":"2023-09-25T07:49:38.000000Z","time_out":"2023-09-25T07:49:38.000001Z"}""")]
    public void Heartbeats_statuses_and_pongs_are_notices(string text)
    {
        Assert.IsType<TradeStreamProtocol.Notice>(Read(text).Frame);
    }

    [Fact]
    public void The_subscription_names_the_pairs_the_websocket_way_in_one_request()
    {
        Assert.Equal(["""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USDT","ETH/USD"],"snapshot":false},"req_id":1}"""],
            Stream.Subscription);
    }
}
