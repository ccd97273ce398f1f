using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Hosting;

namespace TradingActors.Node.Http;

/// <summary>
/// <c>GET /status</c>: every breaker's summary, every feed's snapshot, and the order ledger's counts per exchange;
/// <c>GET /status/{exchange}</c>: one breaker in detail (its window, settings, response times and transitions).
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
        routes.MapGet("/status/{exchange}", async (string exchange, ITradingEngine engine, CancellationToken cancellation) =>
        {
            try
            {
                return Results.Json(await engine.GetStatusAsync(exchange, cancellation));
            }
            catch (ArgumentException unknown)
            {
                return Results.Json(new { error = unknown.Message }, statusCode: StatusCodes.Status404NotFound);
            }
        });
        return routes;
    }
}
