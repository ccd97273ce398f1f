using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>Endpoint metadata: what a request costs against the weight budget (Binance's figures).</summary>
internal sealed record RequestWeight(Func<HttpRequest, int> Of)
{
    public static readonly RequestWeight Default = new(1);

    public RequestWeight(int weight) : this(_ => weight)
    {
    }
}

/// <summary>Endpoint metadata: the endpoint places orders, whose 5xx faults are decided around the execution.</summary>
internal sealed record PlacesOrders
{
    public static readonly PlacesOrders Marker = new();
}

internal static class EndpointWeightExtensions
{
    public static RouteHandlerBuilder WithWeight(this RouteHandlerBuilder endpoint, int weight) =>
        endpoint.WithMetadata(new RequestWeight(weight));

    public static RouteHandlerBuilder WithWeight(this RouteHandlerBuilder endpoint, Func<HttpRequest, int> weight) =>
        endpoint.WithMetadata(new RequestWeight(weight));
}
