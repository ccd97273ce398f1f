using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// Kraken's private trading endpoints, and the faults that only make sense around an order's execution. An order is
/// found by Kraken's txid (QueryOrders, CancelOrder) or by the client's cl_ord_id (OpenOrders, ClosedOrders, CancelOrder),
/// as Kraken allows; QueryOrders takes no cl_ord_id.
/// </summary>
internal static class KrakenTrading
{
    public static void MapKrakenTrading(this IEndpointRouteBuilder app, KrakenExchange kraken)
    {
        app.MapPost("/0/private/AddOrder", (HttpContext context, Market market, ExchangeFaults faults, FaultDice dice) =>
            AddOrderAsync(context, kraken, market, faults, dice)).WithMetadata(PlacesOrders.Marker);
        app.MapPost("/0/private/CancelOrder", (HttpContext context, Market market, ExchangeFaults faults) =>
            CancelOrderAsync(context, kraken, market, faults));
        app.MapPost("/0/private/QueryOrders", (HttpContext context, Market market, ExchangeFaults faults, TimeProvider clock) =>
            QueryOrdersAsync(context, kraken, market, faults, clock));
        app.MapPost("/0/private/OpenOrders", (HttpContext context, Market market, ExchangeFaults faults, TimeProvider clock) =>
            OpenOrdersAsync(context, kraken, market, faults, clock));
        app.MapPost("/0/private/ClosedOrders", (HttpContext context, Market market, ExchangeFaults faults, TimeProvider clock) =>
            ClosedOrdersAsync(context, kraken, market, faults, clock));
        app.MapPost("/0/private/Balance", (HttpContext context, Market market, ExchangeFaults faults) =>
            BalanceAsync(context, kraken, market, faults));
        app.MapPost("/0/private/GetWebSocketsToken", async (HttpContext context, ExchangeFaults faults) =>
        {
            var form = await KrakenForm.AuthenticateAsync(context, kraken, faults, trading: false);
            return KrakenMarketData.Ok(new { token = kraken.Tokens.Issue(form.ApiKey), expires = (int)KrakenTokens.Lifetime.TotalSeconds });
        });
    }

    private static async Task<IResult> AddOrderAsync(HttpContext context, KrakenExchange kraken, Market market, ExchangeFaults faults, FaultDice dice)
    {
        var form = await KrakenForm.AuthenticateAsync(context, kraken, faults, trading: true);
        var request = KrakenOrderForm.Parse(form, kraken.Pairs);
        var current = faults.Current;
        if (dice.Roll(current.Order5xx))
            throw KrakenError.Unavailable();
        var order = market.Place(form.ApiKey, request);
        if (dice.Roll(current.Order5xxAfterExecution))
            throw KrakenError.InternalError();
        // The ghost fill: executed, and the reply held back past any sane client timeout.
        if (current.GhostFillDelay > TimeSpan.Zero)
            await Task.Delay(current.GhostFillDelay, context.RequestAborted);
        var description = KrakenOrderDescription.From(order, kraken.Pairs.NameOf(order.Request.Symbol)).Order;
        return KrakenMarketData.Ok(new KrakenAddOrderResult(new KrakenAddOrderDescription(description), [KrakenTxid.Of(order.OrderId)]));
    }

    private static async Task<IResult> CancelOrderAsync(HttpContext context, KrakenExchange kraken, Market market, ExchangeFaults faults)
    {
        var form = await KrakenForm.AuthenticateAsync(context, kraken, faults, trading: true);
        var reference = (form.Optional("txid"), KrakenOrderForm.ClientOrderId(form)) switch
        {
            ({ } txid, null) => new OrderReference(KrakenTxid.TryParse(txid) ?? throw KrakenError.UnknownOrder(), null),
            (null, { } clientOrderId) => new OrderReference(null, clientOrderId),
            _ => throw KrakenError.InvalidArguments("txid"),
        };
        var order = Find(market, form.ApiKey, reference) ?? throw KrakenError.UnknownOrder();
        market.Cancel(form.ApiKey, order.Request.Symbol, new OrderReference(order.OrderId, null), null);
        return KrakenMarketData.Ok(new { count = 1 });
    }

