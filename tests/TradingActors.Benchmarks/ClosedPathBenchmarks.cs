using Akka.Actor;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Actors;
using TradingActors.Benchmarks.Clients;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks;

/// <summary>
/// A request and its reply through a closed breaker, against an exchange that answers at once:
/// the engine beside the floor (the same hops with no breaker logic) and beside what a user would
/// build instead (one exchange actor calling through Polly's or Akka's circuit breaker, behind the
/// same registry hop). Figures are per request. The engine is measured twice: through its registry, and
/// straight to the breaker, as the router sends once the registry has said where the breaker is.
/// </summary>
public class ClosedPathBenchmarks
{
    private const int Requests = 4096;

    [Params(1, 64)]
    public int InFlight { get; set; }

    private ActorSystem? _system;
    private IActorRef _engine = ActorRefs.Nobody;
    private IActorRef _floor = ActorRefs.Nobody;
    private IActorRef _engineCaller = ActorRefs.Nobody;
    private IActorRef _breakerCaller = ActorRefs.Nobody;
    private IActorRef _floorCaller = ActorRefs.Nobody;
    private IActorRef _pollyCaller = ActorRefs.Nobody;
    private IActorRef _akkaBreakerCaller = ActorRefs.Nobody;

    [GlobalSetup]
    public void Start()
    {
        _system = BenchmarkSystem.Start("closed-path");
        var exchange = InstantExchange.Instance;
        _engine = Engine.Registry(_system, exchange);
        _floor = Floor.Closed(_system, exchange);
        var polly = RegistryHop.Before(_system, PollyExchange.Props(exchange, PollyExchange.Pipeline()));
        var akkaBreaker = RegistryHop.Before(_system, AkkaBreakerExchange.Props(exchange, AkkaBreakerExchange.Breaker(_system.Scheduler)));
        _engineCaller = Caller.Start<PriceQuoted>(_system, _engine);
        _breakerCaller = Caller.Start<PriceQuoted>(_system, Engine.Breaker(_engine));
        _floorCaller = Caller.Start<PriceQuoted>(_system, _floor);
        _pollyCaller = Caller.Start<PriceQuoted>(_system, polly);
        _akkaBreakerCaller = Caller.Start<PriceQuoted>(_system, akkaBreaker);
    }

    [GlobalCleanup]
    public void Stop() => BenchmarkSystem.Stop(_system);

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task FloorTell() => _floorCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task EngineTell() => _engineCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task EngineBreakerTell() => _breakerCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task PollyActorTell() => _pollyCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task AkkaBreakerActorTell() => _akkaBreakerCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task FloorAsk() => Asking<PriceQuoted>.Run(_floor, Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task EngineAsk() => Asking<PriceQuoted>.Run(_engine, Requests, InFlight);
}
