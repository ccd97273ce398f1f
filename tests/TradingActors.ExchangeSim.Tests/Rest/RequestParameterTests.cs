using System.Text;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Rest;

public sealed class RequestParameterTests
{
    private const string Duplicate = "Duplicate values for a parameter detected.";

    public static TheoryData<string, string> SignedEndpoints => new()
    {
        { "POST", "api/v3/order" },
        { "GET", "api/v3/order" },
        { "DELETE", "api/v3/order" },
        { "GET", "api/v3/openOrders" },
        { "GET", "api/v3/account" },
    };

    [Theory]
    [MemberData(nameof(SignedEndpoints))]
    public async Task AParameterSentTwiceInTheQueryStringIsRefusedWith1101(string method, string path)
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.SignedAsync(new HttpMethod(method), path, ("symbol", "BTCUSDT"), ("recvWindow", "5000"), ("recvWindow", "5000"));

        await response.AssertErrorAsync(400, -1101, Duplicate);
    }

    [Fact]
    public async Task ASymbolSentTwiceToTheTickerIsRefusedWith1101()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.Http.GetAsync("api/v3/ticker/price?symbol=BTCUSDT&symbol=ETHUSDT");

        await response.AssertErrorAsync(400, -1101, Duplicate);
    }

    [Fact]
    public async Task AParameterSentTwiceInAFormBodyIsRefusedWith1101()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        var body = $"symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01000&quantity=0.02000&timestamp={BinanceClient.Now}";
        var form = new StringContent($"{body}&signature={client.Sign(body)}", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.Http.PostAsync("api/v3/order", form);

        await response.AssertErrorAsync(400, -1101, Duplicate);
    }

    [Fact]
    public async Task AParameterInBothTheQueryStringAndTheBodyIsNoDuplicateAndTheQueryStringWins()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        const string query = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01000";
        var body = $"quantity=0.02000&timestamp={BinanceClient.Now}";
        var form = new StringContent($"{body}&signature={client.Sign(query + body)}", Encoding.UTF8, "application/x-www-form-urlencoded");

        var order = await (await client.Http.PostAsync($"api/v3/order?{query}", form)).SuccessJsonAsync();

        Assert.Equal(0.01m, order.Amount("origQty"));
    }
}
