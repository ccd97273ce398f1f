using Microsoft.Extensions.Logging;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Hosting;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Streams;
using TradingActors.ExchangeSim.Trading;
using TradingActors.ExchangeSim.WebSocketApi;

namespace TradingActors.ExchangeSim;

/// <summary>
/// One exchange of the simulator: its addresses, its fault control, and its market, whose state
/// outlives the web server that an outage stops and restarts.
/// </summary>
public sealed class SimulatedExchange
{
    private readonly ExchangeOptions _options;
    private readonly ExchangeServer _server;
    private readonly CancellationTokenSource _lifetime = new();

    internal SimulatedExchange(ExchangeOptions options, SimulatorOptions simulator)
    {
        _options = options;
        var log = simulator.LoggerFactory.CreateLogger("TradingActors.ExchangeSim");
        _server = new ExchangeServer(options.Name, port => ExchangeApp.Build(this, simulator, port), log);
        Faults = new ExchangeFaults(options.Name, options.Faults, _server, log, _lifetime.Token);
        TradeFeed = new TradeFeed();
        UserDataFeed = new UserDataFeed(Faults);
        Market = new Market(options, simulator.Seed, simulator.Volatility, TimeProvider.System, TradeFeed.Publish, UserDataFeed.Publish);
        Dice = new FaultDice(Seeds.For(simulator.Seed, options.Name, "faults"));
        WeightLimiter = new WeightLimiter(options.WeightLimit, TimeProvider.System);
        Authenticator = new Authenticator(options.Accounts, TimeProvider.System);
    }

    public string Name => _options.Name;

    /// <summary>The API it speaks.</summary>
    public ExchangeDialect Dialect => _options.Dialect;

    /// <summary>
    /// The REST base address, http://127.0.0.1:port/; it stays the same across outages. The trailing '/' is
    /// what a URI with no path has: relative paths (api/v3/ping) resolve under it, as in HttpClient.BaseAddress.
    /// </summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{_server.Port}/");

    /// <summary>The WebSocket base address, ws://127.0.0.1:port/, under which ws/&lt;stream&gt;, stream and ws-api/v3 live.</summary>
    public Uri WebSocketAddress => new($"ws://127.0.0.1:{_server.Port}/");

    /// <summary>The faults this exchange injects, switchable at run time.</summary>
    public ExchangeFaults Faults { get; }

    internal Market Market { get; }
    internal TradeFeed TradeFeed { get; }
    internal UserDataFeed UserDataFeed { get; }
    internal FaultDice Dice { get; }
    internal WeightLimiter WeightLimiter { get; }
    internal Authenticator Authenticator { get; }

    /// <summary>
    /// Moves every symbol's price <paramref name="steps"/> steps, as the ticker does: trades are published
    /// and resting orders that the price crosses fill. Lets a test drive the market without waiting.
    /// </summary>
    public void Tick(int steps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        for (var step = 0; step < steps; step++)
            Market.Step();
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        await _server.StartAsync(_options.Port, cancellationToken);
        await Faults.SettlePortAsync();
    }

    internal async Task StopAsync()
    {
        await _lifetime.CancelAsync();
        await _server.StopAsync();
        _lifetime.Dispose();
    }
}
