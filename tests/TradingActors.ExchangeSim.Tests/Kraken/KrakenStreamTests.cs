using System.Net.WebSockets;
using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Kraken;

/// <summary>Kraken's WebSocket v2 at /v2: the status greeting, the trade channel, the executions channel with a REST token, heartbeats.</summary>
public sealed class KrakenStreamTests
{
    private static Task<ExchangeSimulator> StartAsync() => TestSimulator.StartAsync(exchange => exchange with { Dialect = ExchangeDialect.Kraken });

    /// <summary>A connection past its status greeting.</summary>
    private static async Task<TradeStreamClient> ConnectAsync(SimulatedExchange exchange)
    {
        var stream = await TradeStreamClient.ConnectAsync(exchange, "v2");
        Assert.Equal("status", (await stream.ReceiveJsonAsync()).GetProperty("channel").GetString());
        return stream;
    }

    private static async Task<TradeStreamClient> TradesAsync(SimulatedExchange exchange)
    {
        var stream = await ConnectAsync(exchange);
        await stream.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USDT"],"snapshot":false},"req_id":1}""");
        Assert.True((await stream.ReceiveJsonAsync()).GetProperty("success").GetBoolean());
        return stream;
    }

    private static async Task<TradeStreamClient> ExecutionsAsync(SimulatedExchange exchange, KrakenTestClient client)
    {
        var token = (await (await client.PrivateAsync("GetWebSocketsToken")).ResultAsync()).GetProperty("token").GetString();
        var stream = await ConnectAsync(exchange);
        await stream.SendAsync($$"""{"method":"subscribe","params":{"channel":"executions","token":"{{token}}","snap_orders":false,"snap_trades":false},"req_id":2}""");
        Assert.True((await stream.ReceiveJsonAsync()).GetProperty("success").GetBoolean());
        return stream;
    }

    /// <summary>The next frame that is not a heartbeat.</summary>
    private static async Task<JsonElement> NextMessageAsync(TradeStreamClient stream)
    {
        while (true)
        {
            var message = await stream.ReceiveJsonAsync();
            if (!message.TryGetProperty("channel", out var channel) || channel.GetString() != "heartbeat")
                return message;
        }
    }

    [Fact]
    public async Task ATradeComesOnTheTradeChannelUnderItsWebSocketNameWithNumbersAndATradeId()
    {
        await using var simulator = await StartAsync();
        using var stream = await TradesAsync(simulator.Binance());

        simulator.Binance().Tick();

        var message = await NextMessageAsync(stream);
        var trade = message.GetProperty("data")[0];
        Assert.Equal(("trade", "BTC/USDT"), (message.GetProperty("channel").GetString(), trade.GetProperty("symbol").GetString()));
        Assert.Equal((JsonValueKind.Number, JsonValueKind.Number), (trade.GetProperty("price").ValueKind, trade.GetProperty("qty").ValueKind));
        Assert.True(trade.GetProperty("trade_id").GetInt64() > 0);
        Assert.True(trade.GetProperty("timestamp").TryGetDateTimeOffset(out _));
    }

    [Fact]
    public async Task AnUnknownPairIsRefusedInKrakensWords()
    {
        await using var simulator = await StartAsync();
        using var stream = await ConnectAsync(simulator.Binance());

        await stream.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["XYZ/USD"]},"req_id":4}""");

        var answer = await stream.ReceiveJsonAsync();
        Assert.Equal((false, "Currency pair not supported XYZ/USD", 4L),
            (answer.GetProperty("success").GetBoolean(), answer.GetProperty("error").GetString(), answer.GetProperty("req_id").GetInt64()));
    }

    [Fact]
    public async Task APingIsAnsweredWithAPongUnderItsReqId()
    {
        await using var simulator = await StartAsync();
        using var stream = await ConnectAsync(simulator.Binance());

        await stream.SendAsync("""{"method":"ping","req_id":5}""");

        var pong = await stream.ReceiveJsonAsync();
        Assert.Equal(("pong", 5L), (pong.GetProperty("method").GetString(), pong.GetProperty("req_id").GetInt64()));
    }

    [Fact]
    public async Task ASubscribedConnectionGetsAHeartbeatWhileNothingTrades()
    {
        await using var simulator = await StartAsync();
        using var stream = await TradesAsync(simulator.Binance());

        Assert.Equal("heartbeat", (await stream.ReceiveJsonAsync()).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task WsDropAbortsASocketWithTradesSubscribed()
    {
        await using var simulator = await StartAsync();
        using var stream = await TradesAsync(simulator.Binance());
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WsDrop = true });

        simulator.Binance().Tick();

        await Assert.ThrowsAsync<WebSocketException>(() => NextMessageAsync(stream));
    }

    [Fact]
    public async Task AnOrderPlacedOverRestComesOnTheExecutionsChannelWithItsTxidAndTrade()
    {
        await using var simulator = await StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        using var stream = await ExecutionsAsync(simulator.Binance(), client);

        var txid = await client.BoughtAsync("ws-k-1");

        var executions = new[] { (await NextMessageAsync(stream)).GetProperty("data")[0], (await NextMessageAsync(stream)).GetProperty("data")[0] };
        Assert.All(executions, execution => Assert.Equal((txid, "ws-k-1"), (execution.GetProperty("order_id").GetString(), execution.GetProperty("cl_ord_id").GetString())));
        Assert.Equal(["new", "trade"], executions.Select(execution => execution.GetProperty("exec_type").GetString()));
        var trade = executions[1];
        Assert.Equal(("filled", 0.01m, 0.01m), (trade.GetProperty("order_status").GetString(), trade.GetProperty("cum_qty").GetDecimal(), trade.GetProperty("last_qty").GetDecimal()));
        Assert.True(trade.GetProperty("trade_id").GetInt64() > 0);
    }

    [Fact]
    public async Task AnUnknownTokenIsRefused()
    {
        await using var simulator = await StartAsync();
        using var stream = await ConnectAsync(simulator.Binance());

        await stream.SendAsync("""{"method":"subscribe","params":{"channel":"executions","token":"made-up"},"req_id":2}""");

        var answer = await stream.ReceiveJsonAsync();
        Assert.Equal((false, "ESession:Invalid session"), (answer.GetProperty("success").GetBoolean(), answer.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task UserDataDropAbortsASocketThatFollowsExecutionsAndSparesOneWithTradesOnly()
    {
        await using var simulator = await StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        using var executions = await ExecutionsAsync(simulator.Binance(), client);
        using var trades = await TradesAsync(simulator.Binance());

        await simulator.Binance().Faults.SetAsync(new FaultSettings { UserDataDrop = true });
        simulator.Binance().Tick();

        await Assert.ThrowsAsync<WebSocketException>(() => NextMessageAsync(executions));
        Assert.Equal("trade", (await NextMessageAsync(trades)).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task UserDataStallLosesTheExecutionsMeanwhileButPongsStillCome()
    {
        await using var simulator = await StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        using var stream = await ExecutionsAsync(simulator.Binance(), client);
        await simulator.Binance().Faults.SetAsync(new FaultSettings { UserDataStall = true });

        await client.BoughtAsync("stalled-k-1");
        await stream.SendAsync("""{"method":"ping","req_id":6}""");

        Assert.Equal("pong", (await NextMessageAsync(stream)).GetProperty("method").GetString());
    }
}
