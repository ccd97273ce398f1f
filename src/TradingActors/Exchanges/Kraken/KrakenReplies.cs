using System.Text.Json.Serialization;

namespace TradingActors.Exchanges.Kraken;

// Strict: a reply missing a field the engine needs is malformed, not a half-filled record. Generated at build time, so a
// reply is read straight from its bytes, with no reflection.
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(PlainDecimalJson)])]
[JsonSerializable(typeof(KrakenReplies.Errors))]
[JsonSerializable(typeof(KrakenReplies.Reply<KrakenReplies.ServerTime>))]
[JsonSerializable(typeof(KrakenReplies.Reply<Dictionary<string, KrakenReplies.Ticker>>))]
[JsonSerializable(typeof(KrakenReplies.Reply<KrakenReplies.AddedOrder>))]
[JsonSerializable(typeof(KrakenReplies.Reply<KrakenReplies.CancelledOrders>))]
[JsonSerializable(typeof(KrakenReplies.Reply<Dictionary<string, KrakenReplies.Order>>))]
[JsonSerializable(typeof(KrakenReplies.Reply<KrakenReplies.OpenOrders>))]
[JsonSerializable(typeof(KrakenReplies.Reply<KrakenReplies.ClosedOrders>))]
[JsonSerializable(typeof(KrakenReplies.Reply<KrakenReplies.WebSocketsToken>))]
internal sealed partial class KrakenJson : JsonSerializerContext;

/// <summary>What Kraken's REST API answers, as far as the engine reads it.</summary>
internal static class KrakenReplies
{
    /// <summary>Every reply's error array, read before its result: a refusal's result is empty or absent.</summary>
    public sealed record Errors([property: JsonPropertyName("error")] IReadOnlyList<string>? Error);

    public sealed record Reply<T>([property: JsonPropertyName("result")] T Result);

    public sealed record ServerTime([property: JsonPropertyName("unixtime")] long UnixTime);

    /// <summary>A pair's ticker; <c>c</c> is the last trade, its price then its volume.</summary>
    public sealed record Ticker([property: JsonPropertyName("c")] IReadOnlyList<decimal> LastTrade);

    /// <summary>AddOrder's answer: the order's id, nothing of its state.</summary>
    public sealed record AddedOrder([property: JsonPropertyName("txid")] IReadOnlyList<string> TxId);

    public sealed record WebSocketsToken([property: JsonPropertyName("token")] string Token);

    public sealed record CancelledOrders([property: JsonPropertyName("count")] int Count);

    public sealed record OpenOrders([property: JsonPropertyName("open")] Dictionary<string, Order> Open);

    public sealed record ClosedOrders([property: JsonPropertyName("closed")] Dictionary<string, Order> Closed);

    public sealed record Description(
        [property: JsonPropertyName("pair")] string Pair,
        [property: JsonPropertyName("type")] string Type);

    public sealed record Order(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("descr")] Description Description,
        [property: JsonPropertyName("vol")] decimal Volume,
        [property: JsonPropertyName("vol_exec")] decimal VolumeExecuted,
        [property: JsonPropertyName("price")] decimal AveragePrice,
        [property: JsonPropertyName("cl_ord_id")] string? ClientOrderId = null)
    {
        public OrderReport ToReport(string txid, string? clientOrderId = null) => new(
            ClientOrderId ?? clientOrderId ?? "",
            txid,
            KrakenPairs.SymbolOf(Description.Pair),
            Description.Type == "sell" ? OrderSide.Sell : OrderSide.Buy,
            Status switch
            {
                "pending" or "open" => VolumeExecuted > 0 ? OrderState.PartiallyFilled : OrderState.New,
                "closed" => VolumeExecuted >= Volume ? OrderState.Filled : OrderState.Expired,
                "canceled" => OrderState.Cancelled,
                "expired" => OrderState.Expired,
                _ => OrderState.Rejected,
            },
            Volume,
            VolumeExecuted,
            VolumeExecuted > 0 ? AveragePrice : null);
    }
}
