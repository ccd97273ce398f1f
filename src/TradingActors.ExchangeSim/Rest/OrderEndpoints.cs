using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>The signed order endpoints, and the faults that only make sense around an order's execution.</summary>
internal static class OrderEndpoints
{
    public static void MapOrders(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v3/order", PlaceAsync).WithWeight(1).WithMetadata(PlacesOrders.Marker);
        app.MapGet("/api/v3/order", QueryAsync).WithWeight(4);
        app.MapDelete("/api/v3/order", CancelAsync).WithWeight(1);
        app.MapGet("/api/v3/openOrders", OpenOrdersAsync).WithWeight(request => request.Query.ContainsKey("symbol") ? 6 : 80);
    }

    private static async Task<IResult> PlaceAsync(HttpContext context, Authenticator authenticator, Market market, ExchangeFaults faults, FaultDice dice)
    {
        var parameters = await RequestParameters.ReadAsync(context.Request);
        var apiKey = authenticator.Authenticate(context.Request, parameters);
        var request = OrderRequestParser.Parse(parameters, market);
        var current = faults.Current;
        if (dice.Roll(current.Order5xx))
            throw ExchangeError.BackendTimeout();
        var order = market.Place(apiKey, request);
        if (dice.Roll(current.Order5xxAfterExecution))
            throw ExchangeError.BackendTimeout();
        // The ghost fill: executed, and the reply held back past any sane client timeout.
        if (current.GhostFillDelay > TimeSpan.Zero)
            await Task.Delay(current.GhostFillDelay, context.RequestAborted);
        return Results.Json(NewOrderResponse.From(order, market.Symbol(order.Request.Symbol)));
    }

    private static async Task<IResult> QueryAsync(HttpContext context, Authenticator authenticator, Market market, ExchangeFaults faults, TimeProvider clock)
    {
        var parameters = await RequestParameters.ReadAsync(context.Request);
        var apiKey = authenticator.Authenticate(context.Request, parameters);
        var order = market.Find(apiKey, parameters.Required("symbol"), OrderRequestParser.Reference(parameters));
        // Eventual consistency: the order exists, but the node that answers has not heard of it yet.
        if (clock.GetUtcNow() - order.Time < faults.Current.OrderQueryLag)
            throw ExchangeError.OrderDoesNotExist();
        return Results.Json(OrderStatusResponse.From(order));
    }

    private static async Task<IResult> CancelAsync(HttpContext context, Authenticator authenticator, Market market)
    {
        var parameters = await RequestParameters.ReadAsync(context.Request);
        var apiKey = authenticator.Authenticate(context.Request, parameters);
        var canceled = market.Cancel(apiKey, parameters.Required("symbol"), OrderRequestParser.Reference(parameters), parameters.Optional("newClientOrderId"));
        return Results.Json(CanceledOrderResponse.From(canceled.Order, canceled.ClientOrderId));
    }

    private static async Task<IResult> OpenOrdersAsync(HttpContext context, Authenticator authenticator, Market market)
    {
        var parameters = await RequestParameters.ReadAsync(context.Request);
        var apiKey = authenticator.Authenticate(context.Request, parameters);
        var orders = market.OpenOrders(apiKey, parameters.Optional("symbol"));
        return Results.Json(orders.Select(OrderStatusResponse.From).ToList());
    }
}
