using Akka.Actor;
using Akka.TestKit;
using TradingActors.Exchanges;
using TradingActors.Hosting;
using TradingActors.Orders;
using TradingActors.TestKit;

namespace TradingActors.Tests.Orders;

/// <summary>
/// The order ledger on virtual time, with a probe for the exchange: every order journaled before it is sent,
/// a client order id never sent twice, and every unknown outcome reconciled by asking the exchange.
/// </summary>
public sealed class OrderLedgerSpecs(ITestOutputHelper output) : TradingEngineTestKit(output)
{
    private const string Config = """
        trading.exchanges.binance { call-timeout = 2s, failure-threshold = 100 }
        trading.orders { grace = 10s, max-queries = 2, min-backoff = 1s, max-backoff = 1s }
        """;

    // binance with an account the engine reaches (its user data stream off: the probe stands in for the exchange).
    private const string WithAccount = Config + """

        trading.exchanges.binance.endpoint { url = "http://127.0.0.1:1", api-key = key, api-secret = secret, user-data-stream = off }
        """;

    private TestProbe _binance = null!;

    private TradingEngine.Parts Start(string config = Config)
    {
        _binance = CreateTestProbe();
        return StartEngine(config, name => name == "binance" ? Exchange(_binance) : null);
    }

    private static PlaceOrder Order(string id) => new("binance", "BTCUSDT", OrderSide.Buy, 0.5m, null, id);

    private static OrderReport Report(string id, OrderState state, decimal filled = 0.5m) =>
        new(id, "9", "BTCUSDT", OrderSide.Buy, state, 0.5m, filled, filled > 0 ? 42_000.01m : null);

    private OrderRecord? RecordOf(TradingEngine.Parts engine, string id)
    {
        engine.Orders.Tell(new OrderLedger.GetOrder(id), TestActor);
        return ExpectMsg<OrderLedger.Order>().Record;
    }

    /// <summary>The order times out at its exchange: the caller hears that its outcome is unknown.</summary>
    private PlaceOrder TimesOut(TradingEngine.Parts engine, PlaceOrder order)
    {
        engine.Orders.Tell(order, TestActor);
        var sent = _binance.ExpectMsg<PlaceOrder>();
        BreakerSettled(engine);
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(ExpectMsg<OrderOutcomeUnknown>().Failure);
        LedgerSettled(engine);
        return sent;
    }

    /// <summary>Moves past the reconciliation's backoff (1 s, spread by up to a fifth) and answers its query about <paramref name="id"/>.</summary>
    private void AnswerNextQuery(TradingEngine.Parts engine, string id, Func<GetOrderStatus, ExchangeReply> answer)
    {
        Clock.Advance(TimeSpan.FromSeconds(1.2));
        var query = _binance.ExpectMsg<GetOrderStatus>();
        Assert.Equal(id, query.ClientOrderId);
        _binance.Reply(answer(query));
        // The answer goes through the breaker to the ledger: once both have handled what came before, the ledger has it.
        BreakerSettled(engine);
        LedgerSettled(engine);
    }

    /// <summary>Stops the ledger and waits until it has, so the next start recovers from what it journaled.</summary>
    private void StopLedger(TradingEngine.Parts engine)
    {
        Watch(engine.Orders);
        Sys.Stop(engine.Orders);
        ExpectTerminated(engine.Orders);
    }

    /// <summary>Makes sure the ledger itself (under its keeper) has handled all it was sent, so the timers it armed exist.</summary>
    private void LedgerSettled(TradingEngine.Parts engine)
    {
        Sys.ActorSelection(engine.Orders.Path / "ledger").Tell(new Identify(null), TestActor);
        ExpectMsg<ActorIdentity>();
    }

    /// <summary>Makes sure binance's breaker has handled all it was sent, its call timeout armed, its answers passed on.</summary>
    private void BreakerSettled(TradingEngine.Parts engine)
    {
        Sys.ActorSelection(engine.Exchanges.Path / "binance").Tell(new Identify(null), TestActor);
        ExpectMsg<ActorIdentity>();
    }

    [Fact]
    public void A_new_order_is_sent_once_and_its_fill_is_recorded()
    {
        var engine = Start();

        engine.Orders.Tell(Order("fill-1"), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report("fill-1", OrderState.Filled)));

