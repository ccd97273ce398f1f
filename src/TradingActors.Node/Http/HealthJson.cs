using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingActors.Node.Http;

/// <summary>
/// <c>GET /health</c> as JSON: the overall status and each check's (the engine's says which exchange is in which
/// state). 200 while healthy or degraded, 503 when unhealthy: no exchange can take orders.
/// </summary>
internal static class HealthJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new
            {
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                data = entry.Value.Data,
            }),
        }, Indented, context.RequestAborted);
    }
}
