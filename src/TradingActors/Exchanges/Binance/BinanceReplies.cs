using System.Globalization;
using System.Text.Json.Serialization;

namespace TradingActors.Exchanges.Binance;

// Strict: a reply missing a field the engine needs is malformed, not a half-filled record. Generated at build time, so a
// reply is read straight from its bytes, with no reflection.
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(PlainDecimalJson)])]
[JsonSerializable(typeof(BinanceReplies.Empty))]
[JsonSerializable(typeof(BinanceReplies.Error))]
[JsonSerializable(typeof(BinanceReplies.Price))]
[JsonSerializable(typeof(BinanceReplies.Order))]
[JsonSerializable(typeof(List<BinanceReplies.Order>))]
internal sealed partial class BinanceJson : JsonSerializerContext;

/// <summary>What Binance's REST API answers, as far as the engine reads it.</summary>
internal static class BinanceReplies
{
    public sealed record Empty;

    public sealed record Error([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("msg")] string Msg);

    public sealed record Price([property: JsonPropertyName("symbol")] string Symbol, [property: JsonPropertyName("price")] decimal Value);

    public sealed record Order(
        [property: JsonPropertyName("symbol")] string Symbol,
        [property: JsonPropertyName("orderId")] long OrderId,
        [property: JsonPropertyName("clientOrderId")] string ClientOrderId,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("origQty")] decimal OrigQty,
        [property: JsonPropertyName("executedQty")] decimal ExecutedQty,
        [property: JsonPropertyName("cummulativeQuoteQty")] decimal CumulativeQuoteQty,
        [property: JsonPropertyName("origClientOrderId")] string? OrigClientOrderId = null,
        [property: JsonPropertyName("side")] string? Side = null)
    {
        public OrderReport ToReport(OrderSide? side = null) => new(
            OrigClientOrderId ?? ClientOrderId,
            OrderId.ToString(CultureInfo.InvariantCulture),
            Symbol,
            side ?? (Side == "SELL" ? OrderSide.Sell : OrderSide.Buy),
            Status switch
            {
                "NEW" or "PENDING_NEW" => OrderState.New,
                "PARTIALLY_FILLED" => OrderState.PartiallyFilled,
                "FILLED" => OrderState.Filled,
                "CANCELED" or "PENDING_CANCEL" => OrderState.Cancelled,
                "EXPIRED" or "EXPIRED_IN_MATCH" => OrderState.Expired,
                _ => OrderState.Rejected,
            },
            OrigQty,
            ExecutedQty,
            ExecutedQty > 0 ? CumulativeQuoteQty / ExecutedQty : null);
    }
}
