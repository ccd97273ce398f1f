using Akka.Actor;
using Akka.TestKit;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>
/// Cluster mode (issue 14): a breaker keeps its state in a memory that outlives its node, and a breaker started for the same
/// exchange elsewhere resumes from it. The probe stands in for the node's replicated memory.
/// </summary>
public sealed class BreakerMemorySpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 2, SuccessThreshold = 1, OpenTimeout = TimeSpan.FromSeconds(10), HalfOpenMaxCalls = 1,
    };

    private const string OtherNode = "akka.tcp://trading@127.0.0.1:4053";

    private IActorRef BreakerWithMemory(TestProbe memory, TestProbe exchange) =>
        Sys.ActorOf(CircuitBreaker.Props("binance", Settings, Exchange(exchange), memory.Ref));

    private BreakerMemory.Saved Saved(BreakerState state, TimeSpan? openFor = null, int openings = 1) =>
        new("binance", state, openFor is { } left ? Clock.Now + left : null, openings, "2/2 in a row", OtherNode, Clock.Now);

    private IActorRef Resumed(BreakerMemory.Saved? saved, TestProbe memory, TestProbe exchange)
    {
        var breaker = BreakerWithMemory(memory, exchange);
        memory.ExpectMsg<BreakerMemory.Recall>(recall => Assert.Equal("binance", recall.Exchange));
        memory.Reply(new BreakerMemory.Recalled("binance", saved));
        return breaker;
    }

    [Fact]
    public void A_breaker_answers_nothing_until_it_has_recalled_its_state_and_then_answers_as_that_state()
    {
        var memory = CreateTestProbe();
        var exchange = CreateTestProbe();
        var breaker = BreakerWithMemory(memory, exchange);
        memory.ExpectMsg<BreakerMemory.Recall>();

        breaker.Tell(Price(), TestActor);
        Settled(breaker);
        ExpectNoMsg(TimeSpan.Zero);
        memory.Reply(new BreakerMemory.Recalled("binance", Saved(BreakerState.Open, TimeSpan.FromSeconds(7))));

        Assert.Equal(TimeSpan.FromSeconds(7), ExpectMsg<CircuitOpen>().RetryAfter);
        exchange.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_breaker_resumed_open_half_opens_when_the_other_nodes_open_time_ends_and_recovers()
    {
        var memory = CreateTestProbe();
        var exchange = CreateTestProbe();
        var breaker = Resumed(Saved(BreakerState.Open, TimeSpan.FromSeconds(4)), memory, exchange);
        Settled(breaker);

        Clock.Advance(TimeSpan.FromSeconds(4) - TimeSpan.FromTicks(1));
        Assert.Equal(BreakerState.Open, StatusOf(breaker).State);
        Clock.Advance(TimeSpan.FromTicks(1));
        AwaitState(breaker, BreakerState.HalfOpen);
        breaker.Tell(Price(), TestActor);
        QuoteNext(exchange);

        ExpectMsg<PriceQuoted>();
        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
    }

    [Fact]
    public void A_breaker_resumed_open_keeps_the_other_nodes_openings_so_its_next_opening_lasts_longer()
    {
        var memory = CreateTestProbe();
        var exchange = CreateTestProbe();
        var breaker = Resumed(Saved(BreakerState.Open, TimeSpan.FromSeconds(1), openings: 2), memory, exchange);
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        AwaitState(breaker, BreakerState.HalfOpen);

        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();

        // The third consecutive opening: 10 s doubled twice.
        Assert.Equal(TimeSpan.FromSeconds(40), Ask<CircuitOpen>(breaker, Price()).RetryAfter);
    }

    [Fact]
    public void A_breaker_whose_open_time_ended_while_it_moved_resumes_half_open()
    {
        var breaker = Resumed(Saved(BreakerState.Open, TimeSpan.FromSeconds(-1)), CreateTestProbe(), CreateTestProbe());

        Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State);
    }

    [Fact]
    public void A_breaker_isolated_by_hand_on_another_node_stays_isolated()
    {
        var breaker = Resumed(Saved(BreakerState.Isolated), CreateTestProbe(), CreateTestProbe());

        Assert.Null(Ask<CircuitOpen>(breaker, Price()).RetryAfter);
        Assert.Equal(BreakerState.Isolated, StatusOf(breaker).State);
    }

    [Fact]
    public void A_breaker_with_nothing_to_recall_starts_closed_and_passes_calls()
    {
        var exchange = CreateTestProbe();
        var breaker = Resumed(null, CreateTestProbe(), exchange);

        breaker.Tell(Price(), TestActor);
        QuoteNext(exchange);

        ExpectMsg<PriceQuoted>();
        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
    }

    [Fact]
    public void Every_transition_is_remembered_with_its_open_time_and_openings()
    {
        var memory = CreateTestProbe();
        var exchange = CreateTestProbe();
        var breaker = Resumed(null, memory, exchange);

        for (var failure = 0; failure < 2; failure++)
        {
            breaker.Tell(Price(), TestActor);
            FailNext<GetPrice>(exchange);
            ExpectMsg<ExchangeFailed>();
        }

        var saved = memory.ExpectMsg<BreakerMemory.Remember>().Memory;
        Assert.Equal((BreakerState.Open, Clock.Now + TimeSpan.FromSeconds(10), 1), (saved.State, saved.OpenUntil, saved.Openings));
        Assert.StartsWith("2 consecutive failures", saved.Reason);
    }

    [Fact]
    public void A_rate_limit_ban_is_remembered_as_open_until_the_ban_ends()
    {
        var memory = CreateTestProbe();
        var exchange = CreateTestProbe();
        var breaker = Resumed(null, memory, exchange);

        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange, FailureKind.RateLimited, ExecutionOutcome.NotExecuted, retryAfter: TimeSpan.FromMinutes(2));
        ExpectMsg<ExchangeFailed>();

        Assert.Equal(Clock.Now + TimeSpan.FromMinutes(2), memory.ExpectMsg<BreakerMemory.Remember>().Memory.OpenUntil);
    }

    [Fact]
    public void Staying_closed_for_the_stable_period_is_remembered_as_no_openings()
    {
        var memory = CreateTestProbe();
        var exchange = CreateTestProbe();
        var breaker = Resumed(Saved(BreakerState.Open, TimeSpan.FromSeconds(1), openings: 3), memory, exchange);
        memory.ExpectMsg<BreakerMemory.Remember>();
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        memory.ExpectMsg<BreakerMemory.Remember>(remember => Assert.Equal(BreakerState.HalfOpen, remember.Memory.State));
        breaker.Tell(Price(), TestActor);
        QuoteNext(exchange);
        ExpectMsg<PriceQuoted>();
        memory.ExpectMsg<BreakerMemory.Remember>(remember => Assert.Equal(BreakerState.Closed, remember.Memory.State));

        Clock.Advance(Settings.StablePeriod);

        Assert.Equal(0, memory.ExpectMsg<BreakerMemory.Remember>().Memory.Openings);
    }
}
