using System.Globalization;
using TradingActors.ExchangeSim.Trading;
using Kind = TradingActors.ExchangeSim.Trading.OrderType;
using State = TradingActors.ExchangeSim.Trading.OrderStatus;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>The reply to order/create and order/cancel: the ids only, as Bybit answers them.</summary>
internal sealed record BybitOrderIds(string OrderId, string OrderLinkId)
{
    public static BybitOrderIds Of(Order order) => new(order.OrderId.ToString(CultureInfo.InvariantCulture), order.ClientOrderId);
}

/// <summary>A page of orders from order/realtime; <c>nextPageCursor</c> is empty on the last page.</summary>
internal sealed record BybitOrderPage(string Category, IReadOnlyList<BybitOrderResponse> List, string NextPageCursor);

/// <summary>An order as order/realtime shows it, with the fields of a spot order that the simulator can fill in.</summary>
internal sealed record BybitOrderResponse(
    string OrderId, string OrderLinkId, string BlockTradeId, string Symbol, string Price, string Qty, string Side,
    string IsLeverage, int PositionIdx, string OrderStatus, string CancelType, string RejectReason, string AvgPrice,
    string LeavesQty, string LeavesValue, string CumExecQty, string CumExecValue, string CumExecFee,
    string TimeInForce, string OrderType, string StopOrderType, string TriggerPrice, string MarketUnit,
    string CreatedTime, string UpdatedTime)
{
    public static BybitOrderResponse From(Order order)
    {
        var request = order.Request;
        var leaves = order.IsOpen ? request.Quantity - order.ExecutedQuantity : 0m;
        return new BybitOrderResponse(
            order.OrderId.ToString(CultureInfo.InvariantCulture), order.ClientOrderId, "", request.Symbol,
            BybitWire.Amount(request.Price), BybitWire.Amount(request.Quantity), request.Side == OrderSide.Buy ? "Buy" : "Sell",
            "0", 0, Status(order), order.Status == State.Canceled ? "CancelByUser" : "UNKNOWN", "EC_NoError",
            order.Fill is { } fill ? BybitWire.Amount(fill.Price) : "",
            BybitWire.Amount(leaves), BybitWire.Amount(leaves * request.Price),
            BybitWire.Amount(order.ExecutedQuantity), BybitWire.Amount(order.QuoteQuantity), "0",
            request.TimeInForce.ToString().ToUpperInvariant(), request.Type == Kind.Limit ? "Limit" : "Market", "", "0",
            // The market keeps base quantities: a quote-coin market buy is shown converted, in the base coin.
            request.Type == Kind.Market ? "baseCoin" : "",
            BybitWire.MillisText(order.Time), BybitWire.MillisText(order.UpdateTime));
    }

    // Bybit spot has no expired state: an IOC or FOK order that could not fill is cancelled.
    private static string Status(Order order) => order.Status switch
    {
        State.New => "New",
        State.Filled => "Filled",
        _ => "Cancelled",
    };
}
