using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingActors.ExchangeSim.Bybit;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Kraken;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Streams;
using TradingActors.ExchangeSim.WebSocketApi;

namespace TradingActors.ExchangeSim.Hosting;

/// <summary>Builds the web application of one exchange: its REST API, its streams and WebSocket API in its dialect, and its admin endpoint, on one loopback port.</summary>
internal static class ExchangeApp
{
    // Requests and streams end as soon as the exchange stops; this only bounds a straggler.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    public static WebApplication Build(SimulatedExchange exchange, SimulatorOptions simulator, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ExchangeApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // An exchange answers to the simulator's options alone: a host program's appsettings.json or
        // Kestrel environment variables must not add endpoints to it.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILoggerFactory>(new HostLoggerFactory(simulator.LoggerFactory));
        builder.Services.AddSingleton<IHostLifetime, SimulatorOwnedLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(exchange.Market);
        builder.Services.AddSingleton(exchange.Faults);
        builder.Services.AddSingleton(exchange.Dice);
        builder.Services.AddSingleton(exchange.WeightLimiter);
        builder.Services.AddSingleton(exchange.TradeFeed);
        builder.Services.AddSingleton(exchange.UserDataFeed);
        builder.Services.AddSingleton<ApiRequests>();
        builder.Services.AddSingleton(exchange.Authenticator);
        builder.Services.AddSingleton(new AdminAccess(simulator.AdminToken));

        var app = builder.Build();
        app.UseMiddleware<UnreadableBodies>(exchange.Name);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = simulator.PingInterval, KeepAliveTimeout = simulator.PongTimeout });
        switch (exchange.Dialect)
        {
            case ExchangeDialect.Bybit:
                app.MapBybit();
                break;
            case ExchangeDialect.Kraken:
                app.MapKraken();
                break;
            default:
                MapBinance(app);
                break;
        }
        app.MapFaultAdmin();
        return app;
    }

    private static void MapBinance(WebApplication app)
    {
        app.UseMiddleware<FaultGate>();
        app.MapMarketData();
        app.MapOrders();
        app.MapAccount();
        app.MapTradeStreams();
        app.MapWebSocketApi();
    }
}
