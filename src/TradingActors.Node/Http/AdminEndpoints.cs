using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Breaker;
using TradingActors.Hosting;
using TradingActors.Node.Configuration;

namespace TradingActors.Node.Http;

/// <summary>
/// <c>POST /admin/exchanges/{name}/isolate</c> and <c>.../reset</c>: an operator opens or closes a breaker
/// by hand. Each needs <c>Authorization: Bearer &lt;token&gt;</c>; without a configured token they are off.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder routes, string? token)
    {
        var exchange = routes.MapGroup("/admin/exchanges/{name}").AddEndpointFilter(async (context, next) =>
            Refusal(context.HttpContext, token) ?? await next(context));
        exchange.MapPost("/isolate", (string name, ITradingEngine engine, CancellationToken cancellation) =>
            Command(engine, new CircuitBreaker.Isolate(name, "isolated over HTTP"), cancellation));
        exchange.MapPost("/reset", (string name, ITradingEngine engine, CancellationToken cancellation) =>
            Command(engine, new CircuitBreaker.Reset(name), cancellation));
        return routes;
    }

    private static IResult? Refusal(HttpContext http, string? token)
    {
        if (token is null)
            return Unauthorized(http, $"admin commands are off: set node.http.admin-token or {NodeSettings.AdminTokenVariable}");
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var presented = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        // Constant time, so that the response time does not tell how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token))
            ? null
            : Unauthorized(http, "a valid 'Authorization: Bearer <admin token>' header is required");
    }

    private static IResult Unauthorized(HttpContext http, string error)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Json(new { error }, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> Command(ITradingEngine engine, CircuitBreaker.Command command, CancellationToken cancellation)
    {
        try
        {
            return Results.Json(await engine.SendAsync(command, cancellation));
        }
        catch (ArgumentException unknown)
        {
            return Results.Json(new { error = unknown.Message }, statusCode: StatusCodes.Status404NotFound);
        }
    }
}
