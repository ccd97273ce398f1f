using System.Net.WebSockets;
using System.Text.Json;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Streams;

public sealed class StreamFaultTests
{
    [Fact]
    public async Task WsDropAbortsTheSocket()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "ws/btcusdt@trade");
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WsDrop = true });

        simulator.Binance().Tick();

        await Assert.ThrowsAsync<WebSocketException>(stream.ReceiveAsync);
    }

    [Fact]
    public async Task WsStallKeepsTheSocketOpenButSendsNothingAndTheIdsShowTheGap()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        using var stream = await TradeStreamClient.ConnectAsync(exchange, "ws/btcusdt@trade");
        exchange.Tick();
        var before = (await stream.ReceiveJsonAsync()).GetProperty("t").GetInt64();
        await exchange.Faults.SetAsync(new FaultSettings { WsStall = true });

        exchange.Tick(3);
        var receiving = stream.ReceiveUnboundedAsync();
        Assert.NotSame(receiving, await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromMilliseconds(150))));
        Assert.Equal(WebSocketState.Open, stream.State);

        await exchange.Faults.ClearAsync();
        exchange.Tick();
        var after = JsonDocument.Parse(await receiving).RootElement.GetProperty("t").GetInt64();
        Assert.Equal(before + 4, after);
    }

    [Fact]
    public async Task WsGarbageSendsFramesThatAreNotJson()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var stream = await TradeStreamClient.ConnectAsync(simulator.Binance(), "ws/btcusdt@trade");
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WsGarbage = 1 });

        simulator.Binance().Tick();

        var frame = await stream.ReceiveAsync();
        Assert.NotEmpty(frame);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(frame));
    }
}
