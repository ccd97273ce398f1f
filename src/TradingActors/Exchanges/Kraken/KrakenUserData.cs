using System.Text.Json;
using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// Kraken's WebSocket v2 executions channel, as the user data stream speaks it: a token asked for over REST
/// (GetWebSocketsToken) for each connection, one subscribe with it, answers by <c>req_id</c> saying <c>success</c>,
/// and execution messages listing orders' news, with the trade when one moved the order. Amounts are JSON
/// numbers, times RFC 3339 text. Kraken sends some updates with only the fields that changed; such an update is
/// unreadable here, and the ledger's queries after it learn what it said.
/// </summary>
internal sealed class KrakenUserData(string exchange, KrakenSettings endpoint) : UserDataProtocol
{
    private readonly KrakenClient _tokens = new(endpoint);

    public override int SubscribeSteps => 1;

    public override bool NeedsToken => true;

    public override Task<string> FetchTokenAsync(CancellationToken cancellation) => _tokens.GetWebSocketsTokenAsync(cancellation);

    public override string Subscribe(int step, long id, DateTimeOffset now, string? token) => JsonSerializer.Serialize(new
    {
        method = "subscribe",
        @params = new { channel = "executions", token, snap_orders = false, snap_trades = false },
        req_id = id,
    });

    public override string Ping(long id) => JsonSerializer.Serialize(new { method = "ping", req_id = id });

    public override Frame Read(string text) => ReadObject(text, root =>
    {
        if (root.TryGetProperty("channel", out var channel))
            return channel.GetString() == "executions"
                ? new Execution(null, root.GetProperty("data").EnumerateArray().Select(ReadExecution).ToList())
                : new Other(channel.GetString() ?? "a channel");
        if (!root.TryGetProperty("method", out var method))
            return new Unreadable("neither a channel's message nor an answer");
        long? id = root.TryGetProperty("req_id", out var given) && given.ValueKind == JsonValueKind.Number ? given.GetInt64() : null;
        // A pong says no success at all: the answer is that it came.
        var refused = root.TryGetProperty("success", out var success) && !success.GetBoolean();
        return new Answer(id, refused
            ? root.TryGetProperty("error", out var error) ? error.GetString() : $"{method.GetString()} refused"
            : null);
    });

    /// <summary>
    /// One order's news. An order placed without a cl_ord_id (by hand, say) is named by its order id: the ledger
    /// never sent it, and counts it as external.
    /// </summary>
    private OrderLedger.ExecutionReported ReadExecution(JsonElement execution)
    {
        var orderId = Text(execution, "order_id");
        var filled = execution.GetProperty("cum_qty").GetDecimal();
        var report = new OrderReport(
            execution.TryGetProperty("cl_ord_id", out var clientOrderId) && clientOrderId.GetString() is { Length: > 0 } id ? id : orderId,
            orderId,
            KrakenPairs.SymbolOfWebSocketName(Text(execution, "symbol")),
            SideOf(Text(execution, "side"), "side"),
            StateOf(Text(execution, "order_status")),
            execution.GetProperty("order_qty").GetDecimal(),
            filled,
            filled > 0 ? execution.GetProperty("cum_cost").GetDecimal() / filled : null);
        var trade = Text(execution, "exec_type") == "trade"
            ? new Trade(execution.GetProperty("trade_id").GetInt64(), execution.GetProperty("last_qty").GetDecimal(), execution.GetProperty("last_price").GetDecimal())
            : null;
        return new OrderLedger.ExecutionReported(exchange, report, trade, execution.GetProperty("timestamp").GetDateTimeOffset());
    }

    // A status the engine does not know is unreadable rather than guessed at: the ledger's queries will learn it.
    private static OrderState StateOf(string status) => status switch
    {
        "pending_new" or "new" => OrderState.New,
        "partially_filled" => OrderState.PartiallyFilled,
        "filled" => OrderState.Filled,
        "canceled" => OrderState.Cancelled,
        "expired" => OrderState.Expired,
        _ => throw new FormatException($"'order_status' is '{status}', an order status the engine does not know"),
    };

    public override void Dispose() => _tokens.Dispose();
}
