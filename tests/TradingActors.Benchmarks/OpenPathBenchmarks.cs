using Akka.Actor;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Actors;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks;

/// <summary>
/// A request rejected by an open breaker: the engine (caller -> registry -> breaker -> caller) beside
/// the floor's round trip over the same hops, and beside an exchange actor whose Polly or Akka breaker
/// is open. Figures are per request. Polly's and Akka's open paths without actors are in
/// <see cref="WithoutActorsBenchmarks"/>.
/// </summary>
public class OpenPathBenchmarks
{
    private const int Requests = 4096;

    [Params(1, 64)]
    public int InFlight { get; set; }

    private ActorSystem? _system;
    private IActorRef _engine = ActorRefs.Nobody;
    private IActorRef _floor = ActorRefs.Nobody;
    private IActorRef _engineCaller = ActorRefs.Nobody;
    private IActorRef _floorCaller = ActorRefs.Nobody;
    private IActorRef _pollyCaller = ActorRefs.Nobody;
    private IActorRef _akkaBreakerCaller = ActorRefs.Nobody;

    [GlobalSetup]
    public async Task Start()
    {
        _system = BenchmarkSystem.Start("open-path");
        var exchange = Engine.DownExchange(_system);
        _engine = Engine.Registry(_system, exchange, Engine.OpensAtOnce);
        await Engine.Trip(_engine);
        _floor = Floor.Open(_system);
        var polly = RegistryHop.Before(_system, PollyExchange.Props(exchange, PollyExchange.Opened()));
        var akkaBreaker = RegistryHop.Before(_system, AkkaBreakerExchange.Props(exchange, AkkaBreakerExchange.Opened(_system.Scheduler)));
        _engineCaller = Caller.Start<CircuitOpen>(_system, _engine);
        _floorCaller = Caller.Start<CircuitOpen>(_system, _floor);
        _pollyCaller = Caller.Start<CircuitOpen>(_system, polly);
        _akkaBreakerCaller = Caller.Start<CircuitOpen>(_system, akkaBreaker);
    }

    [GlobalCleanup]
    public void Stop() => BenchmarkSystem.Stop(_system);

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task FloorTell() => _floorCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task EngineTell() => _engineCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task PollyActorTell() => _pollyCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task AkkaBreakerActorTell() => _akkaBreakerCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task FloorAsk() => Asking<CircuitOpen>.Run(_floor, Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task EngineAsk() => Asking<CircuitOpen>.Run(_engine, Requests, InFlight);
}
