using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Hosting;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Streams;
using TradingActors.ExchangeSim.Trading;
using TradingActors.ExchangeSim.WebSocketApi;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>
/// Bybit v5's WebSocket streams: the public spot stream (/v5/public/spot, topics <c>publicTrade.&lt;symbol&gt;</c>)
/// and the private stream (/v5/private: <c>auth</c>, then the <c>order</c> topic). Every request is a JSON object
/// with an <c>op</c>; every answer names it, with the request's <c>req_id</c>, and says <c>success</c>.
/// </summary>
internal static class BybitStreams
{
    public static void MapBybitStreams(this IEndpointRouteBuilder app)
    {
        app.Map("/v5/public/spot", (HttpContext context) => SocketEndpoint.ServeAsync(context, services =>
        {
            var session = new BybitPublicSession(context, services.GetRequiredService<Market>(), services.GetRequiredService<ExchangeFaults>(),
                services.GetRequiredService<FaultDice>());
            var feed = services.GetRequiredService<TradeFeed>();
            return (session.ServeAsync, () => feed.Join(session), () => feed.Leave(session));
        }));
        app.Map("/v5/private", (HttpContext context) => SocketEndpoint.ServeAsync(context, services =>
        {
            var session = new BybitPrivateSession(context, services.GetRequiredService<Authenticator>(), services.GetRequiredService<TimeProvider>());
            var feed = services.GetRequiredService<UserDataFeed>();
            return (session.ServeAsync, () => feed.Join(session), () => feed.Leave(session));
        }));
    }

    /// <summary>A request as Bybit reads it: its op, its req_id (echoed as sent) and its args.</summary>
    public sealed record Request(string Op, string ReqId, JsonElement Args)
    {
        public static Request? Read(byte[] json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.String)
                    return null;
                var reqId = root.TryGetProperty("req_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "";
                var args = root.TryGetProperty("args", out var given) ? given.Clone() : default;
                return new Request(op.GetString()!, reqId, args);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The args as strings; null when they are not a list of strings.</summary>
        public IReadOnlyList<string>? Strings() =>
            Args.ValueKind == JsonValueKind.Array && Args.EnumerateArray().All(arg => arg.ValueKind == JsonValueKind.String)
                ? Args.EnumerateArray().Select(arg => arg.GetString()!).ToList()
                : null;
    }

    public static string Answer(string op, string reqId, string connId, bool success, string message) =>
        JsonSerializer.Serialize(new { success, ret_msg = message, conn_id = connId, req_id = reqId, op });
}

/// <summary>One client's public spot stream: the symbols whose trades it subscribed to, and the stream faults.</summary>
internal sealed class BybitPublicSession(HttpContext context, Market market, ExchangeFaults faults, FaultDice dice) : ITradeSubscriber
{
    // A client too slow to keep up loses the oldest trades.
    private const int OutboxCapacity = 10_000;
    private const string TopicPrefix = "publicTrade.";

    private readonly SocketOutbox<Frame> _outbox = new(context, OutboxCapacity, BoundedChannelFullMode.DropOldest);
    private readonly string _connId = Guid.NewGuid().ToString();
    private ImmutableHashSet<string> _symbols = [];

    private abstract record Frame;

    private sealed record TradeFrame(Trade Trade) : Frame;

    private sealed record AnswerFrame(string Json) : Frame;

    public void Offer(Trade trade)
    {
        if (Volatile.Read(ref _symbols).Contains(trade.Symbol))
            _outbox.Offer(new TradeFrame(trade));
    }

    public Task ServeAsync(System.Net.WebSockets.WebSocket socket, CancellationToken stopping) =>
        _outbox.ServeAsync(socket, request => _outbox.Offer(new AnswerFrame(Answer(request))), Write, closing: () => { }, stopping);

    private string? Write(Frame frame) => frame switch
    {
        TradeFrame trade => StreamFaults.Apply(faults.Current, dice, context, TradeMessage(trade.Trade), isTrade: true),
        AnswerFrame answer => StreamFaults.Apply(faults.Current, dice, context, answer.Json, isTrade: false),
        _ => throw new InvalidOperationException($"Unknown frame {frame}."),
    };

    private string Answer(byte[] json)
    {
        if (BybitStreams.Request.Read(json) is not { } request)
            return BybitStreams.Answer("", "", _connId, false, "Invalid request: not a JSON object with an op");
        switch (request.Op)
        {
            case "ping":
                return BybitStreams.Answer("ping", request.ReqId, _connId, true, "pong");
            case "subscribe" or "unsubscribe":
                var topics = request.Strings();
                if (topics is null || topics.Count == 0)
                    return BybitStreams.Answer(request.Op, request.ReqId, _connId, false, "Invalid request: args must list topics");
                var unknown = topics.Where(topic => !topic.StartsWith(TopicPrefix, StringComparison.Ordinal)
                                                    || !market.Symbols.Contains(topic[TopicPrefix.Length..])).ToList();
                if (unknown.Count > 0)
                    return BybitStreams.Answer(request.Op, request.ReqId, _connId, false, $"Invalid symbol :[{string.Join(",", unknown)}]");
                var symbols = topics.Select(topic => topic[TopicPrefix.Length..]).ToList();
                ImmutableInterlocked.Update(ref _symbols, set => request.Op == "subscribe" ? set.Union(symbols) : set.Except(symbols));
                return BybitStreams.Answer(request.Op, request.ReqId, _connId, true, request.Op);
            default:
                return BybitStreams.Answer(request.Op, request.ReqId, _connId, false, $"Invalid op: {request.Op}");
        }
    }

