using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Streams;

public sealed class TradeStreamTests
{
    [Fact]
    public async Task RawStreamSendsBinanceTradeEvents()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "ws/btcusdt@trade");

        simulator.Binance().Tick();

        var trade = await stream.ReceiveJsonAsync();
        Assert.Equal("trade", trade.Text("e"));
        Assert.Equal("BTCUSDT", trade.Text("s"));
        Assert.True(trade.Amount("p") > 0);
        Assert.True(trade.Amount("q") > 0);
        Assert.True(trade.GetProperty("T").GetInt64() > 0);
    }

    [Fact]
    public async Task TradeIdsIncreaseByExactlyOnePerSymbol()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "ws/btcusdt@trade");

        simulator.Binance().Tick(5);

        var ids = new List<long>();
        for (var frame = 0; frame < 5; frame++)
            ids.Add((await stream.ReceiveJsonAsync()).GetProperty("t").GetInt64());
        Assert.Equal(Enumerable.Range((int)ids[0], 5).Select(id => (long)id), ids);
    }

    [Fact]
    public async Task OwnFillIsPrintedOnTheTradeStreamInSequence()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "ws/btcusdt@trade");
        using var client = new BinanceClient(simulator.Binance());

        simulator.Binance().Tick();
        var fill = await (await client.PlaceAsync("BUY", "MARKET", "0.01234")).SuccessJsonAsync();
        simulator.Binance().Tick();

        var (market, own, next) = (await stream.ReceiveJsonAsync(), await stream.ReceiveJsonAsync(), await stream.ReceiveJsonAsync());
        Assert.Equal(0.01234m, own.Amount("q"));
        Assert.Equal(fill.GetProperty("fills")[0].GetProperty("tradeId").GetInt64(), own.GetProperty("t").GetInt64());
        Assert.Equal(market.GetProperty("t").GetInt64() + 1, own.GetProperty("t").GetInt64());
        Assert.Equal(own.GetProperty("t").GetInt64() + 1, next.GetProperty("t").GetInt64());
    }

    [Fact]
    public async Task CombinedStreamAnswersSubscribeAndWrapsEventsWithTheirStreamName()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "stream");

        await stream.SendAsync("""{"method":"SUBSCRIBE","params":["ethusdt@trade"],"id":1}""");

        var reply = await stream.ReceiveJsonAsync();
        Assert.Equal("""{"result":null,"id":1}""", reply.GetRawText());
        simulator.Binance().Tick();
        var frame = await stream.ReceiveJsonAsync();
        Assert.Equal("ethusdt@trade", frame.Text("stream"));
        Assert.Equal("ETHUSDT", frame.GetProperty("data").Text("s"));
    }

    [Fact]
    public async Task TickerPublishesTradesAtTheConfiguredInterval()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(TestSimulator.Options() with { TickInterval = TimeSpan.FromMilliseconds(5) });
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "ws/btcusdt@trade");

        var first = (await stream.ReceiveJsonAsync()).GetProperty("t").GetInt64();
        var second = (await stream.ReceiveJsonAsync()).GetProperty("t").GetInt64();

        Assert.Equal(first + 1, second);
    }

    [Fact]
    public async Task TickerAtATradeRatePublishesABatchOfTradesPerTickWithConsecutiveIds()
    {
        // 20,000 trades a second from a 50 ms timer: 1,000 a tick; at one trade a tick, 2,000 would take 100 s.
        var options = TestSimulator.Options() with { TickInterval = TimeSpan.FromMilliseconds(50), TradeRate = 20_000 };
        await using var simulator = await ExchangeSimulator.StartAsync(options);
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "ws/btcusdt@trade");

        var receiving = ReceiveIdsAsync(stream, 2_000);
        Assert.Same(receiving, await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(20))));

        var ids = await receiving;
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => ids[0] + i), ids);
    }

    private static async Task<List<long>> ReceiveIdsAsync(TradeStreamClient stream, int count)
    {
        var ids = new List<long>(count);
        while (ids.Count < count)
            ids.Add((await stream.ReceiveJsonAsync()).GetProperty("t").GetInt64());
        return ids;
    }
}
