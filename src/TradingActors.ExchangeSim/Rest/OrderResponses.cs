using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Rest;

// Binance's order shapes, field for field; "cummulativeQuoteQty" is Binance's own spelling.

/// <summary>The FULL reply to a new order, Binance's default for MARKET and LIMIT; RESULT and ACK are its subsets.</summary>
internal sealed record NewOrderResponse(
    string Symbol, long OrderId, long OrderListId, string ClientOrderId, long TransactTime,
    string Price, string OrigQty, string ExecutedQty, string OrigQuoteOrderQty, string CummulativeQuoteQty,
    string Status, string TimeInForce, string Type, string Side, long WorkingTime, string SelfTradePreventionMode,
    IReadOnlyList<FillResponse> Fills)
{
    public static NewOrderResponse From(Order order, SymbolOptions symbol) => new(
        order.Request.Symbol, order.OrderId, -1, order.ClientOrderId, Wire.Millis(order.Time),
        Wire.Amount(order.Request.Price), Wire.Amount(order.Request.Quantity), Wire.Amount(order.ExecutedQuantity),
        Wire.Amount(0), Wire.Amount(order.QuoteQuantity),
        Wire.Name(order.Status), Wire.Name(order.Request.TimeInForce), Wire.Name(order.Request.Type), Wire.Name(order.Request.Side),
        Wire.Millis(order.Time), "NONE",
        order.Fill is { } fill ? [FillResponse.From(fill, Commission.AssetOf(order.Request.Side, symbol))] : []);
}

/// <summary>A fill in a FULL reply; the simulator charges no commission.</summary>
internal sealed record FillResponse(string Price, string Qty, string Commission, string CommissionAsset, long TradeId)
{
    public static FillResponse From(Fill fill, string commissionAsset) =>
        new(Wire.Amount(fill.Price), Wire.Amount(fill.Quantity), Wire.Amount(0), commissionAsset, fill.TradeId);
}

/// <summary>An order as GET /api/v3/order and /api/v3/openOrders show it.</summary>
internal sealed record OrderStatusResponse(
    string Symbol, long OrderId, long OrderListId, string ClientOrderId,
    string Price, string OrigQty, string ExecutedQty, string CummulativeQuoteQty,
    string Status, string TimeInForce, string Type, string Side, string StopPrice, string IcebergQty,
    long Time, long UpdateTime, bool IsWorking, long WorkingTime, string OrigQuoteOrderQty, string SelfTradePreventionMode)
{
    public static OrderStatusResponse From(Order order) => new(
        order.Request.Symbol, order.OrderId, -1, order.ClientOrderId,
        Wire.Amount(order.Request.Price), Wire.Amount(order.Request.Quantity), Wire.Amount(order.ExecutedQuantity), Wire.Amount(order.QuoteQuantity),
        Wire.Name(order.Status), Wire.Name(order.Request.TimeInForce), Wire.Name(order.Request.Type), Wire.Name(order.Request.Side),
        Wire.Amount(0), Wire.Amount(0),
        Wire.Millis(order.Time), Wire.Millis(order.UpdateTime), IsWorking: true, Wire.Millis(order.Time), Wire.Amount(0), "NONE");
}

/// <summary>The reply to DELETE /api/v3/order: the cancelled order, under the cancel request's own client id.</summary>
internal sealed record CanceledOrderResponse(
    string Symbol, string OrigClientOrderId, long OrderId, long OrderListId, string ClientOrderId, long TransactTime,
    string Price, string OrigQty, string ExecutedQty, string CummulativeQuoteQty,
    string Status, string TimeInForce, string Type, string Side, string SelfTradePreventionMode)
{
    public static CanceledOrderResponse From(Order order, string cancelClientOrderId) => new(
        order.Request.Symbol, order.ClientOrderId, order.OrderId, -1, cancelClientOrderId, Wire.Millis(order.UpdateTime),
        Wire.Amount(order.Request.Price), Wire.Amount(order.Request.Quantity), Wire.Amount(order.ExecutedQuantity), Wire.Amount(order.QuoteQuantity),
        Wire.Name(order.Status), Wire.Name(order.Request.TimeInForce), Wire.Name(order.Request.Type), Wire.Name(order.Request.Side), "NONE");
}
