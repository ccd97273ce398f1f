using System.Collections.Immutable;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Hosting;
using TradingActors.ExchangeSim.Streams;
using TradingActors.ExchangeSim.Trading;
using TradingActors.ExchangeSim.WebSocketApi;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// Kraken's WebSocket v2 at /v2, its public trade channel and its private executions channel on the one path
/// (Kraken serves them on two hosts, ws.kraken.com and ws-auth.kraken.com). Requests are <c>method</c>s with
/// <c>params</c> and a <c>req_id</c>, answered with <c>success</c> and the times the request came in and went out.
/// </summary>
internal static class KrakenStreams
{
    public static void MapKrakenStreams(this IEndpointRouteBuilder app, KrakenExchange kraken) =>
        app.Map("/v2", (HttpContext context) => SocketEndpoint.ServeAsync(context, services =>
        {
            var session = new KrakenSession(context, kraken, services.GetRequiredService<ExchangeFaults>(),
                services.GetRequiredService<FaultDice>(), services.GetRequiredService<TimeProvider>());
            var trades = services.GetRequiredService<TradeFeed>();
            var updates = services.GetRequiredService<UserDataFeed>();
            return (session.ServeAsync, () => { trades.Join(session); updates.Join(session); }, () => { trades.Leave(session); updates.Leave(session); });
        }));
}

