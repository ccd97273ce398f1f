using Akka.Actor;
using Akka.TestKit;
using TradingActors.Exchanges;
using TradingActors.MarketData;
using TradingActors.Routing;

namespace TradingActors.Tests.Routing;

/// <summary>Homework 3: fall back to a backup exchange, but never resend an order that may have filled.</summary>
public sealed class FallbackRouterSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Chains = new() { ["binance"] = ["bybit", "kraken"] };

    private (IActorRef Router, TestProbe Exchanges) NewRouter(TestProbe? feeds = null)
    {
        var exchanges = CreateTestProbe();
        return (Sys.ActorOf(FallbackRouter.Props(exchanges, Chains, feeds)), exchanges);
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
