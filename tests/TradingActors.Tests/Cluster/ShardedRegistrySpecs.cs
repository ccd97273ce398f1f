using Akka.Actor;
using Akka.Configuration;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Registry;

namespace TradingActors.Tests.Cluster;

/// <summary>
/// Cluster mode (issue 14): each node's registry sends requests to the shard region of the breakers and answers every one of
/// them, once, even when the breaker that had it is lost with its node. The probe stands in for the shard region.
/// </summary>
public sealed class ShardedRegistrySpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly TradingSettings Settings = TradingSettings.From(ConfigurationFactory.ParseString("""
        trading {
          cluster { enabled = on, hand-over-patience = 5s }
          exchanges.binance.call-timeout = 2s
          exchanges.bybit {}
        }
        """));

    private IActorRef Registry(IActorRef region) =>
        Sys.ActorOf(ExchangeRegistry.Sharded(Settings, Settings.Exchanges.ContainsKey, region));

    [Fact]
    public void A_request_goes_to_the_shard_region_and_its_answer_comes_back_to_the_caller()
    {
        var region = CreateTestProbe();
        var registry = Registry(region.Ref);

        registry.Tell(Price(), TestActor);
        var sent = region.ExpectMsg<GetPrice>();
        region.Reply(new PriceQuoted(sent, 42_000));

        Assert.Equal(sent.Id, ExpectMsg<PriceQuoted>().Request.Id);
    }

    [Fact]
    public void An_exchange_resolves_to_the_registry_itself_since_its_breaker_may_move()
    {
        var registry = Registry(CreateTestProbe().Ref);

        registry.Tell(new ExchangeRegistry.Resolve("binance"), TestActor);

        Assert.Equal(registry, ExpectMsg<ExchangeRegistry.Resolved>().Target);
    }

    [Fact]
    public void A_request_its_breaker_never_answers_is_answered_as_a_timeout_of_unknown_outcome_after_twice_the_call_timeout_and_the_patience()
    {
        var region = CreateTestProbe();
        var registry = Registry(region.Ref);
        var order = Order();
        registry.Tell(order, TestActor);
        region.ExpectMsg<PlaceOrder>();

        Clock.Advance(TimeSpan.FromSeconds(9) - TimeSpan.FromTicks(1));
        Settled(registry);
        ExpectNoMsg(TimeSpan.Zero);
        Clock.Advance(TimeSpan.FromTicks(1));

        var failed = ExpectMsg<ExchangeFailed>();
        Assert.Equal((order.Id, FailureKind.Timeout, ExecutionOutcome.Unknown), (failed.Request.Id, failed.Kind, failed.Outcome));
        Assert.Contains("within 9s", failed.Detail);
    }

    [Fact]
    public void An_answer_that_comes_after_the_request_was_answered_is_dropped()
    {
        var region = CreateTestProbe();
        var registry = Registry(region.Ref);
        registry.Tell(Price(), TestActor);
        var sent = region.ExpectMsg<GetPrice>();
        Clock.Advance(TimeSpan.FromSeconds(9));
        ExpectMsg<ExchangeFailed>();

        registry.Tell(new PriceQuoted(sent, 42_000), region.Ref);
        Settled(registry);

        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_request_for_an_exchange_the_engine_cannot_reach_is_answered_invalid_here()
    {
        var region = CreateTestProbe();
        var registry = Registry(region.Ref);

        registry.Tell(Price("coinbase"), TestActor);

        Assert.Contains("no exchange named 'coinbase'", ExpectMsg<InvalidRequest>().Reason);
        region.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_second_request_with_the_id_of_one_still_waiting_is_answered_invalid()
    {
        var region = CreateTestProbe();
        var registry = Registry(region.Ref);
        var price = Price();
        registry.Tell(price, TestActor);
        region.ExpectMsg<GetPrice>();

        registry.Tell(price, TestActor);

        Assert.Contains("already in flight", ExpectMsg<InvalidRequest>().Reason);
    }

    [Fact]
    public void A_breaker_command_goes_to_the_shard_region_and_its_answer_comes_back_to_the_caller()
    {
        var region = CreateTestProbe();
        var registry = Registry(region.Ref);

        registry.Tell(new CircuitBreaker.Isolate("binance", "maintenance"), TestActor);
        region.ExpectMsg<CircuitBreaker.Isolate>();
        region.Reply("the breaker's status");

        ExpectMsg("the breaker's status");
    }

    [Fact]
    public void A_breaker_command_its_breaker_never_answers_is_answered_with_a_failure_after_the_patience()
    {
        var region = CreateTestProbe();
        var registry = Registry(region.Ref);
        registry.Tell(new CircuitBreaker.GetStatus("binance"), TestActor);
        region.ExpectMsg<CircuitBreaker.GetStatus>();

        Clock.Advance(TimeSpan.FromSeconds(9));

        var failure = ExpectMsg<Status.Failure>();
        Assert.Contains("no answer from the binance breaker within 9s", failure.Cause.Message);
    }

    [Fact]
    public void A_summary_of_every_exchange_is_asked_of_the_shard_region()
    {
        var region = CreateTestProbe();
        var registry = Registry(region.Ref);

        registry.Tell(ExchangeRegistry.GetStatuses.Instance, TestActor);

        var asked = new[] { region.ExpectMsg<CircuitBreaker.GetSummary>(), region.ExpectMsg<CircuitBreaker.GetSummary>() };
        Assert.Equal(["binance", "bybit"], asked.Select(summary => summary.Exchange).Order());
    }
}