    // One trade a message; the taker's side: the buyer, unless the buyer was the maker.
    private static string TradeMessage(Trade trade) => JsonSerializer.Serialize(new
    {
        topic = TopicPrefix + trade.Symbol,
        type = "snapshot",
        ts = trade.Time.ToUnixTimeMilliseconds(),
        data = new[]
        {
            new Dictionary<string, object>
            {
                ["T"] = trade.Time.ToUnixTimeMilliseconds(),
                ["s"] = trade.Symbol,
                ["S"] = trade.BuyerIsMaker ? "Sell" : "Buy",
                ["v"] = BybitWire.Amount(trade.Quantity),
                ["p"] = BybitWire.Amount(trade.Price),
                ["i"] = trade.Id.ToString(CultureInfo.InvariantCulture),
                ["BT"] = false,
            },
        },
    });
}

/// <summary>
/// One client's private stream: unauthenticated until an <c>auth</c> with a known key, an expiry still ahead and
/// its signature; then the <c>order</c> topic sends every change of that account's orders, as order/realtime shows them.
/// </summary>
internal sealed class BybitPrivateSession(HttpContext context, Authenticator accounts, TimeProvider clock) : IOrderUpdateSubscriber
{
    // A client this far behind is disconnected, and so learns of its gap, rather than silently losing fills.
    private const int OutboxCapacity = 10_000;

    private readonly SocketOutbox<Frame> _outbox = new(context, OutboxCapacity, BoundedChannelFullMode.Wait);
    private readonly Lock _gate = new();
    private readonly string _connId = Guid.NewGuid().ToString();
    private string? _apiKey;
    private bool _followsOrders;

    private abstract record Frame;

    private sealed record AnswerFrame(string Json) : Frame;

    private sealed record OrderFrame(Order Order) : Frame;

    public void Offer(OrderUpdate update)
    {
        lock (_gate)
            if (_followsOrders && update.Order.ApiKey == _apiKey)
                _outbox.Offer(new OrderFrame(update.Order));
    }

    public void Drop()
    {
        lock (_gate)
            if (_followsOrders)
                _outbox.Abort();
    }

    public Task ServeAsync(System.Net.WebSockets.WebSocket socket, CancellationToken stopping) =>
        _outbox.ServeAsync(socket, Answer, Write, () =>
        {
            lock (_gate)
                _followsOrders = false;
        }, stopping);

    private string Write(Frame frame) => frame switch
    {
        AnswerFrame answer => answer.Json,
        OrderFrame order => OrderMessage(order.Order),
        _ => throw new InvalidOperationException($"Unknown frame {frame}."),
    };

    // Answered under the lock that order updates are offered under, so a subscription's answer goes out before its first order.
    private void Answer(byte[] json)
    {
        lock (_gate)
            _outbox.Offer(new AnswerFrame(AnswerOf(BybitStreams.Request.Read(json))));
    }

    private string AnswerOf(BybitStreams.Request? request)
    {
        if (request is null)
            return BybitStreams.Answer("", "", _connId, false, "Invalid request: not a JSON object with an op");
        switch (request.Op)
        {
            case "ping":
                return JsonSerializer.Serialize(new
                {
                    req_id = request.ReqId,
                    op = "pong",
                    args = new[] { clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
                    conn_id = _connId,
                });
            case "auth":
                var refusal = AuthRefusal(request.Args);
                return BybitStreams.Answer("auth", request.ReqId, _connId, refusal is null, refusal ?? "");
            case "subscribe" when _apiKey is null:
                return BybitStreams.Answer("subscribe", request.ReqId, _connId, false, "Request not authorized");
            case "subscribe" or "unsubscribe":
                if (request.Strings() is not ["order"])
                    return BybitStreams.Answer(request.Op, request.ReqId, _connId, false, "Invalid topic: only order is served");
                _followsOrders = request.Op == "subscribe";
                return BybitStreams.Answer(request.Op, request.ReqId, _connId, true, "");
            default:
                return BybitStreams.Answer(request.Op, request.ReqId, _connId, false, $"Invalid op: {request.Op}");
        }
    }

    /// <summary>Checks the key, the expiry and the signature of <c>GET/realtime</c> + expiry; on success the session is the key's.</summary>
    private string? AuthRefusal(JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Array || args.GetArrayLength() != 3
            || args[0].ValueKind != JsonValueKind.String || args[1].ValueKind != JsonValueKind.Number || args[2].ValueKind != JsonValueKind.String
            || !args[1].TryGetInt64(out var expires))
            return "Params Error: args must be [api key, expires, signature]";
        var apiKey = args[0].GetString()!;
        if (!accounts.Secrets.TryGetValue(apiKey, out var secret))
            return "Invalid apikey";
        if (expires <= clock.GetUtcNow().ToUnixTimeMilliseconds())
            return "Params Error: expires is in the past";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"GET/realtime{expires}")));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(args[2].GetString()!)))
            return "Invalid sign";
        _apiKey = apiKey;
        return null;
    }

    private static string OrderMessage(Order order)
    {
        var shown = BybitOrderResponse.From(order);
        return JsonSerializer.Serialize(new
        {
            id = Guid.NewGuid().ToString(),
            topic = "order",
            creationTime = order.UpdateTime.ToUnixTimeMilliseconds(),
            data = new[]
            {
                new
                {
                    category = "spot", symbol = shown.Symbol, orderId = shown.OrderId, orderLinkId = shown.OrderLinkId, side = shown.Side,
                    orderType = shown.OrderType, price = shown.Price, qty = shown.Qty, orderStatus = shown.OrderStatus,
                    cumExecQty = shown.CumExecQty, cumExecValue = shown.CumExecValue, avgPrice = shown.AvgPrice, leavesQty = shown.LeavesQty,
                    createdTime = shown.CreatedTime, updatedTime = shown.UpdatedTime,
                },
            },
        });
    }
}