    private static async Task<IResult> QueryOrdersAsync(HttpContext context, KrakenExchange kraken, Market market, ExchangeFaults faults, TimeProvider clock)
    {
        var form = await KrakenForm.AuthenticateAsync(context, kraken, faults, trading: false);
        var orders = new Dictionary<string, KrakenOrderInfo>();
        foreach (var txid in form.Required("txid").Split(','))
        {
            var order = (KrakenTxid.TryParse(txid) is { } orderId ? Find(market, form.ApiKey, new OrderReference(orderId, null)) : null)
                is { } found && Heard(found, faults, clock) ? found : throw KrakenError.UnknownOrder();
            orders[txid] = KrakenOrderInfo.From(order, kraken.Pairs.NameOf(order.Request.Symbol));
        }
        return KrakenMarketData.Ok(orders);
    }

    private static async Task<IResult> OpenOrdersAsync(HttpContext context, KrakenExchange kraken, Market market, ExchangeFaults faults, TimeProvider clock)
    {
        var form = await KrakenForm.AuthenticateAsync(context, kraken, faults, trading: false);
        var clientOrderId = KrakenOrderForm.ClientOrderId(form);
        var open = market.OpenOrders(form.ApiKey, null)
            .Where(order => (clientOrderId is null || order.ClientOrderId == clientOrderId) && Heard(order, faults, clock));
        return KrakenMarketData.Ok(new { open = Listed(open, kraken.Pairs) });
    }

    // The market lists only open orders, so closed ones are found by their cl_ord_id alone (see the notes on Kraken).
    private static async Task<IResult> ClosedOrdersAsync(HttpContext context, KrakenExchange kraken, Market market, ExchangeFaults faults, TimeProvider clock)
    {
        var form = await KrakenForm.AuthenticateAsync(context, kraken, faults, trading: false);
        var closed = KrakenOrderForm.ClientOrderId(form) is { } clientOrderId
            && Find(market, form.ApiKey, new OrderReference(null, clientOrderId)) is { IsOpen: false } order && Heard(order, faults, clock)
                ? [order]
                : Array.Empty<Order>();
        return KrakenMarketData.Ok(new { closed = Listed(closed, kraken.Pairs), count = closed.Length });
    }

    private static async Task<IResult> BalanceAsync(HttpContext context, KrakenExchange kraken, Market market, ExchangeFaults faults)
    {
        var form = await KrakenForm.AuthenticateAsync(context, kraken, faults, trading: false);
        return KrakenMarketData.Ok(market.Balances(form.ApiKey)
            .ToDictionary(balance => balance.Asset == "BTC" ? "XBT" : balance.Asset, balance => Wire.Amount(balance.Free + balance.Locked)));
    }

    private static Dictionary<string, KrakenOrderInfo> Listed(IEnumerable<Order> orders, KrakenPairs pairs) =>
        orders.ToDictionary(order => KrakenTxid.Of(order.OrderId), order => KrakenOrderInfo.From(order, pairs.NameOf(order.Request.Symbol)));

    // Kraken's calls name no pair, so the order is looked for under each; by cl_ord_id the latest order wins.
    private static Order? Find(Market market, string apiKey, OrderReference reference) =>
        market.Symbols
            .Select(symbol =>
            {
                try
                {
                    return market.Find(apiKey, symbol, reference);
                }
                catch (ExchangeError)
                {
                    return null;
                }
            })
            .OfType<Order>()
            .MaxBy(order => order.OrderId);

    // Eventual consistency: the order exists, but the node that answers has not heard of it yet.
    private static bool Heard(Order order, ExchangeFaults faults, TimeProvider clock) =>
        clock.GetUtcNow() - order.Time >= faults.Current.OrderQueryLag;
}
