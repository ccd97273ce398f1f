using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Hosting;

namespace TradingActors.Node.Http;

/// <summary>
/// <c>GET /status</c> (every breaker's and every feed's snapshot, and the order ledger's counts per exchange) and
/// <c>GET /health</c> (503 when no exchange can take orders).
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
        routes.MapGet("/health", async (ITradingEngine engine, CancellationToken cancellation) =>
        {
            var health = HealthReport.Of(await engine.GetStatusesAsync(cancellation));
            return Results.Json(health, statusCode: health.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return routes;
    }
}
