using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Hosting;

/// <summary>
/// One WebSocket's frames waiting to go out, sent in order by one loop while another reads the client's requests.
/// Each frame is written as it leaves, which is when the stream faults are decided, frame by frame.
/// </summary>
/// <param name="fullMode">What a client too slow to keep up loses: the oldest frames (a trade stream, whose gap shows in
/// the trade ids) or its connection (a private stream, which must not lose an order's news silently).</param>
internal sealed class SocketOutbox<TFrame>(HttpContext context, int capacity, BoundedChannelFullMode fullMode)
{
    private readonly Channel<TFrame> _frames = Channel.CreateBounded<TFrame>(
        new BoundedChannelOptions(capacity) { FullMode = fullMode, SingleReader = true });

    /// <summary>Queues a frame; a full outbox that drops no frame drops the connection instead.</summary>
    public void Offer(TFrame frame)
    {
        if (!_frames.Writer.TryWrite(frame))
            Abort();
    }

    /// <summary>Closes the connection at once, without a close frame, as a network failure would.</summary>
    public void Abort() => context.Abort();

    /// <summary>
    /// Serves the socket until the client goes: each request it sends to <paramref name="onRequest"/>, each frame queued
    /// written by <paramref name="write"/> (null: nothing goes out for it).
    /// </summary>
    /// <param name="closing">Runs once the client is gone, before the outbox closes: what stops offering it frames.</param>
    public async Task ServeAsync(WebSocket socket, Action<byte[]> onRequest, Func<TFrame, string?> write, Action closing, CancellationToken stopping)
    {
        var sending = SendAsync(socket, write, stopping);
        var closedByClient = await WebSocketText.ReceiveAsync(socket, onRequest, stopping);
        closing();
        _frames.Writer.TryComplete();
        await sending;
        await WebSocketText.FinishAsync(context, socket, closedByClient);
    }

    private async Task SendAsync(WebSocket socket, Func<TFrame, string?> write, CancellationToken stopping)
    {
        try
        {
            await foreach (var frame in _frames.Reader.ReadAllAsync(stopping))
                if (write(frame) is { } text)
                    await WebSocketText.SendAsync(socket, text, stopping);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            Abort();
        }
    }
}

/// <summary>The public stream faults, as every dialect's trade stream applies them to a frame about to go out.</summary>
internal static class StreamFaults
{
    /// <returns>The frame as it goes out: torn by ws-garbage if it is a trade's; null during ws-stall, and on ws-drop, which aborts the socket.</returns>
    public static string? Apply(FaultSettings current, FaultDice dice, HttpContext context, string text, bool isTrade)
    {
        if (current.WsDrop)
        {
            context.Abort();
            return null;
        }
        if (current.WsStall)
            return null;
        // What a torn frame looks like: the first half of the message, which no JSON parser accepts.
        return isTrade && dice.Roll(current.WsGarbage) ? text[..(text.Length / 2)] : text;
    }
}
