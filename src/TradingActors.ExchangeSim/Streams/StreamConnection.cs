using System.Collections.Immutable;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Hosting;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Streams;

/// <summary>
/// One client's WebSocket: the streams it subscribed to, Binance's SUBSCRIBE / UNSUBSCRIBE /
/// LIST_SUBSCRIPTIONS requests, and the stream faults, decided frame by frame as frames go out.
/// </summary>
internal sealed class StreamConnection(bool combined, IEnumerable<string> streams, ExchangeFaults faults, FaultDice dice)
{
    // A client too slow to keep up loses the oldest trades, and sees the gap in the trade ids.
    private const int OutboxCapacity = 10_000;

    private readonly Channel<Frame> _outbox = Channel.CreateBounded<Frame>(
        new BoundedChannelOptions(OutboxCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private ImmutableHashSet<string> _streams = streams.Select(stream => stream.ToLowerInvariant()).ToImmutableHashSet();

    private abstract record Frame;

    private sealed record TradeFrame(Trade Trade) : Frame;

    private sealed record ReplyFrame(string Json) : Frame;

    public void Offer(Trade trade)
    {
        if (Volatile.Read(ref _streams).Contains(trade.StreamName))
            _outbox.Writer.TryWrite(new TradeFrame(trade));
    }

    public async Task ServeAsync(HttpContext context, WebSocket socket, CancellationToken stopping)
    {
        var sending = SendAsync(context, socket, stopping);
        var closedByClient = await WebSocketText.ReceiveAsync(socket, request => _outbox.Writer.TryWrite(new ReplyFrame(Answer(request))), stopping);
        _outbox.Writer.TryComplete();
        await sending;
        await WebSocketText.FinishAsync(context, socket, closedByClient);
    }

    private async Task SendAsync(HttpContext context, WebSocket socket, CancellationToken stopping)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(stopping))
            {
                var current = faults.Current;
                if (current.WsDrop)
                {
                    context.Abort();
                    return;
                }
                if (current.WsStall)
                    continue;
                var text = frame switch
                {
                    TradeFrame trade when dice.Roll(current.WsGarbage) => Torn(TradeEventJson.Serialize(trade.Trade, combined)),
                    TradeFrame trade => TradeEventJson.Serialize(trade.Trade, combined),
                    ReplyFrame reply => reply.Json,
                    _ => throw new InvalidOperationException($"Unknown frame {frame}."),
                };
                await WebSocketText.SendAsync(socket, text, stopping);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            context.Abort();
        }
    }

    private string Answer(byte[] request)
    {
        JsonElement? id = null;
        try
        {
            using var document = JsonDocument.Parse(request);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Error(2, "Invalid request: the request must be a JSON object", id);
            if (root.TryGetProperty("id", out var requestId))
                id = requestId.Clone();
            var method = root.TryGetProperty("method", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            return method switch
            {
                "SUBSCRIBE" => Update(root, id, (set, names) => set.Union(names)),
                "UNSUBSCRIBE" => Update(root, id, (set, names) => set.Except(names)),
                "LIST_SUBSCRIPTIONS" => JsonSerializer.Serialize(new { result = _streams.Order(StringComparer.Ordinal), id }),
                _ => Error(2, "Invalid request: unknown method", id),
            };
        }
        catch (JsonException e)
        {
            return Error(3, $"Invalid JSON: {e.Message}", id);
        }
    }

    private string Update(JsonElement request, JsonElement? id, Func<ImmutableHashSet<string>, IEnumerable<string>, ImmutableHashSet<string>> change)
    {
        if (!request.TryGetProperty("params", out var names) || names.ValueKind != JsonValueKind.Array
            || names.EnumerateArray().Any(name => name.ValueKind != JsonValueKind.String))
            return Error(2, "Invalid request: 'params' must be a list of stream names", id);
        var streams = names.EnumerateArray().Select(name => name.GetString()!.ToLowerInvariant()).ToList();
        ImmutableInterlocked.Update(ref _streams, set => change(set, streams));
        return JsonSerializer.Serialize(new { result = (object?)null, id });
    }

    private static string Error(int code, string message, JsonElement? id) =>
        JsonSerializer.Serialize(new { error = new { code, msg = message }, id });

    // What a torn frame looks like: the first half of the event, which no JSON parser accepts.
    private static string Torn(string json) => json[..(json.Length / 2)];
}
