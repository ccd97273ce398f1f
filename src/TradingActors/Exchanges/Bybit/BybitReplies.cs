using System.Text.Json.Serialization;

namespace TradingActors.Exchanges.Bybit;

// Strict: a reply missing a field the engine needs is malformed, not a half-filled record. Generated at build time, so a
// reply is read straight from its bytes, with no reflection.
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(PlainDecimalJson)])]
[JsonSerializable(typeof(BybitReplies.Status))]
[JsonSerializable(typeof(BybitReplies.Envelope<BybitReplies.ServerTime>))]
[JsonSerializable(typeof(BybitReplies.Envelope<BybitReplies.Tickers>))]
[JsonSerializable(typeof(BybitReplies.Envelope<BybitReplies.OrderIds>))]
[JsonSerializable(typeof(BybitReplies.Envelope<BybitReplies.OrderPage>))]
internal sealed partial class BybitJson : JsonSerializerContext;

/// <summary>What Bybit's v5 REST API answers, as far as the engine reads it.</summary>
internal static class BybitReplies
{
    /// <summary>Every reply's outcome; an error's <c>result</c> is an empty object, so it is read before the result is.</summary>
    public sealed record Status([property: JsonPropertyName("retCode")] int RetCode, [property: JsonPropertyName("retMsg")] string RetMsg);

    public sealed record Envelope<T>([property: JsonPropertyName("retCode")] int RetCode, [property: JsonPropertyName("result")] T Result);

    public sealed record ServerTime([property: JsonPropertyName("timeSecond")] string TimeSecond);

    public sealed record Tickers([property: JsonPropertyName("list")] List<Ticker> List);

    public sealed record Ticker([property: JsonPropertyName("symbol")] string Symbol, [property: JsonPropertyName("lastPrice")] decimal LastPrice);

    public sealed record OrderIds([property: JsonPropertyName("orderId")] string OrderId, [property: JsonPropertyName("orderLinkId")] string OrderLinkId);

    public sealed record OrderPage(
        [property: JsonPropertyName("list")] List<Order> List,
        [property: JsonPropertyName("nextPageCursor")] string? NextPageCursor = null);

    public sealed record Order(
        [property: JsonPropertyName("orderId")] string OrderId,
        [property: JsonPropertyName("orderLinkId")] string OrderLinkId,
        [property: JsonPropertyName("symbol")] string Symbol,
        [property: JsonPropertyName("side")] string Side,
        [property: JsonPropertyName("orderStatus")] string OrderStatus,
        [property: JsonPropertyName("qty")] decimal Qty,
        [property: JsonPropertyName("cumExecQty")] decimal CumExecQty,
        [property: JsonPropertyName("cumExecValue")] decimal CumExecValue)
    {
        public OrderReport ToReport() => new(
            OrderLinkId,
            OrderId,
            Symbol,
            Side == "Sell" ? OrderSide.Sell : OrderSide.Buy,
            StateOf(OrderStatus),
            Qty,
            CumExecQty,
            CumExecQty > 0 ? CumExecValue / CumExecQty : null);

        /// <summary>An order's state from its <c>orderStatus</c>, as REST and the private stream both write it.</summary>
        public static OrderState StateOf(string orderStatus) => orderStatus switch
        {
            "New" or "Created" or "Untriggered" or "Triggered" => OrderState.New,
            "PartiallyFilled" => OrderState.PartiallyFilled,
            "Filled" => OrderState.Filled,
            "Cancelled" or "PartiallyFilledCanceled" => OrderState.Cancelled,
            "Deactivated" => OrderState.Expired,
            _ => OrderState.Rejected,
        };
    }
}
