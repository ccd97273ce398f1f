using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Exchanges.Bybit;

/// <summary>
/// Bybit v5's private stream, as the user data stream speaks it: <c>op</c> auth with the key, an expiry and its
/// signature, then subscribe to the <c>order</c> topic; answers name their <c>op</c> and <c>req_id</c> and say
/// <c>success</c>. Each order message lists orders as they stand now, cumulative fills and all. Bybit's execution
/// topic is not read: its trade ids are UUIDs, and the ledger keeps an order's trades by integer id; an order's
/// fill still comes, as its cumulative quantity and average price.
/// </summary>
internal sealed class BybitUserData(string exchange, BybitSettings endpoint) : UserDataProtocol
{
    public override int SubscribeSteps => 2;

    public override string Subscribe(int step, long id, DateTimeOffset now, string? token) => step switch
    {
        0 => Auth(id, now),
        _ => JsonSerializer.Serialize(new { op = "subscribe", req_id = Digits(id), args = new[] { "order" } }),
    };

    public override string Ping(long id) => JsonSerializer.Serialize(new { op = "ping", req_id = Digits(id) });

    /// <summary>The auth request: valid until the endpoint's receive window from now, signed over <c>GET/realtime</c> and that expiry.</summary>
    private string Auth(long id, DateTimeOffset now)
    {
        var expires = (now + endpoint.RecvWindow).ToUnixTimeMilliseconds();
        return JsonSerializer.Serialize(new
        {
            op = "auth",
            req_id = Digits(id),
            args = new object[] { endpoint.ApiKey, expires, AuthSignature(endpoint.ApiSecret, expires) },
        });
    }

    public static string AuthSignature(string apiSecret, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes($"GET/realtime{Digits(expires)}")));

    public override Frame Read(string text) => ReadObject(text, root =>
    {
        if (root.TryGetProperty("topic", out var topic))
            return topic.GetString() == "order"
                ? new Execution(null, root.GetProperty("data").EnumerateArray().Select(ReadOrder).ToList())
                : new Other(topic.GetString() ?? "a topic");
        if (!root.TryGetProperty("op", out var op))
            return new Unreadable("neither a topic's message nor an answer");
        long? id = root.TryGetProperty("req_id", out var given) && long.TryParse(given.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
        // A pong says no success at all: the answer is that it came.
        var refused = root.TryGetProperty("success", out var success) && !success.GetBoolean();
        return new Answer(id, refused ? RefusalOf(root, op.GetString()) : null);
    });

    private static string RefusalOf(JsonElement answer, string? op) =>
        answer.TryGetProperty("ret_msg", out var message) && message.GetString() is { Length: > 0 } text ? text : $"{op} refused";

    private OrderLedger.ExecutionReported ReadOrder(JsonElement order)
    {
        var filled = Amount(order, "cumExecQty");
        var report = new OrderReport(
            Text(order, "orderLinkId"),
            Text(order, "orderId"),
            Text(order, "symbol"),
            SideOf(Text(order, "side"), "side"),
            BybitReplies.Order.StateOf(Text(order, "orderStatus")),
            Amount(order, "qty"),
            filled,
            filled > 0 ? Amount(order, "cumExecValue") / filled : null);
        var updated = long.Parse(Text(order, "updatedTime"), NumberStyles.None, CultureInfo.InvariantCulture);
        return new OrderLedger.ExecutionReported(exchange, report, null, DateTimeOffset.FromUnixTimeMilliseconds(updated));
    }

    private static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);
}
