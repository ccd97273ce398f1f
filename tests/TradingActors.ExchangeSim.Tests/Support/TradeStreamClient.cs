using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TradingActors.ExchangeSim.Tests.Support;

/// <summary>A ClientWebSocket that reads whole text frames.</summary>
internal sealed class TradeStreamClient : IDisposable
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(5);
    private readonly ClientWebSocket _socket = new();

    public WebSocketState State => _socket.State;

    public static async Task<TradeStreamClient> ConnectAsync(SimulatedExchange exchange, string path)
    {
        var client = new TradeStreamClient();
        await client._socket.ConnectAsync(new Uri(exchange.WebSocketAddress, path), CancellationToken.None);
        return client;
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next frame; a frame that does not come within the bound fails the test.</summary>
    public async Task<string> ReceiveAsync()
    {
        var receiving = ReceiveUnboundedAsync();
        Assert.Same(receiving, await Task.WhenAny(receiving, Task.Delay(FrameTimeout)));
        return await receiving;
    }

    public async Task<JsonElement> ReceiveJsonAsync() => JsonDocument.Parse(await ReceiveAsync()).RootElement;

    /// <summary>The next frame, however long it takes (cancelling a receive would abort the socket).</summary>
    public async Task<string> ReceiveUnboundedAsync()
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    public void Dispose() => _socket.Dispose();
}
