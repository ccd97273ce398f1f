using System.Text.Json;
using System.Text.Json.Serialization;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>Binance's user data events on the WebSocket API: {"subscriptionId":N,"event":{...}}.</summary>
internal static class UserDataEventJson
{
    public static string ExecutionReport(int subscriptionId, OrderUpdate update, SymbolOptions symbol)
    {
        var (order, request) = (update.Order, update.Order.Request);
        var trade = update.Execution == ExecutionType.Trade ? order.Fill : null;
        var report = new ExecutionReportEvent(
            "executionReport", Wire.Millis(order.UpdateTime), request.Symbol, update.ClientOrderId,
            Wire.Name(request.Side), Wire.Name(request.Type), Wire.Name(request.TimeInForce),
            Wire.Amount(request.Quantity), Wire.Amount(request.Price), StopPrice: Wire.Amount(0), IcebergQuantity: Wire.Amount(0),
            OrderListId: -1, update.OriginalClientOrderId, Wire.Name(update.Execution), Wire.Name(order.Status), RejectReason: "NONE",
            order.OrderId, Wire.Amount(trade?.Quantity ?? 0), Wire.Amount(order.ExecutedQuantity), Wire.Amount(trade?.Price ?? 0),
            Commission: Wire.Amount(0), CommissionAsset: trade is null ? null : Commission.AssetOf(request.Side, symbol),
            Wire.Millis(order.UpdateTime), TradeId: trade?.TradeId ?? -1, update.ExecutionId,
            OnBook: order.IsOpen && request.Type == OrderType.Limit, Maker: trade?.Maker ?? false, Ignore: false,
            Wire.Millis(order.Time), Wire.Amount(order.QuoteQuantity), Wire.Amount(trade is null ? 0 : trade.Price * trade.Quantity),
            QuoteOrderQuantity: Wire.Amount(0), WorkingTime: Wire.Millis(order.Time), SelfTradePreventionMode: "NONE");
        return JsonSerializer.Serialize(new Envelope<ExecutionReportEvent>(subscriptionId, report));
    }

    /// <summary>The last event of a subscription that the client ended.</summary>
    public static string StreamTerminated(int subscriptionId, DateTimeOffset time) =>
        JsonSerializer.Serialize(new Envelope<TerminatedEvent>(subscriptionId, new TerminatedEvent("eventStreamTerminated", Wire.Millis(time))));

    private sealed record Envelope<TEvent>(
        [property: JsonPropertyName("subscriptionId")] int SubscriptionId,
        [property: JsonPropertyName("event")] TEvent Event);

    private sealed record TerminatedEvent(
        [property: JsonPropertyName("e")] string EventType,
        [property: JsonPropertyName("E")] long EventTime);

    // Binance's one-letter names, in the order its documentation lists them.
    private sealed record ExecutionReportEvent(
        [property: JsonPropertyName("e")] string EventType,
        [property: JsonPropertyName("E")] long EventTime,
        [property: JsonPropertyName("s")] string Symbol,
        [property: JsonPropertyName("c")] string ClientOrderId,
        [property: JsonPropertyName("S")] string Side,
        [property: JsonPropertyName("o")] string OrderType,
        [property: JsonPropertyName("f")] string TimeInForce,
        [property: JsonPropertyName("q")] string Quantity,
        [property: JsonPropertyName("p")] string Price,
        [property: JsonPropertyName("P")] string StopPrice,
        [property: JsonPropertyName("F")] string IcebergQuantity,
        [property: JsonPropertyName("g")] long OrderListId,
        [property: JsonPropertyName("C")] string OriginalClientOrderId,
        [property: JsonPropertyName("x")] string ExecutionType,
        [property: JsonPropertyName("X")] string OrderStatus,
        [property: JsonPropertyName("r")] string RejectReason,
        [property: JsonPropertyName("i")] long OrderId,
        [property: JsonPropertyName("l")] string LastQuantity,
        [property: JsonPropertyName("z")] string CumulativeQuantity,
        [property: JsonPropertyName("L")] string LastPrice,
        [property: JsonPropertyName("n")] string Commission,
        [property: JsonPropertyName("N")] string? CommissionAsset,
        [property: JsonPropertyName("T")] long TransactionTime,
        [property: JsonPropertyName("t")] long TradeId,
        [property: JsonPropertyName("I")] long ExecutionId,
        [property: JsonPropertyName("w")] bool OnBook,
        [property: JsonPropertyName("m")] bool Maker,
        [property: JsonPropertyName("M")] bool Ignore,
        [property: JsonPropertyName("O")] long CreationTime,
        [property: JsonPropertyName("Z")] string CumulativeQuoteQuantity,
        [property: JsonPropertyName("Y")] string LastQuoteQuantity,
        [property: JsonPropertyName("Q")] string QuoteOrderQuantity,
        [property: JsonPropertyName("W")] long WorkingTime,
        [property: JsonPropertyName("V")] string SelfTradePreventionMode);
}
