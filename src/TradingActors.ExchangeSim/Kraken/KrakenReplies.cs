using System.Text.Json.Serialization;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>Every Kraken reply: the errors (none on success) and the result.</summary>
internal sealed record KrakenReply<T>([property: JsonPropertyName("error")] IReadOnlyList<string> Error, [property: JsonPropertyName("result")] T Result);

/// <summary>An order as QueryOrders, OpenOrders and ClosedOrders show it, field for field as far as the simulator knows them.</summary>
internal sealed record KrakenOrderInfo(
    [property: JsonPropertyName("refid")] string? RefId,
    [property: JsonPropertyName("userref")] int UserRef,
    [property: JsonPropertyName("cl_ord_id")] string ClOrdId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("opentm")] double OpenTime,
    [property: JsonPropertyName("starttm")] double StartTime,
    [property: JsonPropertyName("expiretm")] double ExpireTime,
    [property: JsonPropertyName("closetm")] double? CloseTime,
    [property: JsonPropertyName("descr")] KrakenOrderDescription Description,
    [property: JsonPropertyName("vol")] string Volume,
    [property: JsonPropertyName("vol_exec")] string VolumeExecuted,
    [property: JsonPropertyName("cost")] string Cost,
    [property: JsonPropertyName("fee")] string Fee,
    [property: JsonPropertyName("price")] string Price,
    [property: JsonPropertyName("stopprice")] string StopPrice,
    [property: JsonPropertyName("limitprice")] string LimitPrice,
    [property: JsonPropertyName("misc")] string Misc,
    [property: JsonPropertyName("oflags")] string OrderFlags)
{
    public static KrakenOrderInfo From(Order order, string pair) => new(
        null, 0, order.ClientOrderId, StatusOf(order.Status),
        Seconds(order.Time), 0, 0, order.IsOpen ? null : Seconds(order.UpdateTime),
        KrakenOrderDescription.From(order, pair),
        Wire.Amount(order.Request.Quantity), Wire.Amount(order.ExecutedQuantity), Wire.Amount(order.QuoteQuantity), Wire.Amount(0),
        Wire.Amount(order.Fill?.Price ?? 0), Wire.Amount(0), Wire.Amount(0), "", "fciq");

    private static string StatusOf(OrderStatus status) => status switch
    {
        OrderStatus.New => "open",
        OrderStatus.Filled => "closed",
        OrderStatus.Canceled => "canceled",
        _ => "expired",
    };

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}

/// <summary>What the order is, in Kraken's words: <c>buy 0.01000000 XBTUSDT @ limit 1000.00000000</c>.</summary>
internal sealed record KrakenOrderDescription(
    [property: JsonPropertyName("pair")] string Pair,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("ordertype")] string OrderType,
    [property: JsonPropertyName("price")] string Price,
    [property: JsonPropertyName("price2")] string Price2,
    [property: JsonPropertyName("leverage")] string Leverage,
    [property: JsonPropertyName("order")] string Order,
    [property: JsonPropertyName("close")] string Close)
{
    public static KrakenOrderDescription From(Order order, string pair)
    {
        var side = order.Request.Side == OrderSide.Buy ? "buy" : "sell";
        var type = order.Request.Type == Trading.OrderType.Limit ? "limit" : "market";
        var text = $"{side} {Wire.Amount(order.Request.Quantity)} {pair} @ {type}"
            + (order.Request.Type == Trading.OrderType.Limit ? $" {Wire.Amount(order.Request.Price)}" : "");
        return new KrakenOrderDescription(pair, side, type, Wire.Amount(order.Request.Price), Wire.Amount(0), "none", text, "");
    }
}

/// <summary>The reply to AddOrder: the order's description and its id; nothing of its state.</summary>
internal sealed record KrakenAddOrderResult(
    [property: JsonPropertyName("descr")] KrakenAddOrderDescription Description,
    [property: JsonPropertyName("txid")] IReadOnlyList<string> TxId);

internal sealed record KrakenAddOrderDescription([property: JsonPropertyName("order")] string Order);

/// <summary>One pair in the Ticker's reply, as far as the simulator keeps it: the last trade (price, volume), ask and bid.</summary>
internal sealed record KrakenTicker(
    [property: JsonPropertyName("a")] IReadOnlyList<string> Ask,
    [property: JsonPropertyName("b")] IReadOnlyList<string> Bid,
    [property: JsonPropertyName("c")] IReadOnlyList<string> LastTrade);
