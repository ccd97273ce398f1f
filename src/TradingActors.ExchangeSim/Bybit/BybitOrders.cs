using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>The private order endpoints, and the faults that only make sense around an order's execution.</summary>
internal static class BybitOrders
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 50;

    public static void MapBybitOrders(this IEndpointRouteBuilder app, BybitAuthenticator authenticator)
    {
        app.MapPost("/v5/order/create", (HttpContext context, Market market, ExchangeFaults faults, FaultDice dice, TimeProvider clock) =>
            CreateAsync(context, authenticator, market, faults, dice, clock)).WithMetadata(PlacesOrders.Marker);
        app.MapPost("/v5/order/cancel", (HttpContext context, Market market, TimeProvider clock) =>
            CancelAsync(context, authenticator, market, clock));
        app.MapGet("/v5/order/realtime", (HttpContext context, Market market, ExchangeFaults faults, TimeProvider clock) =>
            Realtime(context, authenticator, market, faults, clock));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, BybitAuthenticator authenticator, Market market, ExchangeFaults faults, FaultDice dice, TimeProvider clock)
    {
        var (apiKey, body) = await SignedBodyAsync(context, authenticator);
        var request = BybitOrderRequest.Parse(body, market);
        var current = faults.Current;
        if (dice.Roll(current.Order5xx))
            throw BybitError.ServerTimeout();
        var order = market.Place(apiKey, request);
        if (dice.Roll(current.Order5xxAfterExecution))
            throw BybitError.ServerTimeout();
        // The ghost fill: executed, and the reply held back past any sane client timeout.
        if (current.GhostFillDelay > TimeSpan.Zero)
            await Task.Delay(current.GhostFillDelay, context.RequestAborted);
        return BybitWire.Ok(BybitOrderIds.Of(order), clock);
    }

    private static async Task<IResult> CancelAsync(HttpContext context, BybitAuthenticator authenticator, Market market, TimeProvider clock)
    {
        var (apiKey, body) = await SignedBodyAsync(context, authenticator);
        BybitOrderRequest.Spot(body.Required("category"));
        var reference = BybitOrderRequest.Reference(body.Optional("orderId"), body.Optional("orderLinkId"))
            ?? throw BybitError.ParameterError("orderId or orderLinkId is required");
        var canceled = market.Cancel(apiKey, body.Required("symbol"), reference, cancelClientOrderId: null);
        return BybitWire.Ok(BybitOrderIds.Of(canceled.Order), clock);
    }

    /// <summary>One order by its id (open or not), or the account's open orders a page at a time.</summary>
    private static IResult Realtime(HttpContext context, BybitAuthenticator authenticator, Market market, ExchangeFaults faults, TimeProvider clock)
    {
        var query = context.Request.Query;
        var apiKey = authenticator.Authenticate(context.Request, context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "");
        BybitOrderRequest.Spot(Required(query, "category"));
        var symbol = Optional(query, "symbol");
        if (BybitOrderRequest.Reference(Optional(query, "orderId"), Optional(query, "orderLinkId")) is { } reference)
        {
            var order = Find(market, apiKey, symbol ?? throw BybitError.ParameterError("symbol is required with an order id"), reference);
            // Eventual consistency: the order exists, but the node that answers has not heard of it yet. Bybit answers
            // an order it does not know with an empty list, not an error.
            var known = order is not null && clock.GetUtcNow() - order.Time >= faults.Current.OrderQueryLag;
            return BybitWire.Ok(new BybitOrderPage("spot", known ? [BybitOrderResponse.From(order!)] : [], ""), clock);
        }
        var size = Optional(query, "limit") is { } limit
            ? int.TryParse(limit, out var asked) && asked is >= 1 and <= MaxPageSize ? asked : throw BybitError.ParameterError("limit invalid")
            : DefaultPageSize;
        var after = Optional(query, "cursor") is { } cursor
            ? long.TryParse(cursor, out var last) ? last : throw BybitError.ParameterError("cursor invalid")
            : 0;
        var open = market.OpenOrders(apiKey, symbol).Where(order => order.OrderId > after).ToList();
        var page = open.Take(size).ToList();
        var next = open.Count > size ? page[^1].OrderId.ToString(CultureInfo.InvariantCulture) : "";
        return BybitWire.Ok(new BybitOrderPage("spot", page.Select(BybitOrderResponse.From).ToList(), next), clock);
    }

    private static Order? Find(Market market, string apiKey, string symbol, OrderReference reference)
    {
        try
        {
            return market.Find(apiKey, symbol, reference);
        }
        catch (ExchangeError error) when (error.Code == -2013)
        {
            return null;
        }
    }

    private static async Task<(string ApiKey, BybitBody Body)> SignedBodyAsync(HttpContext context, BybitAuthenticator authenticator)
    {
        using var reader = new StreamReader(context.Request.Body);
        var json = await reader.ReadToEndAsync(context.RequestAborted);
        var apiKey = authenticator.Authenticate(context.Request, json);
        return (apiKey, BybitBody.Parse(json));
    }

    private static string? Optional(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.Count == 1 && value[0] is { Length: > 0 } text ? text : null;

    private static string Required(IQueryCollection query, string name) =>
        Optional(query, name) ?? throw BybitError.ParameterError($"{name} is required");
}
