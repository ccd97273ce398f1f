using Akka.Actor;
using Akka.TestKit;
using TradingActors.Exchanges;
using TradingActors.MarketData;
using TradingActors.Registry;
using TradingActors.Routing;

namespace TradingActors.Tests.Routing;

/// <summary>Homework 3: fall back to a backup exchange, but never resend an order that may have filled.</summary>
public sealed class FallbackRouterSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Chains = new() { ["binance"] = ["bybit", "kraken"] };

    // These registries never say where a breaker is, so every request passes through them.
    private (IActorRef Router, TestProbe Exchanges) NewRouter(TestProbe? feeds = null)
    {
        var exchanges = CreateTestProbe();
        exchanges.IgnoreMessages<ExchangeRegistry.Resolve>();
        return (Sys.ActorOf(FallbackRouter.Props(exchanges, Chains, feeds)), exchanges);
    }

    /// <summary>A router whose registry has said where binance's breaker is.</summary>
    private (IActorRef Router, TestProbe Exchanges, TestProbe Breaker) RouterToBreaker()
    {
        var (exchanges, breaker) = (CreateTestProbe(), CreateTestProbe());
        var router = Sys.ActorOf(FallbackRouter.Props(exchanges, Chains));
        router.Tell(Price("binance"), TestActor);
        var first = exchanges.ExpectMsg<GetPrice>();
        exchanges.ExpectMsg<ExchangeRegistry.Resolve>(resolve => resolve.Exchange == "binance");
        exchanges.Reply(new ExchangeRegistry.Resolved("binance", breaker));
        exchanges.Reply(new PriceQuoted(first, 42_000));
        ExpectMsg<PriceQuoted>();
        return (router, exchanges, breaker);
    }

    [Fact]
    public void Once_the_registry_says_where_a_breaker_is_its_requests_go_straight_to_it()
    {
        var (router, exchanges, breaker) = RouterToBreaker();

        router.Tell(Price("binance"), TestActor);
        breaker.Reply(new PriceQuoted(breaker.ExpectMsg<GetPrice>(), 42_001));

        Assert.Equal(42_001, ExpectMsg<PriceQuoted>().Price);
        exchanges.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void The_registry_is_asked_where_an_exchange_s_breaker_is_only_once()
    {
        var exchanges = CreateTestProbe();
        var router = Sys.ActorOf(FallbackRouter.Props(exchanges, Chains));

        router.Tell(new CancelOrder("binance", "BTCUSDT", "o-1"), TestActor);
        router.Tell(new CancelOrder("binance", "BTCUSDT", "o-2"), TestActor);

        exchanges.ExpectMsg<CancelOrder>();
        exchanges.ExpectMsg<ExchangeRegistry.Resolve>();
        exchanges.ExpectMsg<CancelOrder>();
        exchanges.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void An_order_in_flight_on_a_breaker_that_stops_is_answered_as_of_unknown_outcome_and_never_resent()
    {
        var (router, exchanges, breaker) = RouterToBreaker();
        router.Tell(Order("binance"), TestActor);
        breaker.ExpectMsg<PlaceOrder>();

        Sys.Stop(breaker.Ref);

        Assert.Equal(("binance", ExecutionOutcome.Unknown), ExpectMsg<ExchangeFailed>() is var f ? (f.Request.Exchange, f.Outcome) : default);
        exchanges.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void After_its_breaker_stops_an_exchange_s_requests_pass_through_the_registry_again()
    {
        var (router, exchanges, breaker) = RouterToBreaker();
        router.Tell(Order("binance"), TestActor);
        breaker.ExpectMsg<PlaceOrder>();
        Sys.Stop(breaker.Ref);
        ExpectMsg<ExchangeFailed>();

        router.Tell(Price("binance"), TestActor);

        exchanges.ExpectMsg<GetPrice>();
        exchanges.ExpectMsg<ExchangeRegistry.Resolve>();
    }

    [Fact]
    public void A_price_goes_to_the_backup_when_the_primary_is_open_and_the_reply_names_who_served_it()
    {
        var (router, exchanges) = NewRouter();
        router.Tell(Price("binance"), TestActor);

        var first = exchanges.ExpectMsg<GetPrice>();
        exchanges.Reply(new CircuitOpen(first, TimeSpan.FromSeconds(30)));
        var second = exchanges.ExpectMsg<GetPrice>();
        exchanges.Reply(new PriceQuoted(second, 42_010));

        Assert.Equal(("binance", "bybit"), (first.Exchange, second.Exchange));
        Assert.Equal("bybit", ExpectMsg<PriceQuoted>().Request.Exchange);
    }

    [Fact]
    public void A_price_walks_the_whole_chain_while_exchanges_fail_and_the_last_answer_is_returned()
    {
        var (router, exchanges) = NewRouter();
        router.Tell(Price("binance"), TestActor);

        foreach (var _ in Chains["binance"].Prepend("binance"))
            FailNext<GetPrice>(exchanges);

        Assert.Equal("kraken", ExpectMsg<ExchangeFailed>().Request.Exchange);
        exchanges.ExpectNoMsg(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("circuit open")]
    [InlineData("bulkhead full")]
    [InlineData("rate limited")]
    [InlineData("over its rate budget")]
    [InlineData("connection refused")]
    public void An_order_the_primary_provably_did_not_execute_goes_to_the_backup(string refusal)
    {
        var (router, exchanges) = NewRouter();
        router.Tell(Order("binance"), TestActor);

        var first = exchanges.ExpectMsg<PlaceOrder>();
        exchanges.Reply(refusal switch
        {
            "circuit open" => new CircuitOpen(first, TimeSpan.FromSeconds(1)),
            "bulkhead full" => new BulkheadFull(first, "full"),
            "rate limited" => new ExchangeFailed(first, FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromSeconds(1), "429"),
            "over its rate budget" => new RateBudgetExhausted(first, TimeSpan.FromSeconds(1), "spent"),
            _ => new ExchangeFailed(first, FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted, null, "refused"),
        });

        Assert.Equal("bybit", exchanges.ExpectMsg<PlaceOrder>().Exchange);
    }

    [Theory]
    [InlineData(FailureKind.Timeout)]
    [InlineData(FailureKind.ServerError)]
    [InlineData(FailureKind.MalformedResponse)]
    public void An_order_with_an_unknown_outcome_is_never_sent_to_a_backup(FailureKind kind)
    {
        var (router, exchanges) = NewRouter();
        router.Tell(Order("binance"), TestActor);

        FailNext<PlaceOrder>(exchanges, kind, ExecutionOutcome.Unknown);

        Assert.Equal(("binance", ExecutionOutcome.Unknown), ExpectMsg<ExchangeFailed>() is var f ? (f.Request.Exchange, f.Outcome) : default);
        exchanges.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_cancel_stays_with_the_exchange_that_holds_the_order()
    {
        var (router, exchanges) = NewRouter();
        router.Tell(new CancelOrder("binance", "BTCUSDT", "o-1"), TestActor);

        var cancel = exchanges.ExpectMsg<CancelOrder>();
        exchanges.Reply(new CircuitOpen(cancel, TimeSpan.FromSeconds(5)));

        ExpectMsg<CircuitOpen>();
        exchanges.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_business_rejection_is_the_answer_not_a_reason_to_fall_back()
    {
        var (router, exchanges) = NewRouter();
        router.Tell(Order("binance"), TestActor);

        var order = exchanges.ExpectMsg<PlaceOrder>();
        exchanges.Reply(new ExchangeRejected(order, RejectionReason.InsufficientFunds, "no funds"));

        ExpectMsg<ExchangeRejected>();
    }

    [Fact]
    public void When_every_exchange_fails_a_price_comes_from_the_primarys_feed_with_its_age()
    {
        var feeds = CreateTestProbe();
        var (router, exchanges) = NewRouter(feeds);
        router.Tell(Price("binance"), TestActor);
        foreach (var _ in Chains["binance"].Prepend("binance"))
            FailNext<GetPrice>(exchanges);

        var asked = feeds.ExpectMsg<MarketFeed.GetLastPrice>();
        feeds.Reply(new MarketFeed.FeedPrice("binance", "BTCUSDT", 41_990, TimeSpan.FromSeconds(2), new Uri("ws://127.0.0.1:1/")));

        Assert.Equal(("binance", "BTCUSDT"), (asked.Exchange, asked.Symbol));
        var quoted = ExpectMsg<FeedPriceQuoted>();
        Assert.Equal(("binance", 41_990.0m, TimeSpan.FromSeconds(2)), (quoted.Request.Exchange, quoted.Price, quoted.Age));
    }

    [Fact]
    public void Without_a_feed_price_the_last_failure_is_the_answer()
    {
        var feeds = CreateTestProbe();
        var (router, exchanges) = NewRouter(feeds);
        router.Tell(Price("binance"), TestActor);
        foreach (var _ in Chains["binance"].Prepend("binance"))
            FailNext<GetPrice>(exchanges);

        feeds.ExpectMsg<MarketFeed.GetLastPrice>();
        feeds.Reply(new MarketFeed.NoFeedPrice("binance", "BTCUSDT", "no trade yet"));

        Assert.Equal("kraken", ExpectMsg<ExchangeFailed>().Request.Exchange);
    }
}
