using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Rest;

public sealed class MarketDataTests
{
    [Fact]
    public async Task PingAnswersAnEmptyObject()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.Http.GetAsync("api/v3/ping");

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TimeAnswersTheServerTimeInMilliseconds()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var time = await (await client.Http.GetAsync("api/v3/time")).SuccessJsonAsync();

        Assert.InRange(time.GetProperty("serverTime").GetInt64(), BinanceClient.Now - 5000, BinanceClient.Now);
    }

    [Fact]
    public async Task TickerPriceAnswersThePriceAsAString()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var ticker = await (await client.Http.GetAsync("api/v3/ticker/price?symbol=BTCUSDT")).SuccessJsonAsync();

        Assert.Equal("BTCUSDT", ticker.Text("symbol"));
        Assert.Equal("42000.00000000", ticker.Text("price"));
    }

    [Fact]
    public async Task UnknownSymbolIsRefusedAsInvalidSymbol()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.Http.GetAsync("api/v3/ticker/price?symbol=DOGEUSDT");

        await response.AssertErrorAsync(400, -1121, "Invalid symbol.");
    }

    [Fact]
    public async Task EveryResponseCarriesTheWeightUsedInTheWindow()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var ping = await client.Http.GetAsync("api/v3/ping");
        var refused = await client.Http.GetAsync("api/v3/ticker/price?symbol=DOGEUSDT");

        Assert.Equal("1", ping.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single());
        Assert.Equal("3", refused.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single());
    }
}
