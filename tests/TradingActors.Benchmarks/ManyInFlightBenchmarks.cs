using Akka.Actor;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Actors;
using TradingActors.Benchmarks.Clients;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks;

/// <summary>
/// 10,000 and 100,000 requests outstanding at once against an exchange that never answers: the cost
/// per request of admitting them, and of their call timeouts, which one timer per breaker (armed for
/// the earliest deadline) answers. Per-request figures that stay flat from 10,000 to 100,000 show that
/// no per-request work grows worse than linearly and that no timer is armed per request.
/// The clock is virtual, so the timeouts fire the moment a benchmark advances it, without waiting.
/// </summary>
[InvocationCount(1)]
public class ManyInFlightBenchmarks
{
    private const int TenThousand = 10_000;
    private const int HundredThousand = 100_000;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private ActorSystem? _system;
    private HangingExchange _exchange = new();
    private IActorRef _registry = ActorRefs.Nobody;
    private IActorRef _connector = ActorRefs.Nobody;
    private IActorRef _caller = ActorRefs.Nobody;
    private Task _timedOut = Task.CompletedTask;

    [GlobalSetup]
    public void Start() => _system = BenchmarkSystem.StartOnVirtualTime("many-in-flight");

    [GlobalCleanup]
    public void Stop() => BenchmarkSystem.Stop(_system);

    [IterationSetup(Targets = [nameof(Admit10k), nameof(Admit100k)])]
    public void NewBreaker() => Run(Started());

    [IterationSetup(Target = nameof(TimeOut10k))]
    public void TenThousandOutstanding() => Run(Outstanding(TenThousand));

    [IterationSetup(Target = nameof(TimeOut100k))]
    public void HundredThousandOutstanding() => Run(Outstanding(HundredThousand));

    /// <summary>Stops the breaker, then lets the calls still hanging end, so that none outlives its iteration.</summary>
    [IterationCleanup]
    public void Release()
    {
        Run(_registry.GracefulStop(TimeSpan.FromMinutes(1)));
        _exchange.Release();
        _system!.Stop(_caller);
    }

    [Benchmark(OperationsPerInvoke = TenThousand)]
    public Task Admit10k() => Admit(TenThousand);

    [Benchmark(OperationsPerInvoke = HundredThousand)]
    public Task Admit100k() => Admit(HundredThousand);

    [Benchmark(OperationsPerInvoke = TenThousand)]
    public Task TimeOut10k() => TimeOutAll();

    [Benchmark(OperationsPerInvoke = HundredThousand)]
    public Task TimeOut100k() => TimeOutAll();

    /// <summary>Sends the requests and returns once the breaker has admitted them all and its exchange actor has called the exchange.</summary>
    private async Task Admit(int requests)
    {
        for (var i = 0; i < requests; i++)
            _registry.Tell(Engine.Price(), ActorRefs.Nobody);
        // Sent after the requests from this thread, so the breaker answers it after admitting them.
        var status = await Engine.Status(_registry);
        if (status.InFlight != requests)
            throw new InvalidOperationException($"{status.InFlight} of {requests} requests in flight");
        await _connector.Ask<ActorIdentity>(new Identify(null));
    }

    private Task TimeOutAll()
    {
        _system!.Clock().Advance(CallTimeout);
        return _timedOut;
    }

    private async Task Started()
    {
        _exchange = new HangingExchange();
        _registry = Engine.Registry(_system!, _exchange, $"trading.breaker-defaults.call-timeout = {CallTimeout.TotalSeconds}s\n{Engine.WideBulkhead}");
        await Engine.Status(_registry);
        _connector = await _system!.ActorSelection(_registry.Path / Engine.Exchange / "connector").ResolveOne(TimeSpan.FromSeconds(10));
    }

    private async Task Outstanding(int requests)
    {
        await Started();
        _caller = Caller.Start<ExchangeFailed>(_system!, _registry);
        _timedOut = _caller.Run(requests, inFlight: requests);
        while ((await Engine.Status(_registry)).InFlight < requests)
            await Task.Delay(1);
        await _connector.Ask<ActorIdentity>(new Identify(null));
    }

    private static void Run(Task step) => step.GetAwaiter().GetResult();
}
