using System.Text;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Rest;

public sealed class SignatureTests
{
    [Fact]
    public async Task SignedRequestWithoutApiKeyIsRefusedWith401()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        client.Http.DefaultRequestHeaders.Remove("X-MBX-APIKEY");

        var response = await client.PlaceAsync("BUY", "MARKET", "0.01000");

        await response.AssertErrorAsync(401, -1022);
    }

    [Fact]
    public async Task SignedRequestWithUnknownApiKeyIsRefusedWith401()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance(), account: new AccountOptions("stranger", "sim-api-secret"));

        var response = await client.PlaceAsync("BUY", "MARKET", "0.01000");

        await response.AssertErrorAsync(401, -1022);
    }

    [Fact]
    public async Task SignedRequestWithoutSignatureIsRefusedWith401()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());

        var response = await client.Http.PostAsync($"api/v3/order?symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&timestamp={BinanceClient.Now}", null);

        await response.AssertErrorAsync(401, -1022);
    }

    [Fact]
    public async Task SignatureMadeWithAnotherSecretIsRefused()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance(), account: AccountOptions.Default with { Secret = "wrong" });

        var response = await client.PlaceAsync("BUY", "MARKET", "0.01000");

        await response.AssertErrorAsync(400, -1022, "Signature for this request is not valid.");
    }

    [Fact]
    public async Task TimestampOlderThanTheRecvWindowIsRefusedWith1021()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        var query = $"symbol=BTCUSDT&origClientOrderId=x&recvWindow=5000&timestamp={BinanceClient.Now - 6000}";

        var response = await client.Http.GetAsync($"api/v3/order?{query}&signature={client.Sign(query)}");

        await response.AssertErrorAsync(400, -1021);
    }

    [Fact]
    public async Task ParametersInAFormBodyAreSignedAfterTheQueryString()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = new BinanceClient(simulator.Binance());
        const string query = "symbol=BTCUSDT&side=BUY";
        var body = $"type=MARKET&quantity=0.01000&newClientOrderId=form-1&timestamp={BinanceClient.Now}";
        var form = new StringContent($"{body}&signature={client.Sign(query + body)}", Encoding.UTF8, "application/x-www-form-urlencoded");

        var order = await (await client.Http.PostAsync($"api/v3/order?{query}", form)).SuccessJsonAsync();

        Assert.Equal("form-1", order.Text("clientOrderId"));
        Assert.Equal("FILLED", order.Text("status"));
    }
}