        Assert.Equal(OrderState.Filled, ExpectMsg<OrderPlaced>().Report.State);
        Assert.Equal(OrderLife.Filled, RecordOf(engine, "fill-1")!.Life);
    }

    [Fact]
    public void An_order_whose_id_the_ledger_knows_final_is_answered_from_the_record_and_never_sent_again()
    {
        var engine = Start();
        engine.Orders.Tell(Order("known-1"), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report("known-1", OrderState.Filled)));
        ExpectMsg<OrderPlaced>();

        engine.Orders.Tell(Order("known-1"), TestActor);

        Assert.Equal(0.5m, ExpectMsg<OrderPlaced>().Report.FilledQuantity);
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_timed_out_order_is_not_sent_again_when_the_caller_retries_and_is_settled_by_asking_its_exchange()
    {
        var engine = Start();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(OrderSettled));
        TimesOut(engine, Order("ghost-1"));

        engine.Orders.Tell(Order("ghost-1"), TestActor);
        Assert.Null(ExpectMsg<OrderOutcomeUnknown>().Failure);
        AnswerNextQuery(engine, "ghost-1", query => new OrderFound(query, Report("ghost-1", OrderState.Filled)));

        var settled = events.ExpectMsg<OrderSettled>();
        Assert.Equal(("ghost-1", OrderLife.Filled, "binance"), (settled.ClientOrderId, settled.Life, settled.Exchange));
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_unknown_outcome_and_its_reconciliation_are_published_for_dashboards()
    {
        var engine = Start();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(OrderOutcomeLost));
        Sys.EventStream.Subscribe(events, typeof(OrderReconciled));

        TimesOut(engine, Order("ghost-2"));
        Assert.Equal(("ghost-2", "binance"), events.ExpectMsg<OrderOutcomeLost>() is var lost ? (lost.ClientOrderId, lost.Exchange) : default);
        AnswerNextQuery(engine, "ghost-2", query => new OrderFound(query, Report("ghost-2", OrderState.New, filled: 0)));

        var reconciled = events.ExpectMsg<OrderReconciled>();
        Assert.Equal(("ghost-2", "binance", OrderLife.Open), (reconciled.ClientOrderId, reconciled.Exchange, reconciled.Life));
    }

    [Fact]
    public void An_order_the_exchange_does_not_know_yet_is_not_declared_lost_within_the_grace_time()
    {
        var engine = Start();
        TimesOut(engine, Order("lag-1"));

        AnswerNextQuery(engine, "lag-1", query => new ExchangeRejected(query, RejectionReason.UnknownOrder, "-2013 Order does not exist."));
        AnswerNextQuery(engine, "lag-1", query => new ExchangeRejected(query, RejectionReason.UnknownOrder, "-2013 Order does not exist."));
        AnswerNextQuery(engine, "lag-1", query => new OrderFound(query, Report("lag-1", OrderState.Filled)));

        var record = RecordOf(engine, "lag-1")!;
        Assert.Equal((OrderLife.Filled, 0), (record.Life, record.UnknownAnswers));
    }

    [Fact]
    public void An_order_its_exchange_still_does_not_know_past_the_grace_time_and_queries_was_never_placed()
    {
        var engine = Start("""
            trading.exchanges.binance { call-timeout = 2s, failure-threshold = 100 }
            trading.orders { grace = 0s, max-queries = 2, min-backoff = 1s, max-backoff = 1s }
            """);
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(OrderSettled));
        TimesOut(engine, Order("lost-1"));

        AnswerNextQuery(engine, "lost-1", query => new ExchangeRejected(query, RejectionReason.UnknownOrder, "-2013"));
        AnswerNextQuery(engine, "lost-1", query => new ExchangeRejected(query, RejectionReason.UnknownOrder, "-2013"));

        var settled = events.ExpectMsg<OrderSettled>();
        Assert.Equal(OrderLife.Rejected, settled.Life);
        Assert.StartsWith("UnknownOrder: never placed", settled.Detail);
        Clock.Advance(TimeSpan.FromSeconds(5));
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_unknown_order_proved_never_placed_counts_as_reconciled()
    {
        var engine = Start("""
            trading.exchanges.binance { call-timeout = 2s, failure-threshold = 100 }
            trading.orders { grace = 0s, max-queries = 1, min-backoff = 1s, max-backoff = 1s }
            """);
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(OrderReconciled));
        TimesOut(engine, Order("lost-2"));

        AnswerNextQuery(engine, "lost-2", query => new ExchangeRejected(query, RejectionReason.UnknownOrder, "-2013"));

        Assert.Equal(OrderLife.Rejected, events.ExpectMsg<OrderReconciled>().Life);
        engine.Orders.Tell(OrderLedger.GetStatus.Instance, TestActor);
        Assert.Equal((1L, 0), Assert.Single(ExpectMsg<OrderLedger.Status>().Exchanges) is var counts ? (counts.Reconciled, counts.Unknown) : default);
    }

    [Fact]
    public void An_order_its_exchange_refuses_to_tell_about_needs_attention()
    {
        var engine = Start();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events, typeof(OrderNeedsAttention));
        TimesOut(engine, Order("refused-1"));

        AnswerNextQuery(engine, "refused-1", query => new ExchangeRejected(query, RejectionReason.Unauthorized, "-2015"));
        AnswerNextQuery(engine, "refused-1", query => new ExchangeRejected(query, RejectionReason.Unauthorized, "-2015"));

        Assert.Equal("refused-1", events.ExpectMsg<OrderNeedsAttention>().ClientOrderId);
        Assert.Equal(OrderLife.NeedsAttention, RecordOf(engine, "refused-1")!.Life);
        Clock.Advance(TimeSpan.FromSeconds(5));
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_order_that_provably_did_not_execute_may_be_sent_again_under_the_same_id()
    {
        var engine = Start();
        engine.Orders.Tell(Order("retry-1"), TestActor);
        var first = _binance.ExpectMsg<PlaceOrder>();
        _binance.Reply(new ExchangeFailed(first, FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted, null, "refused"));
        ExpectMsg<ExchangeFailed>();
        Assert.Equal(OrderLife.NotExecuted, RecordOf(engine, "retry-1")!.Life);

        engine.Orders.Tell(Order("retry-1"), TestActor);

        Assert.Equal("retry-1", _binance.ExpectMsg<PlaceOrder>().ClientOrderId);
    }

    [Theory]
    [InlineData("bad id with spaces", "0.5", "BTCUSDT", "may hold only letters")]
    [InlineData("a-client-order-id-of-thirty-seven-chr", "0.5", "BTCUSDT", "longer than 36 characters")]
    [InlineData("zero-1", "0", "BTCUSDT", "quantity must be positive, got 0")]
    [InlineData("negative-1", "-0.5", "BTCUSDT", "quantity must be positive, got -0.5")]
    [InlineData("unknown-symbol-1", "0.5", "DOGEUSDT", "binance does not trade DOGEUSDT (trading.exchanges.binance.symbols lists BTCUSDT, ETHUSDT)")]
    public void An_invalid_order_is_answered_with_why_and_nothing_is_recorded_or_sent(string id, string quantity, string symbol, string why)
    {
        var engine = Start(Config + "\ntrading.exchanges.binance.symbols = [ETHUSDT, BTCUSDT]");

        engine.Orders.Tell(new PlaceOrder("binance", symbol, OrderSide.Buy, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), null, id), TestActor);

        Assert.Contains(why, ExpectMsg<InvalidRequest>().Reason);
        Assert.Null(RecordOf(engine, id));
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_order_whose_id_its_exchange_would_refuse_is_answered_as_invalid_and_nothing_is_recorded_or_sent()
    {
        var engine = Start(WithAccount + "\ntrading.exchanges.binance.endpoint.protocol = bybit");
        _binance.ExpectMsg<GetOpenOrders>();

        engine.Orders.Tell(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.5m, null, "order.1"), TestActor);

        Assert.Equal("binance: a Bybit orderLinkId may hold only letters, digits, - and _", ExpectMsg<InvalidRequest>().Reason);
        Assert.Null(RecordOf(engine, "order.1"));
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void At_start_the_open_orders_of_an_exchange_with_an_account_that_the_ledger_never_sent_are_reported_external()
    {
        var external = CreateTestProbe();
        Sys.EventStream.Subscribe(external, typeof(ExternalOrderFound));
        var engine = Start(WithAccount);

        var listing = _binance.ExpectMsg<GetOpenOrders>();
        _binance.Reply(new OpenOrdersListed(listing, [Report("placed-by-hand-1", OrderState.New, filled: 0)]));

        Assert.Equal("placed-by-hand-1", external.ExpectMsg<ExternalOrderFound>().Report.ClientOrderId);
        engine.Orders.Tell(OrderLedger.GetStatus.Instance, TestActor);
        Assert.Equal(1, Assert.Single(ExpectMsg<OrderLedger.Status>().Exchanges).External);
        Assert.Null(RecordOf(engine, "placed-by-hand-1"));
    }

    [Fact]
    public void An_exchange_that_cannot_list_its_open_orders_at_start_is_asked_again_after_a_wait()
    {
        var engine = Start(WithAccount);
        var listing = _binance.ExpectMsg<GetOpenOrders>();
        _binance.Reply(new ExchangeFailed(listing, FailureKind.ServerError, ExecutionOutcome.Unknown, null, "HTTP 503"));
        BreakerSettled(engine);
        LedgerSettled(engine);

        Clock.Advance(TimeSpan.FromSeconds(1.2));

        _binance.ExpectMsg<GetOpenOrders>();
    }

    [Fact]
    public void An_open_order_an_exchange_lists_at_start_joins_the_ledger_s_record_of_it()
    {
        var engine = Start(WithAccount);
        _binance.Reply(new OpenOrdersListed(_binance.ExpectMsg<GetOpenOrders>(), []));
        engine.Orders.Tell(Order("listed-1"), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report("listed-1", OrderState.New, filled: 0)));
        ExpectMsg<OrderPlaced>();
        StopLedger(engine);

        var restarted = Start(WithAccount);
        _binance.ExpectMsg<GetOrderStatus>();
        _binance.Reply(new OpenOrdersListed(_binance.ExpectMsg<GetOpenOrders>(), [Report("listed-1", OrderState.PartiallyFilled, filled: 0.2m)]));
        LedgerSettled(restarted);

        Assert.Equal(OrderState.PartiallyFilled, RecordOf(restarted, "listed-1")!.Report!.State);
    }

    [Fact]
    public void The_status_of_a_final_order_is_answered_from_the_ledger_without_asking_the_exchange()
    {
        var engine = Start();
        engine.Orders.Tell(Order("asked-1"), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report("asked-1", OrderState.Filled)));
        ExpectMsg<OrderPlaced>();

        engine.Orders.Tell(new GetOrderStatus("binance", "BTCUSDT", "asked-1"), TestActor);

        Assert.Equal(OrderState.Filled, ExpectMsg<OrderFound>().Report.State);
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_caller_waiting_for_an_order_hears_once_it_is_final()
    {
        var engine = Start();
        TimesOut(engine, Order("wait-1"));
        var waiter = CreateTestProbe();
        engine.Orders.Tell(new OrderLedger.WaitForFinal("wait-1"), waiter);

        AnswerNextQuery(engine, "wait-1", query => new OrderFound(query, Report("wait-1", OrderState.Cancelled, filled: 0)));

        Assert.Equal(OrderLife.Cancelled, waiter.ExpectMsg<OrderSettled>().Life);
    }

    [Fact]
    public void After_a_restart_an_order_left_in_flight_is_reconciled_before_its_exchange_takes_a_new_order()
    {
        var engine = Start();
        engine.Orders.Tell(Order("restart-1"), TestActor);
        _binance.ExpectMsg<PlaceOrder>();
        Watch(engine.Orders);
        Sys.Stop(engine.Orders);
        ExpectMsg<OrderOutcomeUnknown>();
        ExpectTerminated(engine.Orders);

        var settled = CreateTestProbe();
        Sys.EventStream.Subscribe(settled, typeof(OrderSettled));
        var restarted = Start();
        restarted.Orders.Tell(Order("restart-2"), TestActor);
        Assert.Equal("restart-1", _binance.ExpectMsg<GetOrderStatus>().ClientOrderId);
        ExpectMsg<OrdersReconciling>();
        _binance.Reply(new OrderFound(_binance.LastMessage as GetOrderStatus ?? throw new InvalidOperationException(),
            Report("restart-1", OrderState.Filled)));
        // Published once the answer is journaled, after the ledger stopped holding binance's new orders back.
        Assert.Equal("restart-1", settled.ExpectMsg<OrderSettled>().ClientOrderId);

        restarted.Orders.Tell(Order("restart-2"), TestActor);
        Assert.Equal("restart-2", _binance.ExpectMsg<PlaceOrder>().ClientOrderId);
        Assert.Equal(OrderLife.Filled, RecordOf(restarted, "restart-1")!.Life);
    }

    [Fact]
    public void A_trade_from_the_user_data_stream_is_recorded_once_however_often_it_comes()
    {
        var engine = Start();
        engine.Orders.Tell(Order("stream-1"), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report("stream-1", OrderState.New, filled: 0)));
        ExpectMsg<OrderPlaced>();
        var fill = new OrderLedger.ExecutionReported("binance", Report("stream-1", OrderState.Filled), new Trade(501, 0.5m, 42_000.01m), Clock.Now);

        engine.Orders.Tell(fill);
        engine.Orders.Tell(fill);
        engine.Orders.Tell(fill with { Report = Report("stream-1", OrderState.New, filled: 0) });

        var record = RecordOf(engine, "stream-1")!;
        Assert.Equal((OrderLife.Filled, 501L), (record.Life, Assert.Single(record.Trades).TradeId));
    }

    [Fact]
    public void A_ghost_fill_is_settled_by_the_user_data_stream_without_a_query()
    {
        var engine = Start();
        TimesOut(engine, Order("ghost-stream-1"));

        engine.Orders.Tell(new OrderLedger.ExecutionReported("binance", Report("ghost-stream-1", OrderState.Filled),
            new Trade(502, 0.5m, 42_000.01m), Clock.Now));

        Assert.Equal(OrderLife.Filled, RecordOf(engine, "ghost-stream-1")!.Life);
        Clock.Advance(TimeSpan.FromSeconds(5));
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_order_the_stream_reports_that_the_ledger_never_sent_is_counted_external_and_left_alone()
    {
        var engine = Start();

        engine.Orders.Tell(new OrderLedger.ExecutionReported("binance", Report("placed-by-hand", OrderState.New, filled: 0), null, Clock.Now));

        Assert.Null(RecordOf(engine, "placed-by-hand"));
        engine.Orders.Tell(OrderLedger.GetStatus.Instance, TestActor);
        Assert.Equal(1, Assert.Single(ExpectMsg<OrderLedger.Status>().Exchanges).External);
    }

    [Fact]
    public void When_the_user_data_stream_resumes_its_exchange_s_open_orders_are_asked_about()
    {
        var engine = Start();
        engine.Orders.Tell(Order("resting-1"), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report("resting-1", OrderState.New, filled: 0)));
        ExpectMsg<OrderPlaced>();

        engine.Orders.Tell(new OrderLedger.StreamResumed("binance"));

        Assert.Equal("resting-1", _binance.ExpectMsg<GetOrderStatus>().ClientOrderId);
    }

    [Fact]
    public void A_cancel_and_a_status_query_waiting_on_the_ledger_are_answered_when_it_stops()
    {
        var engine = Start();
        engine.Orders.Tell(new CancelOrder("binance", "BTCUSDT", "stop-1"), TestActor);
        engine.Orders.Tell(new GetOrderStatus("binance", "BTCUSDT", "stop-2"), TestActor);
        _binance.ExpectMsg<CancelOrder>();
        _binance.ExpectMsg<GetOrderStatus>();

        Sys.Stop(engine.Orders);

        var answers = new[] { ExpectMsg<ExchangeFailed>(), ExpectMsg<ExchangeFailed>() };
        Assert.Equal(["stop-1", "stop-2"], answers.Select(a => a.Request switch
        {
            CancelOrder cancel => cancel.ClientOrderId,
            GetOrderStatus query => query.ClientOrderId,
            _ => "",
        }).Order());
    }

    [Fact]
    public void A_second_cancel_with_the_id_of_one_in_flight_is_answered_invalid()
    {
        var engine = Start();
        var cancel = new CancelOrder("binance", "BTCUSDT", "twice-1");
        engine.Orders.Tell(cancel, TestActor);
        engine.Orders.Tell(cancel, TestActor);

        Assert.Contains("already in flight", ExpectMsg<InvalidRequest>().Reason);
        _binance.ExpectMsg<CancelOrder>();
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_order_the_stream_reports_filled_before_its_reply_is_lost_is_answered_with_its_fill()
    {
        var engine = Start();
        engine.Orders.Tell(Order("raced-1"), TestActor);
        _binance.ExpectMsg<PlaceOrder>();
        BreakerSettled(engine);
        engine.Orders.Tell(new OrderLedger.ExecutionReported("binance", Report("raced-1", OrderState.Filled), new Trade(503, 0.5m, 42_000.01m), Clock.Now));
        LedgerSettled(engine);

        Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(OrderState.Filled, ExpectMsg<OrderPlaced>().Report.State);
    }

    [Fact]
    public void A_snapshot_holds_the_orders_still_to_settle_in_full_and_only_the_outcome_of_those_that_ended()
    {
        var engine = Start("""
            trading.exchanges.binance { call-timeout = 2s, failure-threshold = 100 }
            trading.orders.snapshot-every = 4
            """);
        engine.Orders.Tell(Order("snap-filled"), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report("snap-filled", OrderState.Filled)));
        ExpectMsg<OrderPlaced>();
        engine.Orders.Tell(Order("snap-open"), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report("snap-open", OrderState.New, filled: 0)));
        ExpectMsg<OrderPlaced>();
        // The fourth event asked for a snapshot; the snapshot store saves it before the next ledger loads one.
        StopLedger(engine);

        var restarted = Start();

        Assert.Equal(OrderLife.Open, RecordOf(restarted, "snap-open")!.Life);
        Assert.Null(RecordOf(restarted, "snap-filled"));
        restarted.Orders.Tell(Order("snap-filled"), TestActor);
        Assert.Contains("ended Filled", ExpectMsg<InvalidRequest>().Reason);
    }

    // Final orders leave memory after a minute and their ids are forgotten ten minutes after they ended, checked every minute.
    private const string Remembering = """
        trading.exchanges.binance { call-timeout = 2s, failure-threshold = 100 }
        trading.orders { retention = 1m, remember-ids-for = 10m, check-interval = 1m }
        """;

    // The same, with a snapshot after every second event: the order's send and its fill.
    private const string RememberingInSnapshots = Remembering + """

        trading.orders.snapshot-every = 2
        """;

    private void Filled(TradingEngine.Parts engine, string id)
    {
        engine.Orders.Tell(Order(id), TestActor);
        _binance.Reply(new OrderPlaced(_binance.ExpectMsg<PlaceOrder>(), Report(id, OrderState.Filled)));
        ExpectMsg<OrderPlaced>();
    }

    private void RefusedAsEnded(TradingEngine.Parts engine, string id)
    {
        engine.Orders.Tell(Order(id), TestActor);
        Assert.Contains("ended Filled", ExpectMsg<InvalidRequest>().Reason);
        _binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private void SentAsNew(TradingEngine.Parts engine, string id)
    {
        engine.Orders.Tell(Order(id), TestActor);
        Assert.Equal(id, _binance.ExpectMsg<PlaceOrder>().ClientOrderId);
        Assert.Equal(OrderLife.Sent, RecordOf(engine, id)!.Life);
    }

    [Fact]
    public void A_closed_order_s_id_is_refused_for_a_new_order_within_the_window_it_is_remembered_for()
    {
        var engine = Start(Remembering);
        Filled(engine, "kept-1");

        Clock.Advance(TimeSpan.FromMinutes(10));

        RefusedAsEnded(engine, "kept-1");
    }

    [Fact]
    public void A_closed_order_s_id_is_forgotten_after_the_window_and_an_order_sent_under_it_is_a_new_order()
    {
        var engine = Start(Remembering);
        Filled(engine, "reused-1");

        Clock.Advance(TimeSpan.FromMinutes(11));

        SentAsNew(engine, "reused-1");
    }

    [Fact]
    public void After_a_restart_from_a_snapshot_a_closed_order_s_id_is_still_refused_within_the_window()
    {
        var engine = Start(RememberingInSnapshots);
        Filled(engine, "snap-kept-1");
        StopLedger(engine);
        Clock.Advance(TimeSpan.FromMinutes(5));

        RefusedAsEnded(Start(RememberingInSnapshots), "snap-kept-1");
    }

    [Fact]
    public void After_a_restart_from_a_snapshot_a_closed_order_s_id_whose_window_passed_meanwhile_is_forgotten()
    {
        var engine = Start(RememberingInSnapshots);
        Filled(engine, "snap-reused-1");
        StopLedger(engine);
        Clock.Advance(TimeSpan.FromMinutes(11));

        SentAsNew(Start(RememberingInSnapshots), "snap-reused-1");
    }

    [Fact]
    public void After_a_restart_from_the_journal_alone_a_closed_order_s_id_is_still_refused_within_the_window()
    {
        var engine = Start(Remembering);
        Filled(engine, "replayed-kept-1");
        StopLedger(engine);
        Clock.Advance(TimeSpan.FromMinutes(5));

        RefusedAsEnded(Start(Remembering), "replayed-kept-1");
    }

    [Fact]
    public void After_a_restart_from_the_journal_alone_a_closed_order_s_id_whose_window_passed_meanwhile_is_forgotten()
    {
        var engine = Start(Remembering);
        Filled(engine, "replayed-reused-1");
        StopLedger(engine);
        Clock.Advance(TimeSpan.FromMinutes(11));

        SentAsNew(Start(Remembering), "replayed-reused-1");
    }
}
