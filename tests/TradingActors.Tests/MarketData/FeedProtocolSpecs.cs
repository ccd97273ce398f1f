using TradingActors.Exchanges;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>A feed speaks its exchange's protocol: what it subscribes with, what it keeps the socket open with, how it counts ids.</summary>
public sealed class FeedProtocolSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    private static readonly FeedSettings Bybit = Settings with { Protocol = ExchangeProtocol.Bybit, Backup = null, StaleAfter = S(60) };
    private static readonly FeedSettings Kraken = Settings with { Protocol = ExchangeProtocol.Kraken, Backup = null };

    private static string BybitTrade(long id, string price = "42000") =>
        $$"""{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1,"data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":"1","p":"{{price}}","i":"{{id}}","BT":false}]}""";

    [Fact]
    public void A_bybit_feed_subscribes_to_its_symbols_public_trade_topics()
    {
        var stream = Accept(StartFeed(Bybit), Primary);

        Assert.Equal(["""{"op":"subscribe","req_id":"1","args":["publicTrade.BTCUSDT","publicTrade.ETHUSDT"]}"""], stream.Sent);
    }

    [Fact]
    public void A_bybit_feed_pings_every_20_seconds_while_it_streams()
    {
        var feed = StartFeed(Bybit);
        var stream = Accept(feed, Primary);

        Advance(feed, S(19.9));
        Assert.Single(stream.Sent);
        Advance(feed, S(0.1));
        AwaitAssert(() => Assert.Equal("""{"op":"ping"}""", stream.Sent.Last()), null, Poll);
        Advance(feed, S(20));
        AwaitAssert(() => Assert.Equal(3, stream.Sent.Count), null, Poll);
    }

    [Fact]
    public void A_bybit_feed_counts_no_gap_when_ids_jump_because_bybit_numbers_trades_across_symbols()
    {
        var feed = StartFeed(Bybit);
        Subscribe(feed);
        var stream = Accept(feed, Primary);

        stream.Push(BybitTrade(100));
        ExpectMsg<FeedTick>(tick => tick.TradeId == 100);
        stream.Push(BybitTrade(107));
        ExpectMsg<FeedTick>(tick => tick.TradeId == 107);

        Assert.Equal(0, StatusOf(feed).Counts.Gaps);
    }

    [Fact]
    public void A_bybit_trade_seen_again_is_still_dropped()
    {
        var feed = StartFeed(Bybit);
        Subscribe(feed);
        var stream = Accept(feed, Primary);

        stream.Push(BybitTrade(100));
        ExpectMsg<FeedTick>(tick => tick.TradeId == 100);
        stream.Push(BybitTrade(100, "1"));

        AwaitAssert(() => Assert.Equal(1, StatusOf(feed).Counts.Duplicates), null, Poll);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Every_trade_of_a_kraken_message_becomes_a_tick_and_a_jump_in_its_ids_is_a_gap()
    {
        var feed = StartFeed(Kraken);
        Subscribe(feed);
        var stream = Accept(feed, Primary);

        stream.Push("""
            {"channel":"trade","type":"update","data":[
              {"symbol":"BTC/USDT","side":"buy","price":42000.5,"qty":1,"ord_type":"limit","trade_id":1,"timestamp":"2023-09-25T07:49:37Z"},
              {"symbol":"BTC/USDT","side":"buy","price":42001,"qty":2,"ord_type":"limit","trade_id":2,"timestamp":"2023-09-25T07:49:37Z"},
              {"symbol":"BTC/USDT","side":"sell","price":42002,"qty":3,"ord_type":"limit","trade_id":5,"timestamp":"2023-09-25T07:49:38Z"}]}
            """);

        Assert.Equal([42000.5m, 42001m, 42002m], Enumerable.Range(0, 3).Select(_ => ExpectMsg<FeedTick>().Price));
        Assert.Equal((1L, 2L), (StatusOf(feed).Counts.Gaps, StatusOf(feed).Counts.MissedTicks));
    }

    [Fact]
    public void A_kraken_heartbeat_keeps_a_quiet_feed_from_going_stale()
    {
        var feed = StartFeed(Kraken);
        var stream = Accept(feed, Primary);

        for (var second = 0; second < 15; second++)
        {
            stream.Push("""{"channel":"heartbeat"}""");
            Advance(feed, S(1));
        }

        Assert.Equal(FeedState.Connected, StatusOf(feed).State);
    }
}
