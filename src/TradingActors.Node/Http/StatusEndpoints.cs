using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Hosting;

namespace TradingActors.Node.Http;

/// <summary>
/// <c>GET /status</c>: every breaker's and every feed's snapshot, and the order ledger's counts per exchange.
/// </summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/status", async (ITradingEngine engine, CancellationToken cancellation) =>
            Results.Json(new
            {
                exchanges = await engine.GetStatusesAsync(cancellation),
                feeds = await engine.GetFeedStatusesAsync(cancellation),
                orders = (await engine.GetOrdersAsync(cancellation)).Exchanges,
            }));
        return routes;
    }
}
