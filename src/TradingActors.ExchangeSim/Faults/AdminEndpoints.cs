using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.Configuration;

namespace TradingActors.ExchangeSim.Faults;

/// <summary>The bearer token the admin endpoint requires.</summary>
internal sealed class AdminAccess(string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes($"Bearer {token}");

    public bool Allows(HttpRequest request) =>
        CryptographicOperations.FixedTimeEquals(_expected, Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString()));
}

/// <summary>
/// /admin/faults on each exchange: GET shows the faults in force, POST replaces them (a JSON or HOCON
/// object with the keys of a <c>fault { }</c> block, and an optional <c>duration</c>), DELETE clears them.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapFaultAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(RequireTokenAsync);
        admin.MapGet("/faults", (ExchangeFaults faults) => Results.Json(FaultSettingsHocon.Describe(faults.Current)));
        admin.MapPost("/faults", SetAsync);
        admin.MapDelete("/faults", (ExchangeFaults faults) => Apply(faults, FaultSettings.None, duration: null));
    }

    private static async ValueTask<object?> RequireTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<AdminAccess>().Allows(context.HttpContext.Request)
            ? await next(context)
            : Results.Json(new { error = "Authorization: Bearer <admin-token> is required." }, statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<IResult> SetAsync(HttpRequest request, ExchangeFaults faults)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            var section = new SettingsReader(HoconText.Parse("the request body", text), "");
            var settings = FaultSettingsHocon.Read(section, "duration");
            var duration = section.Has("duration") ? section.Duration("duration") : (TimeSpan?)null;
            return Apply(faults, settings, duration);
        }
        catch (SettingsException e)
        {
            return Results.Json(new { error = Bounded(e) }, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    // The message quotes what the client sent, the key and its value (or, for text that is not HOCON, the line the
    // parser stopped on), and a body may hold megabytes there: the key is echoed cut short (the value already is).
    private static string Bounded(SettingsException e)
    {
        const int parserLineLength = 160;
        var message = $"{Echo.Bounded(e.Path)}{(e.Value is null ? "" : $" = {SettingsException.Printable(e.Value)}")}: {e.Problem}";
        return string.Join('\n', message.Split('\n').Select(line => Echo.Bounded(line, parserLineLength)));
    }

    // Not awaited: an outage closes the port this reply has to leave by.
    private static IResult Apply(ExchangeFaults faults, FaultSettings settings, TimeSpan? duration)
    {
        faults.SetInBackground(settings, duration);
        return Results.Json(FaultSettingsHocon.Describe(settings));
    }
}
