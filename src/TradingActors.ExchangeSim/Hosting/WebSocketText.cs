using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TradingActors.ExchangeSim.Hosting;

/// <summary>Whole text messages over a server's WebSocket, as the trade streams and the WebSocket API exchange them.</summary>
internal static class WebSocketText
{
    public static Task SendAsync(WebSocket socket, string text, CancellationToken stopping) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, stopping);

    /// <summary>
    /// Hands each message the client sends to <paramref name="onMessage"/> until the socket ends, and returns
    /// whether the client closed it properly (and so expects a close frame back).
    /// </summary>
    public static async Task<bool> ReceiveAsync(WebSocket socket, Action<byte[]> onMessage, CancellationToken stopping)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, stopping);
                if (received.MessageType == WebSocketMessageType.Close)
                    return true;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                    continue;
                onMessage(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    /// <summary>Answers a client's close with a close frame; any other end (the exchange stopping, a broken socket) aborts the connection.</summary>
    public static async Task FinishAsync(HttpContext context, WebSocket socket, bool closedByClient)
    {
        if (closedByClient && socket.State == WebSocketState.CloseReceived)
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        else
            context.Abort();
    }
}
