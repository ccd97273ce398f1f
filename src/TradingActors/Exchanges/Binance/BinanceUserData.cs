using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Exchanges.Binance;

/// <summary>
/// Binance's WebSocket API, as the user data stream speaks it: one signed <c>userDataStream.subscribe.signature</c>,
/// <c>ping</c>, answers by id with a status, and the subscription's events, of which an <c>executionReport</c> is an
/// order's news. Binance numbers subscriptions, and each event names its own.
/// </summary>
internal sealed class BinanceUserData(string exchange, BinanceSettings endpoint) : UserDataProtocol
{
    public const string SubscribeMethod = "userDataStream.subscribe.signature";

    public override int SubscribeSteps => 1;

    public override bool NumbersSubscriptions => true;

    /// <summary>The subscription of the endpoint's account, signed with its secret at <paramref name="now"/>.</summary>
    public override string Subscribe(int step, long id, DateTimeOffset now, string? token)
    {
        var apiKey = endpoint.ApiKey;
        var timestamp = now.ToUnixTimeMilliseconds();
        var window = (long)endpoint.RecvWindow.TotalMilliseconds;
        var signature = Signature(endpoint.ApiSecret, [("apiKey", apiKey), ("recvWindow", Digits(window)), ("timestamp", Digits(timestamp))]);
        return JsonSerializer.Serialize(new
        {
            id,
            method = SubscribeMethod,
            @params = new { apiKey, recvWindow = window, timestamp, signature },
        });
    }

    public override string Ping(long id) => JsonSerializer.Serialize(new { id, method = "ping" });

    /// <summary>
    /// Binance's signature of a WebSocket API request: its params but the signature, sorted by name, written
    /// <c>name=value</c> (values as sent, not URL-encoded) joined by <c>&amp;</c>, HMAC-SHA256 with the secret, in hex.
    /// </summary>
    public static string Signature(string apiSecret, IEnumerable<(string Name, string Value)> parameters)
    {
        var payload = string.Join('&', parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(payload)));
    }

    public override Frame Read(string text) => ReadObject(text, root =>
        root.TryGetProperty("event", out var happened) ? ReadEvent(root.GetProperty("subscriptionId").GetInt32(), happened)
        : root.TryGetProperty("status", out var status) ? ReadAnswer(root, status.GetInt32())
        : new Unreadable("neither an event nor an answer"));

    private static Answer ReadAnswer(JsonElement answer, int status)
    {
        long? id = answer.TryGetProperty("id", out var given) && given.ValueKind == JsonValueKind.Number ? given.GetInt64() : null;
        if (answer.TryGetProperty("error", out var error))
        {
            TimeSpan? retryAfter = error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                                   && data.TryGetProperty("retryAfter", out var until) && data.TryGetProperty("serverTime", out var serverTime)
                ? TimeSpan.FromMilliseconds(Math.Max(0, until.GetInt64() - serverTime.GetInt64()))
                : null;
            return new Answer(id, $"{error.GetProperty("code").GetInt32()} {error.GetProperty("msg").GetString()}", null, retryAfter);
        }
        if (status != 200)
            return new Answer(id, $"status {status}");
        int? subscription = answer.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
                            && result.TryGetProperty("subscriptionId", out var subscriptionId)
            ? subscriptionId.GetInt32()
            : null;
        return new Answer(id, null, subscription);
    }

    private Frame ReadEvent(int subscription, JsonElement happened) =>
        Text(happened, "e") switch
        {
            "executionReport" => new Execution(subscription, [ReadExecution(happened)]),
            "eventStreamTerminated" => new Terminated(subscription),
            var other => new Other(other),
        };

    /// <summary>
    /// An execution of one order. A cancel names the cancel request in <c>c</c> and the order in <c>C</c>, which
    /// is empty otherwise; only a trade (<c>x</c> TRADE, a trade id in <c>t</c>, -1 otherwise) carries a fill.
    /// </summary>
    private OrderLedger.ExecutionReported ReadExecution(JsonElement report)
    {
        var original = report.TryGetProperty("C", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var filled = Amount(report, "z");
        var quote = Amount(report, "Z");
        var order = new OrderReport(
            original is { Length: > 0 } ? original : Text(report, "c"),
            report.GetProperty("i").GetInt64().ToString(CultureInfo.InvariantCulture),
            Text(report, "s"),
            SideOf(Text(report, "S"), "S"),
            StateOf(Text(report, "X")),
            Amount(report, "q"),
            filled,
            filled > 0 ? quote / filled : null);
        var tradeId = report.GetProperty("t").GetInt64();
        var trade = Text(report, "x") == "TRADE" && tradeId >= 0 ? new Trade(tradeId, Amount(report, "l"), Amount(report, "L")) : null;
        return new OrderLedger.ExecutionReported(exchange, order, trade, DateTimeOffset.FromUnixTimeMilliseconds(report.GetProperty("T").GetInt64()));
    }

    // A status the engine does not know is unreadable rather than guessed at: the ledger's queries will learn it.
    private static OrderState StateOf(string status) => status switch
    {
        "NEW" or "PENDING_NEW" => OrderState.New,
        "PARTIALLY_FILLED" => OrderState.PartiallyFilled,
        "FILLED" => OrderState.Filled,
        "CANCELED" or "PENDING_CANCEL" => OrderState.Cancelled,
        "REJECTED" => OrderState.Rejected,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderState.Expired,
        _ => throw new FormatException($"'X' is '{status}', an order status the engine does not know"),
    };

    private static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);
}
