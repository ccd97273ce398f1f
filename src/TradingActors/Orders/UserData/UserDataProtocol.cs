using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.Exchanges;

namespace TradingActors.Orders.UserData;

/// <summary>
/// Binance's WebSocket API, as the user data stream speaks it: the signed <c>userDataStream.subscribe.signature</c>
/// and <c>ping</c> requests, and the frames that come back: answers to them, by id, and the subscription's
/// events, of which an <c>executionReport</c> becomes the ledger's <see cref="OrderLedger.ExecutionReported"/>.
/// </summary>
internal static class UserDataProtocol
{
    public abstract record Frame;

    /// <param name="Id">The id of the request answered; null when the endpoint could not read one.</param>
    /// <param name="SubscriptionId">What a subscription's answer names; null for any other.</param>
    /// <param name="Problem">The refusal, "code message"; null for a success.</param>
    /// <param name="RetryAfter">How long a rate-limited or banned client must wait before it asks again.</param>
    public sealed record Answer(long? Id, int Status, int? SubscriptionId, string? Problem, TimeSpan? RetryAfter) : Frame;

    public sealed record Execution(int SubscriptionId, OrderLedger.ExecutionReported Reported) : Frame;

    /// <summary>The subscription has ended: nothing more comes on it.</summary>
    public sealed record Terminated(int SubscriptionId) : Frame;

    /// <summary>An event of the subscription that says nothing about orders (a balance update, say).</summary>
    public sealed record OtherEvent(int SubscriptionId, string Type) : Frame;

    public sealed record Unreadable(string Problem) : Frame;

    public const string SubscribeMethod = "userDataStream.subscribe.signature";

    /// <summary>The subscription of the account with <paramref name="apiKey"/>, signed with its secret at <paramref name="now"/>.</summary>
    public static string Subscribe(long id, string apiKey, string apiSecret, DateTimeOffset now, TimeSpan recvWindow)
    {
        var timestamp = now.ToUnixTimeMilliseconds();
        var window = (long)recvWindow.TotalMilliseconds;
        var signature = Signature(apiSecret, [("apiKey", apiKey), ("recvWindow", Digits(window)), ("timestamp", Digits(timestamp))]);
        return JsonSerializer.Serialize(new
        {
            id,
            method = SubscribeMethod,
            @params = new { apiKey, recvWindow = window, timestamp, signature },
        });
    }

    public static string Ping(long id) => JsonSerializer.Serialize(new { id, method = "ping" });

    /// <summary>
    /// Binance's signature of a WebSocket API request: its params but the signature, sorted by name, written
    /// <c>name=value</c> (values as sent, not URL-encoded) joined by <c>&amp;</c>, HMAC-SHA256 with the secret, in hex.
    /// </summary>
    public static string Signature(string apiSecret, IEnumerable<(string Name, string Value)> parameters)
    {
        var payload = string.Join('&', parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(payload)));
    }

    public static Frame Read(string exchange, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new Unreadable("not a JSON object");
            if (root.TryGetProperty("event", out var happened))
                return ReadEvent(exchange, root.GetProperty("subscriptionId").GetInt32(), happened);
            if (root.TryGetProperty("status", out var status))
                return ReadAnswer(root, status.GetInt32());
            return new Unreadable("neither an event nor an answer");
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException
                                          or KeyNotFoundException or ArgumentException or OverflowException)
        {
            return new Unreadable(error.Message);
        }
    }

    private static Answer ReadAnswer(JsonElement answer, int status)
    {
        long? id = answer.TryGetProperty("id", out var given) && given.ValueKind == JsonValueKind.Number ? given.GetInt64() : null;
        if (answer.TryGetProperty("error", out var error))
        {
            TimeSpan? retryAfter = error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                                   && data.TryGetProperty("retryAfter", out var until) && data.TryGetProperty("serverTime", out var serverTime)
                ? TimeSpan.FromMilliseconds(Math.Max(0, until.GetInt64() - serverTime.GetInt64()))
                : null;
            return new Answer(id, status, null, $"{error.GetProperty("code").GetInt32()} {error.GetProperty("msg").GetString()}", retryAfter);
        }
        int? subscription = answer.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
                            && result.TryGetProperty("subscriptionId", out var subscriptionId)
            ? subscriptionId.GetInt32()
            : null;
        return new Answer(id, status, subscription, null, null);
    }

    private static Frame ReadEvent(string exchange, int subscription, JsonElement happened) =>
        Text(happened, "e") switch
        {
            "executionReport" => new Execution(subscription, ReadExecution(exchange, happened)),
            "eventStreamTerminated" => new Terminated(subscription),
            var other => new OtherEvent(subscription, other),
        };

    /// <summary>
    /// An execution of one order. A cancel names the cancel request in <c>c</c> and the order in <c>C</c>, which
    /// is empty otherwise; only a trade (<c>x</c> TRADE, a trade id in <c>t</c>, -1 otherwise) carries a fill.
    /// </summary>
    private static OrderLedger.ExecutionReported ReadExecution(string exchange, JsonElement report)
    {
        var original = report.TryGetProperty("C", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var filled = Amount(report, "z");
        var quote = Amount(report, "Z");
        var order = new OrderReport(
            original is { Length: > 0 } ? original : Text(report, "c"),
            report.GetProperty("i").GetInt64().ToString(CultureInfo.InvariantCulture),
            Text(report, "s"),
            Text(report, "S") switch
            {
                "BUY" => OrderSide.Buy,
                "SELL" => OrderSide.Sell,
                var side => throw new FormatException($"'S' is '{side}', neither BUY nor SELL"),
            },
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

    private static decimal Amount(JsonElement report, string property) => PlainDecimal.Parse(Text(report, property), $"'{property}'");

    private static string Text(JsonElement report, string property) =>
        report.GetProperty(property).GetString() is { Length: > 0 } text ? text : throw new FormatException($"'{property}' is empty");

    private static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);
}