/// <summary>
/// One client's WebSocket v2 connection: the pairs whose trades it subscribed to, the key whose executions it
/// follows, and a heartbeat each second while it has a subscription. The stream faults apply to a connection with
/// trades subscribed, the user data faults to one that follows executions.
/// </summary>
internal sealed class KrakenSession(HttpContext context, KrakenExchange kraken, ExchangeFaults faults, FaultDice dice, TimeProvider clock)
    : ITradeSubscriber, IOrderUpdateSubscriber
{
    private const int OutboxCapacity = 10_000;
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);
    private static readonly string Heartbeat = JsonSerializer.Serialize(new { channel = "heartbeat" });
    private static long _connections;

    // Executions must not be lost silently, so a client too slow for them is disconnected rather than skipped.
    private readonly SocketOutbox<Frame> _outbox = new(context, OutboxCapacity, BoundedChannelFullMode.Wait);
    private readonly Lock _gate = new();
    private ImmutableHashSet<string> _symbols = [];
    private string? _executionsOf;

    private abstract record Frame;

    private sealed record TextFrame(string Json) : Frame;

    private sealed record TradeFrame(Trade Trade) : Frame;

    private sealed record ExecutionFrame(OrderUpdate Update) : Frame;

    private bool StreamsTrades => !Volatile.Read(ref _symbols).IsEmpty;

    public void Offer(Trade trade)
    {
        if (Volatile.Read(ref _symbols).Contains(trade.Symbol))
            _outbox.Offer(new TradeFrame(trade));
    }

    public void Offer(OrderUpdate update)
    {
        lock (_gate)
            if (_executionsOf == update.Order.ApiKey)
                _outbox.Offer(new ExecutionFrame(update));
    }

    public void Drop()
    {
        lock (_gate)
            if (_executionsOf is not null)
                _outbox.Abort();
    }

    public async Task ServeAsync(WebSocket socket, CancellationToken stopping)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _outbox.Offer(new TextFrame(JsonSerializer.Serialize(new
        {
            channel = "status",
            type = "update",
            data = new[] { new { api_version = "v2", connection_id = Interlocked.Increment(ref _connections), system = "online", version = "2.0.0" } },
        })));
        var beating = BeatAsync(closed.Token);
        await _outbox.ServeAsync(socket, Answer, Write, () =>
        {
            closed.Cancel();
            lock (_gate)
                _executionsOf = null;
        }, stopping);
        await beating;
    }

    private async Task BeatAsync(CancellationToken closed)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(closed))
                if (StreamsTrades || _executionsOf is not null)
                    _outbox.Offer(new TextFrame(Heartbeat));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private string? Write(Frame frame)
    {
        var (text, isTrade) = frame switch
        {
            TextFrame answer => (answer.Json, false),
            TradeFrame trade => (TradeMessage(trade.Trade), true),
            ExecutionFrame execution => (ExecutionMessage(execution.Update), false),
            _ => throw new InvalidOperationException($"Unknown frame {frame}."),
        };
        return StreamsTrades ? StreamFaults.Apply(faults.Current, dice, context, text, isTrade) : text;
    }

    // Answered under the lock that executions are offered under, so a subscription's answer goes out before its first execution.
    private void Answer(byte[] json)
    {
        var timeIn = clock.GetUtcNow();
        lock (_gate)
            foreach (var answer in Answers(json, timeIn))
                _outbox.Offer(new TextFrame(answer));
    }

    private IEnumerable<string> Answers(byte[] json, DateTimeOffset timeIn)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return [Refusal(null, null, "EGeneral:Invalid arguments", timeIn)];
        }
        var method = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()
            : null;
        long? reqId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("req_id", out var id) && id.TryGetInt64(out var n) ? n : null;
        var parameters = method is not null && root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var channel = parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : null;
        return (method, channel) switch
        {
            ("ping", _) => [JsonSerializer.Serialize(new { method = "pong", req_id = reqId, time_in = Time(timeIn), time_out = Time(clock.GetUtcNow()) })],
            ("subscribe" or "unsubscribe", "trade") => TradeSubscription(method, parameters, reqId, timeIn),
            ("subscribe" or "unsubscribe", "executions") => [ExecutionsSubscription(method, parameters, reqId, timeIn)],
            ("subscribe" or "unsubscribe", _) => [Refusal(method, reqId, "Channel not supported", timeIn)],
            _ => [Refusal(method, reqId, "Method not supported", timeIn)],
        };
    }

    /// <summary>One answer per pair: each known one subscribed (or not), each unknown one refused.</summary>
    private IEnumerable<string> TradeSubscription(string method, JsonElement parameters, long? reqId, DateTimeOffset timeIn)
    {
        if (!parameters.TryGetProperty("symbol", out var symbols) || symbols.ValueKind != JsonValueKind.Array)
            return [Refusal(method, reqId, "EGeneral:Invalid arguments:symbol", timeIn)];
        var answers = new List<string>();
        foreach (var name in symbols.EnumerateArray().Select(symbol => symbol.ValueKind == JsonValueKind.String ? symbol.GetString()! : ""))
        {
            string symbol;
            try
            {
                symbol = kraken.Pairs.SymbolOf(name);
            }
            catch (KrakenError)
            {
                answers.Add(JsonSerializer.Serialize(new
                {
                    method, error = $"Currency pair not supported {name}", success = false, symbol = name,
                    time_in = Time(timeIn), time_out = Time(clock.GetUtcNow()), req_id = reqId,
                }));
                continue;
            }
            ImmutableInterlocked.Update(ref _symbols, set => method == "subscribe" ? set.Add(symbol) : set.Remove(symbol));
            answers.Add(JsonSerializer.Serialize(new
            {
                method, result = new { channel = "trade", symbol = name, snapshot = false }, success = true,
                time_in = Time(timeIn), time_out = Time(clock.GetUtcNow()), req_id = reqId,
            }));
        }
        return answers;
    }

    private string ExecutionsSubscription(string method, JsonElement parameters, long? reqId, DateTimeOffset timeIn)
    {
        if (method == "unsubscribe")
            _executionsOf = null;
        else if (parameters.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String
                 && kraken.Tokens.KeyOf(token.GetString()!) is { } apiKey)
            _executionsOf = apiKey;
        else
            return Refusal(method, reqId, "ESession:Invalid session", timeIn);
        // A connection that comes to follow executions during a drop goes the way of the others.
        if (_executionsOf is not null && faults.Current.UserDataDrop)
            _outbox.Abort();
        return JsonSerializer.Serialize(new
        {
            method, result = new { channel = "executions", snap_orders = false, snap_trades = false }, success = true,
            time_in = Time(timeIn), time_out = Time(clock.GetUtcNow()), req_id = reqId,
        });
    }

    private string Refusal(string? method, long? reqId, string error, DateTimeOffset timeIn) => JsonSerializer.Serialize(new
    {
        method, error, success = false, time_in = Time(timeIn), time_out = Time(clock.GetUtcNow()), req_id = reqId,
    });

    // The taker's side: the buyer, unless the buyer was the maker. Decimals are written as JSON numbers, exactly.
    private string TradeMessage(Trade trade) => JsonSerializer.Serialize(new
    {
        channel = "trade",
        type = "update",
        data = new[]
        {
            new
            {
                symbol = kraken.Pairs.WebSocketNameOf(trade.Symbol), side = trade.BuyerIsMaker ? "sell" : "buy", price = trade.Price,
                qty = trade.Quantity, ord_type = "market", trade_id = trade.Id, timestamp = Time(trade.Time),
            },
        },
    });

    /// <summary>
    /// An order's change with every field, as the order stands after it; a trade (the simulator fills an order whole)
    /// also names the trade. A cancel is reported under the order's own cl_ord_id.
    /// </summary>
    private string ExecutionMessage(OrderUpdate update)
    {
        var order = update.Order;
        var fields = new Dictionary<string, object?>
        {
            ["order_id"] = KrakenTxid.Of(order.OrderId),
            ["cl_ord_id"] = order.ClientOrderId,
            ["symbol"] = kraken.Pairs.WebSocketNameOf(order.Request.Symbol),
            ["side"] = order.Request.Side == OrderSide.Buy ? "buy" : "sell",
            ["order_type"] = order.Request.Type == OrderType.Limit ? "limit" : "market",
            ["order_qty"] = order.Request.Quantity,
            ["order_status"] = order.Status switch
            {
                OrderStatus.New => "new",
                OrderStatus.Filled => "filled",
                OrderStatus.Canceled => "canceled",
                _ => "expired",
            },
            ["exec_type"] = update.Execution switch
            {
                ExecutionType.New => "new",
                ExecutionType.Trade => "trade",
                ExecutionType.Canceled => "canceled",
                _ => "expired",
            },
            ["cum_qty"] = order.ExecutedQuantity,
            ["cum_cost"] = order.QuoteQuantity,
            ["avg_price"] = order.Fill?.Price ?? 0m,
            ["timestamp"] = Time(order.UpdateTime),
        };
        if (order.Request.Type == OrderType.Limit)
            fields["limit_price"] = order.Request.Price;
        if (update.Execution == ExecutionType.Trade && order.Fill is { } fill)
        {
            fields["last_qty"] = fill.Quantity;
            fields["last_price"] = fill.Price;
            fields["trade_id"] = fill.TradeId;
            fields["exec_id"] = $"T{update.ExecutionId.ToString(CultureInfo.InvariantCulture)}";
        }
        return JsonSerializer.Serialize(new { channel = "executions", type = "update", data = new[] { fields } });
    }

    // RFC 3339 in UTC with microseconds, as Kraken writes its times.
    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
