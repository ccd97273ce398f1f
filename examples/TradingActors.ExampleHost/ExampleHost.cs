using System.Text.Json.Serialization;
using Akka.Hosting;
using OpenTelemetry.Metrics;
using TradingActors.Exchanges;
using TradingActors.Hosting;
using TradingActors.Metrics;

namespace TradingActors.Examples;

/// <summary>
/// A minimal ASP.NET Core service that embeds the engine the way a trading team would: configured from
/// appsettings.json, its health in the host's health checks, its metrics on /metrics, and orders and prices
/// through <see cref="ITradingEngine"/>.
/// </summary>
public static class ExampleHost
{
    /// <summary>What a caller posts to /orders: a market order, or a limit order with a price.</summary>
    public sealed record OrderRequest(string Exchange, string Symbol, OrderSide Side, decimal Quantity, decimal? LimitPrice, string? ClientOrderId);

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAkka("example-host", akka => akka.WithTradingEngine(builder.Configuration.GetSection("Trading")));
        builder.Services.AddTradingEngine();
        builder.Services.AddHealthChecks();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(EngineMeter.Name).AddPrometheusExporter());

        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/prices/{exchange}/{symbol}", async (string exchange, string symbol, ITradingEngine engine, CancellationToken cancellation) =>
            Answer(await engine.GetPriceAsync(new GetPrice(exchange, symbol), cancellation)));
        app.MapPost("/orders", async (OrderRequest order, ITradingEngine engine, CancellationToken cancellation) =>
            Answer(await engine.PlaceOrderAsync(order.ClientOrderId is { } id
                ? new PlaceOrder(order.Exchange, order.Symbol, order.Side, order.Quantity, order.LimitPrice, id)
                : PlaceOrder.WithNewId(order.Exchange, order.Symbol, order.Side, order.Quantity, order.LimitPrice), cancellation)));
        return app;
    }

    // The engine answers every request: a result is 200, anything else (a rejection, a failure, an open breaker) is 503 saying what.
    private static IResult Answer(ExchangeReply reply) => reply switch
    {
        PriceQuoted quoted => Results.Ok(new { exchange = quoted.Request.Exchange, quoted.Price }),
        OrderPlaced placed => Results.Ok(new { exchange = placed.Request.Exchange, placed.Report.ClientOrderId, state = placed.Report.State.ToString(), placed.Report.FilledQuantity }),
        _ => Results.Json(new { answer = reply.GetType().Name, detail = reply.ToString() }, statusCode: StatusCodes.Status503ServiceUnavailable),
    };
}
