using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Bybit;

/// <summary>Bybit v5's public spot stream and private stream, as the simulator speaks them.</summary>
public sealed class BybitStreamTests
{
    private static Task<ExchangeSimulator> StartAsync() => TestSimulator.StartAsync(exchange => exchange with { Dialect = ExchangeDialect.Bybit });

    private static async Task<TradeStreamClient> SubscribedAsync(SimulatedExchange exchange, string topic = "publicTrade.BTCUSDT")
    {
        var stream = await TradeStreamClient.ConnectAsync(exchange, "v5/public/spot");
        await stream.SendAsync($$"""{"op":"subscribe","req_id":"1","args":["{{topic}}"]}""");
        Assert.True((await stream.ReceiveJsonAsync()).GetProperty("success").GetBoolean());
        return stream;
    }

    private static string Auth(long expires, string secret = "sim-api-secret", string apiKey = "sim-api-key")
    {
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"GET/realtime{expires}")));
        return $$"""{"op":"auth","req_id":"1","args":["{{apiKey}}",{{expires}},"{{signature}}"]}""";
    }

    private static long InAMinute => DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds();

    [Fact]
    public async Task ASubscriptionIsAnsweredWithItsReqIdAndTradesComeAsTopicMessagesWithDigitIds()
    {
        await using var simulator = await StartAsync();
        using var stream = await SubscribedAsync(simulator.Binance());

        simulator.Binance().Tick();

        var message = await stream.ReceiveJsonAsync();
        var trade = message.GetProperty("data")[0];
        Assert.Equal(("publicTrade.BTCUSDT", "BTCUSDT"), (message.GetProperty("topic").GetString(), trade.GetProperty("s").GetString()));
        Assert.True(long.TryParse(trade.GetProperty("i").GetString(), out _));
        Assert.True(decimal.Parse(trade.GetProperty("p").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(trade.GetProperty("S").GetString(), new[] { "Buy", "Sell" });
    }

    [Fact]
    public async Task AnUnknownSymbolIsRefusedInBybitsWords()
    {
        await using var simulator = await StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "v5/public/spot");

        await stream.SendAsync("""{"op":"subscribe","req_id":"7","args":["publicTrade.XYZUSDT"]}""");

        var answer = await stream.ReceiveJsonAsync();
        Assert.Equal((false, "Invalid symbol :[publicTrade.XYZUSDT]", "7"),
            (answer.GetProperty("success").GetBoolean(), answer.GetProperty("ret_msg").GetString(), answer.GetProperty("req_id").GetString()));
    }

    [Fact]
    public async Task APingIsAnsweredWithAPong()
    {
        await using var simulator = await StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "v5/public/spot");

        await stream.SendAsync("""{"op":"ping","req_id":"3"}""");

        var answer = await stream.ReceiveJsonAsync();
        Assert.Equal(("ping", "pong", "3"), (answer.GetProperty("op").GetString(), answer.GetProperty("ret_msg").GetString(), answer.GetProperty("req_id").GetString()));
    }

    [Fact]
    public async Task WsGarbageTearsTradeMessages()
    {
        await using var simulator = await StartAsync();
        using var stream = await SubscribedAsync(simulator.Binance());
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WsGarbage = 1 });

        simulator.Binance().Tick();

        var frame = await stream.ReceiveAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(frame));
    }

    [Fact]
    public async Task WsDropAbortsThePublicSocket()
    {
        await using var simulator = await StartAsync();
        using var stream = await SubscribedAsync(simulator.Binance());
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WsDrop = true });

        simulator.Binance().Tick();

        await Assert.ThrowsAsync<WebSocketException>(stream.ReceiveAsync);
    }

    [Fact]
    public async Task AnAuthWithTheKeysSignatureIsAcceptedAndOneWithAnotherIsRefused()
    {
        await using var simulator = await StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "v5/private");

        await stream.SendAsync(Auth(InAMinute, secret: "not-the-secret"));
        var refused = await stream.ReceiveJsonAsync();
        await stream.SendAsync(Auth(InAMinute));
        var accepted = await stream.ReceiveJsonAsync();

        Assert.Equal((false, "Invalid sign"), (refused.GetProperty("success").GetBoolean(), refused.GetProperty("ret_msg").GetString()));
        Assert.Equal(("auth", true), (accepted.GetProperty("op").GetString(), accepted.GetProperty("success").GetBoolean()));
    }

    [Fact]
    public async Task AnAuthThatHasExpiredIsRefused()
    {
        await using var simulator = await StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "v5/private");

        await stream.SendAsync(Auth(DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds()));

        Assert.False((await stream.ReceiveJsonAsync()).GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task ASubscriptionBeforeAuthIsRefused()
    {
        await using var simulator = await StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "v5/private");

        await stream.SendAsync("""{"op":"subscribe","req_id":"2","args":["order"]}""");

        Assert.Equal("Request not authorized", (await stream.ReceiveJsonAsync()).GetProperty("ret_msg").GetString());
    }

    [Fact]
    public async Task AnOrderPlacedOverRestComesOnTheOrderTopicAsNewThenAsRestShowsIt()
    {
        await using var simulator = await StartAsync();
        using var stream = await FollowingOrdersAsync(simulator.Binance());
        using var client = new BybitTestClient(simulator.Binance());

        await client.PlaceAsync("Buy", "Market", "0.01", orderLinkId: "ws-order-1");

        Assert.Equal("New", (await stream.ReceiveJsonAsync()).GetProperty("data")[0].GetProperty("orderStatus").GetString());
        var order = (await stream.ReceiveJsonAsync()).GetProperty("data")[0];
        var rest = JsonDocument.Parse(await (await client.QueryAsync("ws-order-1")).Content.ReadAsStringAsync()).RootElement
            .GetProperty("result").GetProperty("list")[0];
        Assert.Equal((rest.GetProperty("orderId").GetString(), "ws-order-1", rest.GetProperty("orderStatus").GetString(), rest.GetProperty("cumExecQty").GetString()),
            (order.GetProperty("orderId").GetString(), order.GetProperty("orderLinkId").GetString(), order.GetProperty("orderStatus").GetString(),
                order.GetProperty("cumExecQty").GetString()));
    }

    [Fact]
    public async Task UserDataDropAbortsASocketThatFollowsOrders()
    {
        await using var simulator = await StartAsync();
        using var stream = await FollowingOrdersAsync(simulator.Binance());

        await simulator.Binance().Faults.SetAsync(new FaultSettings { UserDataDrop = true });

        await Assert.ThrowsAsync<WebSocketException>(stream.ReceiveAsync);
    }

    [Fact]
    public async Task UserDataStallLosesTheOrdersChangedMeanwhileButPongsStillCome()
    {
        await using var simulator = await StartAsync();
        using var stream = await FollowingOrdersAsync(simulator.Binance());
        using var client = new BybitTestClient(simulator.Binance());
        await simulator.Binance().Faults.SetAsync(new FaultSettings { UserDataStall = true });

        await client.PlaceAsync("Buy", "Market", "0.01", orderLinkId: "stalled-1");
        await stream.SendAsync("""{"op":"ping","req_id":"9"}""");

        Assert.Equal("pong", (await stream.ReceiveJsonAsync()).GetProperty("op").GetString());
    }

    private static async Task<TradeStreamClient> FollowingOrdersAsync(SimulatedExchange exchange)
    {
        var stream = await TradeStreamClient.ConnectAsync(exchange, "v5/private");
        await stream.SendAsync(Auth(InAMinute));
        Assert.True((await stream.ReceiveJsonAsync()).GetProperty("success").GetBoolean());
        await stream.SendAsync("""{"op":"subscribe","req_id":"2","args":["order"]}""");
        Assert.True((await stream.ReceiveJsonAsync()).GetProperty("success").GetBoolean());
        return stream;
    }
}
