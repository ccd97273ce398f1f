using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;
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
    public async Task TickerPriceForSymbolsAnswersThePricesOfThoseSymbolsOnly()
    {
        await using var simulator = await ThreeSymbolsAsync();
        using var client = new BinanceClient(simulator.Binance());

        var tickers = await (await client.Http.GetAsync("api/v3/ticker/price?symbols=%5B%22BTCUSDT%22,%22SOLUSDT%22%5D")).SuccessJsonAsync();

        Assert.Equal([("BTCUSDT", "42000.00000000"), ("SOLUSDT", "150.00000000")],
            tickers.EnumerateArray().Select(ticker => (ticker.Text("symbol"), ticker.Text("price"))).OrderBy(ticker => ticker.Item1));
    }

    [Fact]
    public async Task TickerPriceReadsSymbolsSentWithoutUrlEncoding()
    {
        await using var simulator = await ThreeSymbolsAsync();

        var (status, body) = await RawHttp.SendAsync(simulator.Binance(),
            "GET /api/v3/ticker/price?symbols=[\"BTCUSDT\",\"SOLUSDT\"] HTTP/1.0\r\n\r\n");

        Assert.Equal(200, status);
        var tickers = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["BTCUSDT", "SOLUSDT"], tickers.EnumerateArray().Select(ticker => ticker.Text("symbol")).Order());
    }

    [Fact]
    public async Task TickerPriceForSymbolsWithAnUnknownOneIsRefusedAsInvalidSymbol()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.Http.GetAsync("api/v3/ticker/price?symbols=%5B%22BTCUSDT%22,%22DOGEUSDT%22%5D");

        await response.AssertErrorAsync(400, -1121, "Invalid symbol.");
    }

    [Fact]
    public async Task TickerPriceWithBothSymbolAndSymbolsIsRefusedWith1128()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.Http.GetAsync("api/v3/ticker/price?symbol=BTCUSDT&symbols=%5B%22ETHUSDT%22%5D");

        await response.AssertErrorAsync(400, -1128, "Combination of optional parameters invalid.");
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("[BTCUSDT]")]
    [InlineData("[\"BTCUSDT\", \"ETHUSDT\"]")]
    [InlineData("[\"btcusdt\"]")]
    [InlineData("[\"BTCUSDT\",]")]
    public async Task TickerPriceWithSymbolsThatAreNotAJsonArrayOfSymbolsIsRefusedWith1100SayingWhatIsExpected(string symbols)
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.Http.GetAsync($"api/v3/ticker/price?symbols={Uri.EscapeDataString(symbols)}");

        await response.AssertErrorAsync(400, -1100,
            "Illegal characters found in parameter 'symbols'; legal range is a JSON array of symbols without spaces, such as [\"BTCUSDT\",\"ETHUSDT\"].");
    }

    [Fact]
    public async Task TickerPriceForSymbolsWeighs4()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.Http.GetAsync("api/v3/ticker/price?symbols=%5B%22BTCUSDT%22%5D");

        Assert.Equal("4", response.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single());
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

    private static Task<ExchangeSimulator> ThreeSymbolsAsync() => TestSimulator.StartAsync(exchange => exchange with
    {
        Symbols = [new SymbolOptions("BTCUSDT", 42000m), new SymbolOptions("ETHUSDT", 2200m), new SymbolOptions("SOLUSDT", 150m)],
    });
}
