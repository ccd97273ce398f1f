using System.Net.Sockets;
using System.Text;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Streams;

public sealed class KeepAliveTests
{
    private const int PingOpcode = 0x9;

    // ClientWebSocket answers pings without showing them, so this test speaks the handshake itself and reads the raw frame.
    [Fact]
    public async Task ServerPingsAnIdleStreamAtThePingInterval()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(TestSimulator.Options() with { PingInterval = TimeSpan.FromMilliseconds(50) });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", simulator.Binance().WebSocketAddress.Port);
        var stream = tcp.GetStream();
        var handshake = "GET /ws/btcusdt@trade HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));

        var response = await ReadUpgradeResponseAsync(stream);
        var firstByte = await ReadByteAsync(stream);

        Assert.StartsWith("HTTP/1.1 101", response);
        Assert.Equal(PingOpcode, firstByte & 0x0F);
    }

    private static async Task<string> ReadUpgradeResponseAsync(NetworkStream stream)
    {
        var response = new StringBuilder();
        while (!response.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            response.Append((char)await ReadByteAsync(stream));
        return response.ToString();
    }

    private static async Task<byte> ReadByteAsync(NetworkStream stream)
    {
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return buffer[0];
    }
}
