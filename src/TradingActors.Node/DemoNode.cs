using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.Exchanges;
using TradingActors.Hosting;
using TradingActors.Node.Configuration;
using TradingActors.Node.Display;
using TradingActors.Node.Events;
using TradingActors.Node.Simulation;
using TradingActors.Node.Trading;

namespace TradingActors.Node;

/// <summary>
/// The demo node's pieces, started together and stopped in order: the exchange simulator (unless
/// --no-sim), the engine and its HTTP endpoints, and the trader. Program runs one; tests start one
/// in-process.
/// </summary>
public sealed class DemoNode : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _host;
    private readonly ExchangeSimulator? _simulator;
    private readonly ActorSystem _system;
    private readonly IActorRef _trader;
    private readonly IActorRef _events;
    private readonly ITradingEngine _engine;
    private readonly CancellationTokenSource _faultsStop = new();
    private readonly Task _faults;
    private readonly IReadOnlyDictionary<string, string> _protocols;
    private NodeSnapshot? _final;

    private DemoNode(WebApplication host, ExchangeSimulator? simulator, IReadOnlyList<ScheduledFault> schedule, IActorRef trader,
        IReadOnlyDictionary<string, string> protocols)
    {
        _host = host;
        _protocols = protocols;
        _simulator = simulator;
        _trader = trader;
        _faults = simulator is null ? Task.CompletedTask : FaultScript.PlayAsync(schedule, simulator, _faultsStop.Token);
        _system = host.Services.GetRequiredService<ActorSystem>();
        _events = host.Services.GetRequiredService<ActorRegistry>().Get<NodeHost.EventsKey>();
        _engine = host.Services.GetRequiredService<ITradingEngine>();
        HttpAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    /// <summary>Where /status, /health, /metrics and /admin answer.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The simulator the node started; null with --no-sim.</summary>
    public ExchangeSimulator? Simulator => _simulator;

    /// <summary>This node's address in its cluster; null when it runs alone.</summary>
    public string? ClusterAddress { get; private init; }

    public static async Task<DemoNode> StartAsync(NodeConfiguration configuration, CancellationToken cancellation = default)
    {
        ExchangeSimulator? simulator = null;
        WebApplication? host = null;
        try
        {
            var config = configuration.Config;
            if (configuration.Simulator is { } options)
            {
                simulator = await InProcessSimulator.StartAsync(options, onConfiguredPorts: configuration.Clustered, cancellation);
                config = InProcessSimulator.PointEndpointsAt(simulator, options, config);
            }
            var node = configuration.Node;
            host = NodeHost.Build(config, node.HttpPort, node.AdminToken);
            await host.StartAsync(cancellation);
            var engine = host.Services.GetRequiredService<ITradingEngine>();
            var exchanges = (await engine.GetStatusesAsync(cancellation)).Select(s => s.Exchange).ToList();
            // An exchange's first call pays for compiling the code on its path and for a new connection;
            // paid here, it cannot make the first trades time out.
            await Task.WhenAll(exchanges.Select(exchange => engine.GetPriceAsync(new GetPrice(exchange, node.Symbol), cancellation)));
            var registry = host.Services.GetRequiredService<ActorRegistry>();
            var trader = host.Services.GetRequiredService<ActorSystem>().ActorOf(DemoTrader.Props(
                registry.Get<TradingEngineHosting.Keys.Router>(), registry.Get<TradingEngineHosting.Keys.Orders>(),
                new DemoTrader.Settings(exchanges, node.Symbol, node.Quantity, node.Tick, node.OrderEvery)),
                "trader");
            var protocols = TradingSettings.From(config).Endpoints.ToDictionary(
                endpoint => endpoint.Key, endpoint => endpoint.Value.Protocol.ToString().ToLowerInvariant());
            return new DemoNode(host, simulator, configuration.Simulator?.Schedule ?? [], trader, protocols)
            {
                ClusterAddress = configuration.Clustered ? Akka.Cluster.Cluster.Get(host.Services.GetRequiredService<ActorSystem>()).SelfAddress.ToString() : null,
            };
        }
        catch
        {
            if (host is not null)
                await host.DisposeAsync();
            if (simulator is not null)
                await simulator.DisposeAsync();
            throw;
        }
    }

    public async Task<NodeSnapshot> SnapshotAsync(CancellationToken cancellation = default)
    {
        if (_final is not null)
            return _final;
        var statuses = DetailedStatusesAsync(cancellation);
        var feeds = _engine.GetFeedStatusesAsync(cancellation);
        var orders = _engine.GetOrdersAsync(cancellation);
        var fallbacks = _trader.Ask<DemoTrader.Fallbacks>(DemoTrader.GetFallbacks.Instance, AskTimeout, cancellation);
        var events = _events.Ask<NodeEvents.Latest>(NodeEvents.GetLatest.Instance, AskTimeout, cancellation);
        var faults = _simulator?.Exchanges.Values.ToDictionary(e => e.Name, e => FaultText.Describe(e.Faults.Current))
                     ?? new Dictionary<string, string>();
        return new NodeSnapshot(_system.Scheduler.Now, await statuses, await feeds, (await fallbacks).Served, faults,
            (await events).Entries, (await events).AlertsRaised, (await orders).Exchanges) { Protocols = _protocols };
    }

    // The dashboard shows each breaker's window and response times: the detail, asked of each of the node's few exchanges.
    private async Task<IReadOnlyList<CircuitBreaker.Status>> DetailedStatusesAsync(CancellationToken cancellation) =>
        await Task.WhenAll((await _engine.GetStatusesAsync(cancellation)).Select(summary => _engine.GetStatusAsync(summary.Exchange, cancellation)));

    /// <summary>
    /// Stops the trader and waits until every request it sent has been answered, takes the last
    /// snapshot, then stops the host (HTTP first, then the engine through CoordinatedShutdown) and the simulator.
    /// </summary>
    /// <returns>The last snapshot, for the summary.</returns>
    public async Task<NodeSnapshot> StopAsync()
    {
        if (_final is not null)
            return _final;
        await _faultsStop.CancelAsync();
        await _faults;
        // No caller waits on silence: every request has a reply by its call timeout, so this ends.
        await _trader.Ask<DemoTrader.Drained>(DemoTrader.Drain.Instance);
        _final = await SnapshotAsync();
        await _host.StopAsync();
        await _system.WhenTerminated;
        await _host.DisposeAsync();
        if (_simulator is not null)
            await _simulator.DisposeAsync();
        _faultsStop.Dispose();
        return _final;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
