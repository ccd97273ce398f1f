using System.Net.WebSockets;
using System.Text;

namespace TradingActors.MarketData;

/// <summary>
/// Stream sockets over <see cref="ClientWebSocket"/>. The endpoint's pings are answered by the socket
/// itself and never reach the feed, which is why a feed judges staleness by data frames alone.
/// </summary>
internal sealed class WebSocketStreamClient : IMarketStreamClient
{
    public async Task<IMarketStream> ConnectAsync(Uri endpoint, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(endpoint, cancellation).ConfigureAwait(false);
            return new WebSocketStream(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class WebSocketStream(ClientWebSocket socket) : IMarketStream
    {
        public Task SendAsync(string text) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadFramesAsync()
        {
            // One buffer for the life of the socket, grown for a frame that does not fit; each frame leaves as a copy.
            var buffer = new byte[8192];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);
                var received = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                    yield break;
                length += received.Count;
                if (!received.EndOfMessage)
                    continue;
                if (received.MessageType == WebSocketMessageType.Text)
                    yield return buffer.AsSpan(0, length).ToArray();
                length = 0;
            }
        }

        public void Dispose()
        {
            socket.Abort();
            socket.Dispose();
        }
    }
}
