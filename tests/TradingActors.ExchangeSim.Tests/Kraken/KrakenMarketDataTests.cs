using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Kraken;

public sealed class KrakenMarketDataTests
{
    [Fact]
    public async Task TimeAnswersTheServersUnixTime()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        var result = await (await client.Http.GetAsync("0/public/Time")).ResultAsync();

        Assert.InRange(result.GetProperty("unixtime").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
    }

    [Fact]
    public async Task SystemStatusSaysOnline()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        Assert.Equal("online", (await (await client.Http.GetAsync("0/public/SystemStatus")).ResultAsync()).Text("status"));
    }

    [Fact]
    public async Task TickerIsKeyedByThePairsKrakenNameWithTheLastTradeFirst()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        var result = await (await client.Http.GetAsync("0/public/Ticker?pair=XBTUSDT")).ResultAsync();

        Assert.Equal(42000m, result.GetProperty("XBTUSDT").GetProperty("c")[0].Amount());
    }

    [Fact]
    public async Task TickerTakesTheWebSocketNameAndAnswersUnderTheRestName()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        var result = await (await client.Http.GetAsync("0/public/Ticker?pair=BTC/USDT")).ResultAsync();

        Assert.Equal(["XBTUSDT"], result.EnumerateObject().Select(pair => pair.Name));
    }

    [Fact]
    public async Task TickerWithoutAPairListsEveryPair()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        var result = await (await client.Http.GetAsync("0/public/Ticker")).ResultAsync();

        Assert.Equal(["XBTUSDT", "ETHUSDT"], result.EnumerateObject().Select(pair => pair.Name));
    }

    [Fact]
    public async Task AnUnknownPairIsRefusedWithHttp200()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.Http.GetAsync("0/public/Ticker?pair=NOPEUSDT")).AssertErrorAsync("EQuery:Unknown asset pair");
    }

    [Fact]
    public async Task TheBinanceApiIsNotServed()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        Assert.Equal(404, (int)(await client.Http.GetAsync("api/v3/ping")).StatusCode);
    }
}
