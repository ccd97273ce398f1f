using System.Net;
using System.Text.Json.Serialization;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Logger.Serilog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using TradingActors.Hosting;
using TradingActors.Metrics;
using TradingActors.Node.Events;
using TradingActors.Node.Http;

namespace TradingActors.Node;

/// <summary>
/// The node's host: the engine in an actor system (Akka.Hosting), its event log for the dashboard,
/// and Kestrel on loopback serving /status, /health, /metrics and the admin commands.
/// </summary>
internal static class NodeHost
{
    private const int EventsKept = 10;

    /// <summary>Registry key of the <see cref="NodeEvents"/> actor.</summary>
    public sealed class EventsKey;

    public static WebApplication Build(Config config, int httpPort, string? adminToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The dashboard owns the terminal; the engine logs through Serilog, and HTTP failures surface as exceptions.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NodeLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, httpPort));
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.WriteIndented = true;
        });
        builder.Services.AddAkka("trading", akka => akka
            // Ctrl+C belongs to the node: it drains the trader before the actor system may stop.
            .AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend)
            .ConfigureLoggers(logging =>
            {
                logging.LogLevel = Akka.Event.LogLevel.InfoLevel;
                logging.ClearLoggers();
                logging.AddLogger<SerilogLogger>();
            })
            // Before the engine, so that not even its first transition is missed.
            .WithActors((system, registry) => registry.Register<EventsKey>(system.ActorOf(NodeEvents.Props(EventsKept), "node-events")))
            .WithTradingEngine(config));
        builder.Services.AddTradingEngine();
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("TradingActors.Node"))
            .WithMetrics(metrics => metrics
                .AddMeter(EngineMeter.Name)
                .AddPrometheusExporter());

        var app = builder.Build();
        app.MapStatus();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapAdmin(adminToken);
        return app;
    }
}
