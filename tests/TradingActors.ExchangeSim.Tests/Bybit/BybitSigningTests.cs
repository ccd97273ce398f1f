using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Bybit;

/// <summary>Bybit's HMAC security on the private endpoints, and its refusals in Bybit's words.</summary>
public sealed class BybitSigningTests
{
    [Fact]
    public async Task ASignedRequestIsServed()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.GetAsync("v5/order/realtime", "category=spot")).ResultAsync();
    }

    [Fact]
    public async Task AnUnknownKeyIs10003()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        using var client = new BybitTestClient(simulator.Binance(), account: new AccountOptions("nobody", "nothing"));

        await (await client.GetAsync("v5/order/realtime", "category=spot")).AssertRetCodeAsync(10003);
    }

    [Fact]
    public async Task AWrongSignatureIs10004()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        using var client = new BybitTestClient(simulator.Binance(), account: AccountOptions.Default with { Secret = "not-the-secret" });

        await (await client.PlaceAsync("Buy", "Market", "0.01")).AssertRetCodeAsync(10004);
    }

    [Fact]
    public async Task AQueryStringOtherThanTheSignedOneIs10004()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        using var client = new BybitTestClient(simulator.Binance());
        var now = BybitTestClient.Now;

        await (await client.GetAsync("v5/order/realtime", "category=spot&limit=2", now, client.Sign(now, "category=spot")))
            .AssertRetCodeAsync(10004);
    }

    [Fact]
    public async Task ATimestampOlderThanTheRecvWindowIs10002()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        var message = await (await client.GetAsync("v5/order/realtime", "category=spot", timestamp: BybitTestClient.Now - 6000))
            .AssertRetCodeAsync(10002);

        Assert.Contains("recv_window", message);
    }

    [Fact]
    public async Task ATimestampASecondAheadIs10002()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.GetAsync("v5/order/realtime", "category=spot", timestamp: BybitTestClient.Now + 1500)).AssertRetCodeAsync(10002);
    }

    [Fact]
    public async Task APublicEndpointNeedsNoSignature()
    {
        await using var simulator = await BybitRestTests.StartAsync();
        using var client = new BybitTestClient(simulator.Binance());

        await (await client.Http.GetAsync("v5/market/tickers?category=spot&symbol=BTCUSDT")).ResultAsync();
    }
}
