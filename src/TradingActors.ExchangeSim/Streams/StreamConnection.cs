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
internal sealed class StreamConnection(HttpContext context, bool combined, IEnumerable<string> streams, ExchangeFaults faults, FaultDice dice)
    : ITradeSubscriber
{
    // A client too slow to keep up loses the oldest trades, and sees the gap in the trade ids.
    private const int OutboxCapacity = 10_000;

    private readonly SocketOutbox<Frame> _outbox = new(context, OutboxCapacity, BoundedChannelFullMode.DropOldest);

    private ImmutableHashSet<string> _streams = streams.Select(stream => stream.ToLowerInvariant()).ToImmutableHashSet();

    private abstract record Frame;

    private sealed record TradeFrame(Trade Trade) : Frame;

    private sealed record ReplyFrame(string Json) : Frame;

    public void Offer(Trade trade)
    {
        if (Volatile.Read(ref _streams).Contains(trade.StreamName))
            _outbox.Offer(new TradeFrame(trade));
    }

    public Task ServeAsync(WebSocket socket, CancellationToken stopping) =>
        _outbox.ServeAsync(socket, request => _outbox.Offer(new ReplyFrame(Answer(request))), Write, closing: () => { }, stopping);

    private string? Write(Frame frame) => frame switch
    {
        TradeFrame trade => StreamFaults.Apply(faults.Current, dice, context, TradeEventJson.Serialize(trade.Trade, combined), isTrade: true),
        ReplyFrame reply => StreamFaults.Apply(faults.Current, dice, context, reply.Json, isTrade: false),
        _ => throw new InvalidOperationException($"Unknown frame {frame}."),
    };

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
}
