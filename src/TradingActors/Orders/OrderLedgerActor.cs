using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Metrics;

namespace TradingActors.Orders;

internal sealed class OrderLedgerActor : UntypedPersistentActor, IWithTimers
{
    private const string CheckTimer = "check";
    private const string StartupTimer = "startup";

    private sealed record ReconcileDue(string ClientOrderId);
    private sealed record ListingDue(string Exchange);
    private sealed record CheckDue
    {
        public static readonly CheckDue Instance = new();
    }
    private sealed record StartupOver
    {
        public static readonly StartupOver Instance = new();
    }

    private readonly record struct Placing(PlaceOrder Order, IActorRef Caller);

    /// <param name="Caller">Who asked, for a caller's status query; null for the ledger's own reconciliation.</param>
    private readonly record struct Query(GetOrderStatus Request, IActorRef? Caller)
    {
        public string ClientOrderId => Request.ClientOrderId;
        public string Exchange => Request.Exchange;
    }

    private readonly record struct Cancelling(CancelOrder Request, IActorRef Caller);

    private readonly OrderLedgerSettings _settings;
    private readonly TradingSettings _trading;
    private readonly IActorRef _router;
    private readonly IActorRef _exchanges;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly EngineMeter _meter = EngineMeter.For(Context.System);
    private readonly OrderBook _book = new();
    private readonly Reconciliation _reconciliation;

    // Orders waiting for their OrderSent to reach the journal, then on their way to the router.
    private readonly Dictionary<RequestId, Placing> _recording = new();
    private readonly Dictionary<RequestId, Placing> _placing = new();
    private readonly Dictionary<RequestId, Query> _queries = new();
    private readonly Dictionary<RequestId, Cancelling> _cancels = new();
    private readonly Dictionary<RequestId, string> _listings = new();
    private readonly Dictionary<string, List<IActorRef>> _waiters = new(StringComparer.Ordinal);
    // For an order the engine stopped with before it knew which candidate took it: the candidate asked next.
    private readonly Dictionary<string, int> _probing = new(StringComparer.Ordinal);
    // Per exchange, its orders from before the start that are still being reconciled: it takes no new order until they are known.
    private readonly Dictionary<string, HashSet<string>> _fromBeforeStart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _reconciled = new(StringComparer.Ordinal);
    // Per exchange, the ids of the orders it reported that the ledger never sent.
    private readonly Dictionary<string, HashSet<string>> _external = new(StringComparer.Ordinal);
    private DateTimeOffset _startupOver;
    private Guid _gauged;
    private readonly SnapshotSchedule _snapshots;

    public ITimerScheduler Timers { get; set; } = null!;

    public override string PersistenceId => OrderLedger.PersistenceId;

    public OrderLedgerActor(TradingSettings trading, IActorRef router, IActorRef exchanges)
    {
        _settings = trading.Orders;
        _snapshots = new SnapshotSchedule(_settings.SnapshotEvery);
        _trading = trading;
        _router = router;
        _exchanges = exchanges;
        _reconciliation = new Reconciliation(_settings, new Random());
        JournalPluginId = LedgerStorage.JournalPluginId(_settings);
        SnapshotPluginId = LedgerStorage.SnapshotPluginId(_settings);
    }

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    // ---- Recovery ---------------------------------------------------------------------------------

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer { Snapshot: OrderLedgerSnapshot snapshot }:
                _book.Restore(snapshot, Now);
                break;
            case IOrderEvent happened:
                _book.Apply(happened);
                break;
            case RecoveryCompleted:
                // The journal replays every order in full, however long ago it ended, and a snapshot may hold ids
                // whose window closed while the ledger was stopped: both are retired before any order is taken.
                Retire();
                ReconcileWhatWasPending();
                foreach (var account in _trading.Endpoints.Keys)
                    ListOpenOrders(account);
                Timers.StartPeriodicTimer(CheckTimer, CheckDue.Instance, _settings.CheckInterval);
                break;
        }
    }

    /// <summary>
    /// Every order that was in flight, unknown or open when the engine stopped is asked about before its
    /// exchange takes a new order. One still in flight may be at any of its candidates: it is unknown now.
    /// </summary>
    private void ReconcileWhatWasPending()
    {
        var now = Now;
        foreach (var order in _book.Orders.Where(o => o.IsPending).ToList())
        {
            if (order.Life == OrderLife.Sent)
                Record(new OrderOutcomeLost(order.ClientOrderId, null, "the engine stopped before the exchange answered", now));
            foreach (var exchange in order.Exchange is { } known ? [known] : order.Candidates)
            {
                if (!_fromBeforeStart.TryGetValue(exchange, out var pending))
                    _fromBeforeStart[exchange] = pending = new HashSet<string>(StringComparer.Ordinal);
                pending.Add(order.ClientOrderId);
            }
            Reconcile(order.ClientOrderId);
        }
        if (_fromBeforeStart.Count == 0)
            return;
        _startupOver = now + _settings.StartupTimeout;
        Timers.StartSingleTimer(StartupTimer, StartupOver.Instance, _settings.StartupTimeout);
        _log.Info("Order ledger: reconciling {Count} orders from before the start with {Exchanges}",
            _fromBeforeStart.Values.SelectMany(ids => ids).Distinct().Count(), string.Join(", ", _fromBeforeStart.Keys));
    }

    // ---- Commands ---------------------------------------------------------------------------------

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case PlaceOrder order:
                Place(order.Identified() as PlaceOrder ?? order);
                break;
            case CancelOrder cancel:
                if (Invalid(cancel))
                    break;
                _cancels[cancel.Id] = new Cancelling(cancel, Sender);
                _exchanges.Tell(cancel);
                break;
            case GetOrderStatus query:
                if (Invalid(query))
                    break;
                if (_book.TryGet(query.ClientOrderId, out var known) && known.IsFinal && known.Report is { } report)
                    Sender.Tell(new OrderFound(query, report));
                else
                {
                    _queries[query.Id] = new Query(query, Sender);
                    _exchanges.Tell(query);
                }
                break;
            case ExchangeReply reply when _placing.Remove(reply.Request.Id, out var placing):
                Answered(placing, reply);
                break;
            case ExchangeReply reply when _queries.Remove(reply.Request.Id, out var query):
                Queried(query, reply);
                break;
            case ExchangeReply reply when _listings.Remove(reply.Request.Id, out var listed):
                Listed(listed, reply);
                break;
            case ListingDue due:
                ListOpenOrders(due.Exchange);
                break;
            case ExchangeReply reply when _cancels.Remove(reply.Request.Id, out var cancelling):
                if (reply is OrderCancelled cancelled)
                    Record(new OrderReported(cancelled.Cancel.ClientOrderId, cancelled.Cancel.Exchange, cancelled.Report, Now));
                cancelling.Caller.Tell(reply);
                break;
            case OrderLedger.ExecutionReported reported:
                Executed(reported);
                break;
            case OrderLedger.StreamResumed resumed:
                foreach (var pending in _book.Orders.Where(o => o.IsPending && o.Venue == resumed.Exchange).ToList())
                    Reconcile(pending.ClientOrderId);
                break;
            case OrderLedger.WaitForFinal wait:
                WaitForFinal(wait.ClientOrderId);
                break;
            case OrderLedger.GetOrder get:
                Sender.Tell(new OrderLedger.Order(get.ClientOrderId, _book.TryGet(get.ClientOrderId, out var record) ? record : null));
                break;
            case OrderLedger.GetStatus:
                Sender.Tell(Status());
                break;
            case ReconcileDue due:
                Reconcile(due.ClientOrderId);
                break;
            case CheckDue:
                Check();
                break;
            case StartupOver:
                if (_fromBeforeStart.Count > 0)
                    _log.Warning("Order ledger: still reconciling orders from before the start with {Exchanges} after {Timeout}; taking new orders",
                        string.Join(", ", _fromBeforeStart.Keys), Durations.Text(_settings.StartupTimeout));
                _fromBeforeStart.Clear();
                break;
            case SaveSnapshotSuccess saved:
                DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1));
                break;
            case SaveSnapshotFailure failed:
                _log.Warning(failed.Cause, "Order ledger: a snapshot failed; recovery replays more of the journal until the next one");
                break;
            case DeleteSnapshotsSuccess or DeleteSnapshotsFailure:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private bool Invalid(ExchangeRequest request)
    {
        var id = request.Id;
        var problem = RequestValidation.Problem(request)
                      ?? (request is PlaceOrder order
                          ? _trading.SymbolProblem(order.Exchange, order.Symbol) ?? _trading.ClientOrderIdProblem(order.Exchange, order.ClientOrderId)
                          : null)
                      ?? (_recording.ContainsKey(id) || _placing.ContainsKey(id) || _queries.ContainsKey(id) || _cancels.ContainsKey(id)
                          ? $"request {id} is already in flight"
                          : null);
        if (problem is null)
            return false;
        Sender.Tell(new InvalidRequest(request, problem));
        return true;
    }

    /// <summary>A new order is journaled as sent, then sent; an id the ledger knows is answered from the record.</summary>
    private void Place(PlaceOrder order)
    {
        if (Invalid(order))
            return;
        var id = order.ClientOrderId;
        if (_book.ClosedAs(id) is { Life: not OrderLife.Rejected } ended)
        {
            Sender.Tell(new InvalidRequest(order, $"client order id {id} belongs to an order that ended {ended.Life}; a new order needs a new id"));
            return;
        }
        if (_book.TryGet(id, out var known) && !known.MaySendAgain)
        {
            Sender.Tell(KnownOutcome(order, known));
            return;
        }
        if (_fromBeforeStart.TryGetValue(order.Exchange, out var pending) && pending.Count > 0)
        {
            Sender.Tell(new OrdersReconciling(order, _startupOver - Now));
            return;
        }
        var caller = Sender;
        _recording[order.Id] = new Placing(order, caller);
        Record(new OrderSent(order, CandidatesFor(order.Exchange), Now), () =>
        {
            _recording.Remove(order.Id);
            _placing[order.Id] = new Placing(order, caller);
            _router.Tell(order);
        });
    }

    private IReadOnlyList<string> CandidatesFor(string exchange) =>
        _trading.Fallbacks.TryGetValue(exchange, out var next) ? [exchange, .. next] : [exchange];

    private static ExchangeReply KnownOutcome(PlaceOrder order, OrderRecord known) => known switch
    {
        { Report: { } report, Life: not (OrderLife.Unknown or OrderLife.NeedsAttention) } => new OrderPlaced(order with { Exchange = known.Exchange! }, report),
        _ => new OrderOutcomeUnknown(order, $"client order id {order.ClientOrderId} is already {known.Life}: {known.Detail}; not sent again", null),
    };

    /// <summary>The exchange's answer to an order is journaled, then passed on.</summary>
    private void Answered(Placing placing, ExchangeReply reply)
    {
        var id = placing.Order.ClientOrderId;
        var exchange = reply.Request.Exchange;
        var now = Now;
        IOrderEvent learned = reply switch
        {
            OrderPlaced placed => new OrderReported(id, exchange, placed.Report, now),
            ExchangeRejected rejected => new OrderRefused(id, exchange, rejected.Reason, rejected.Detail, now),
            ExchangeFailed { Outcome: ExecutionOutcome.Unknown } failed => new OrderOutcomeLost(id, exchange, $"{failed.Kind}: {failed.Detail}", now),
            _ => new OrderNotExecuted(id, $"not executed: {reply.GetType().Name}", now),
        };
        // The user data stream may already have told the ledger how an order whose reply is lost ended.
        var answer = reply is ExchangeFailed { Outcome: ExecutionOutcome.Unknown } unknown
            ? _book.TryGet(id, out var known) && known.IsFinal
                ? KnownOutcome((PlaceOrder)reply.Request, known)
                : new OrderOutcomeUnknown((PlaceOrder)reply.Request, $"{unknown.Kind} at {exchange}: the ledger is reconciling it", unknown)
            : reply;
        Record(learned, () => placing.Caller.Tell(answer));
    }

    /// <summary>The stream's word on an order joins its record: its trade once by id, its state while it is not final.</summary>
    private void Executed(OrderLedger.ExecutionReported reported)
    {
        var id = reported.Report.ClientOrderId;
        if (!_book.TryGet(id, out var order))
        {
            if (_book.ClosedAs(id) is null)
                External(reported.Exchange, reported.Report);
            return;
        }
        // Recorded at the ledger's own time: the exchange's clock says when it traded, not when the ledger learnt it.
        var now = Now;
        if (reported.Trade is { } trade && !order.HasTrade(trade.TradeId))
            Record(new OrderFilled(id, reported.Exchange, trade, now));
        if (!order.IsFinal)
            Record(new OrderReported(id, reported.Exchange, reported.Report, now));
    }

    /// <summary>An order the ledger never sent (placed by hand, by another program, before the ledger's journal): reported once, left alone.</summary>
    private void External(string exchange, OrderReport report)
    {
        if (!_external.TryGetValue(exchange, out var ids))
            _external[exchange] = ids = new HashSet<string>(StringComparer.Ordinal);
        if (!ids.Add(report.ClientOrderId))
            return;
        _log.Warning("Order ledger: {Exchange} holds order {ClientOrderId} ({Side} {Quantity} {Symbol}, {State}), which the ledger never sent; left alone",
            exchange, report.ClientOrderId, report.Side, PlainDecimal.Format(report.Quantity), report.Symbol, report.State);
        _meter.OrdersExternal.Add(1, new KeyValuePair<string, object?>("exchange", exchange));
        Context.System.EventStream.Publish(new ExternalOrderFound(exchange, report, Now));
    }

    // ---- Open orders at start-up ------------------------------------------------------------------

    /// <summary>Asks an exchange the engine holds an account at for every order open there, until it answers.</summary>
    private void ListOpenOrders(string exchange)
    {
        var listing = new GetOpenOrders(exchange);
        _listings[listing.Id] = exchange;
        _exchanges.Tell(listing);
    }

    /// <summary>An open order the ledger holds joins its record; one it never sent is external.</summary>
    private void Listed(string exchange, ExchangeReply reply)
    {
        // Client order ids hold no spaces, so this key never meets an order's own backoff.
        var backoff = $"open orders at {exchange}";
        if (reply is not OpenOrdersListed listed)
        {
            var wait = _reconciliation.NextWait(backoff, (reply as CircuitOpen)?.RetryAfter);
            _log.Info("Order ledger: {Exchange} did not list its open orders ({Reply}); asking again in {Wait}",
                exchange, reply.GetType().Name, Durations.Wait(wait));
            Timers.StartSingleTimer($"open-orders-{exchange}", new ListingDue(exchange), wait);
            return;
        }
        _reconciliation.Settled(backoff);
        var now = Now;
        foreach (var report in listed.Orders)
            if (_book.TryGet(report.ClientOrderId, out var order))
            {
                if (!order.IsFinal)
                    Record(new OrderReported(report.ClientOrderId, exchange, report, now));
            }
            else if (_book.ClosedAs(report.ClientOrderId) is null)
                External(exchange, report);
    }

    private void WaitForFinal(string id)
    {
        if (_book.TryGet(id, out var order) && order.IsFinal)
            Sender.Tell(Settled(order));
        else if (order is not null)
        {
            if (!_waiters.TryGetValue(id, out var waiting))
                _waiters[id] = waiting = [];
            waiting.Add(Sender);
        }
        else if (_book.ClosedAs(id) is { } ended)
            Sender.Tell(new OrderSettled(id, null, ended.Life, null, "ended longer ago than the retention", ended.At));
        else
            Sender.Tell(new OrderLedger.NotFound(id));
    }

    // ---- Reconciliation ---------------------------------------------------------------------------

    /// <summary>Asks the order's exchange (or, not knowing which, its next candidate) where the order stands.</summary>
    private void Reconcile(string id)
    {
        if (!_book.TryGet(id, out var order) || !order.IsPending || Querying(id))
            return;
        _probing.TryGetValue(id, out var candidate);
        var query = new GetOrderStatus(order.Exchange ?? order.Candidates[candidate], order.Order.Symbol, id);
        _queries[query.Id] = new Query(query, null);
        _exchanges.Tell(query);
    }

    private void Queried(Query query, ExchangeReply reply)
    {
        var id = query.ClientOrderId;
        if (query.Caller is { } caller)
        {
            caller.Tell(reply);
            if (reply is OrderFound found && _book.TryGet(id, out var asked) && asked.IsPending)
                Record(new OrderReported(id, query.Exchange, found.Report, Now));
            return;
        }
        if (!_book.TryGet(id, out var order) || !order.IsPending)
            return;
        var now = Now;
        switch (reply)
        {
            case OrderFound found:
                Record(new OrderReported(id, query.Exchange, found.Report, now));
                break;
            case ExchangeRejected { Reason: RejectionReason.UnknownOrder } when order.Exchange is null && NextCandidate(order):
                Reconcile(id);
                break;
            case ExchangeRejected { Reason: RejectionReason.UnknownOrder } when _reconciliation.InGrace(order, now):
                ReconcileLater(id);
                break;
            case ExchangeRejected { Reason: RejectionReason.UnknownOrder }:
                Record(new OrderUnknownToExchange(id, query.Exchange, now));
                if (_book.TryGet(id, out var unknown) && _reconciliation.GivesUp(unknown))
                    Record(new OrderRefused(id, query.Exchange, RejectionReason.UnknownOrder,
                        $"never placed: {(unknown.Exchange is null ? string.Join(" and ", unknown.Candidates) : unknown.Exchange)} did not " +
                        $"know it after {unknown.UnknownAnswers} queries past the {Durations.Text(_settings.Grace)} grace time", now));
                else
                    ReconcileLater(id);
                break;
            // The exchange answers, but will not say where the order stands (unauthorized, say): asking again cannot settle it.
            case ExchangeRejected refused when _reconciliation.Refused(id):
                Record(new OrderNeedsAttention(id,
                    $"{query.Exchange} refused {_settings.MaxQueries} queries about it, the last: {refused.Reason}: {refused.Detail}", now));
                break;
            case CircuitOpen open:
                ReconcileLater(id, open.RetryAfter);
                break;
            default:
                ReconcileLater(id);
                break;
        }
    }

    // A query round goes through every candidate before it counts as one "unknown order" answer.
    private bool NextCandidate(OrderRecord order)
    {
        _probing.TryGetValue(order.ClientOrderId, out var candidate);
        if (candidate + 1 < order.Candidates.Count)
        {
            _probing[order.ClientOrderId] = candidate + 1;
            return true;
        }
        _probing.Remove(order.ClientOrderId);
        return false;
    }

    private bool Querying(string id) => _queries.Values.Any(query => query.ClientOrderId == id && query.Caller is null);

    private void Retire()
    {
        var now = Now;
        _book.Retire(now - _settings.Retention, now - _settings.RememberIdsFor);
    }

    private bool IsReconciling(string id) => Querying(id) || Timers.IsTimerActive($"reconcile-{id}");

    private void ReconcileLater(string id, TimeSpan? atLeast = null) =>
        Timers.StartSingleTimer($"reconcile-{id}", new ReconcileDue(id), _reconciliation.NextWait(id, atLeast));

    /// <summary>Retires old final orders, and asks about every order in flight or open for too long that nobody is asking about.</summary>
    private void Check()
    {
        var now = Now;
        Retire();
        var placing = _placing.Values.Select(p => p.Order.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        foreach (var order in _book.Orders.Where(o => o.IsPending && now - o.UpdatedAt >= _settings.CheckAfter).ToList())
            if (!placing.Contains(order.ClientOrderId) && !IsReconciling(order.ClientOrderId))
                Reconcile(order.ClientOrderId);
    }

    // ---- Journal ----------------------------------------------------------------------------------

    /// <summary>
    /// Applies <paramref name="happened"/> to the book at once (so a second order with the same id sees the
    /// first), journals it, and acts on it only once it is in the journal.
    /// </summary>
    private void Record(IOrderEvent happened, Action? thenDo = null)
    {
        var before = _book.TryGet(happened.ClientOrderId, out var was) ? was.Life : (OrderLife?)null;
        var order = _book.Apply(happened);
        PersistAsync(happened, _ =>
        {
            thenDo?.Invoke();
            if (order is not null)
                Journaled(order, before, happened);
            if (_snapshots.Due(_book.Held))
                SaveSnapshot(_book.Snapshot());
        });
    }

    private void Journaled(OrderRecord order, OrderLife? before, IOrderEvent happened)
    {
        var id = order.ClientOrderId;
        if (happened is OrderOutcomeLost lost)
        {
            if (!IsReconciling(id))
                ReconcileLater(id);
            Context.System.EventStream.Publish(lost);
        }
        var exchange = new KeyValuePair<string, object?>("exchange", order.Venue);
        // Settled either way: the exchange had it (open or final), or it proved never placed.
        if (before == OrderLife.Unknown && order.Life is not (OrderLife.Unknown or OrderLife.NeedsAttention))
        {
            _reconciled[order.Venue] = _reconciled.GetValueOrDefault(order.Venue) + 1;
            _meter.OrdersReconciled.Add(1, exchange);
            _log.Info("Order ledger: {ClientOrderId} reconciled, {Life}: {Detail}", id, order.Life, order.Detail);
            Context.System.EventStream.Publish(new OrderReconciled(id, order.Venue, order.Life, order.Detail, order.UpdatedAt));
        }
        if (happened is OrderNeedsAttention attention)
        {
            _log.Warning("Order ledger: {ClientOrderId} needs attention: {Reason}", id, attention.Reason);
            _meter.OrdersNeedingAttention.Add(1, exchange);
            Context.System.EventStream.Publish(attention);
        }
        if (order.Life is not (OrderLife.Unknown or OrderLife.Sent))
            KnownAgain(order);
        if (order.IsFinal && before != order.Life)
        {
            _meter.OrdersSettled.Add(1, exchange, new KeyValuePair<string, object?>("state", order.Life.ToString().ToLowerInvariant()));
            Settle(order);
        }
    }

    // The order is known again (final, open, or an operator's): its exchange may stop waiting on it.
    private void KnownAgain(OrderRecord order)
    {
        var id = order.ClientOrderId;
        _probing.Remove(id);
        foreach (var (name, pending) in _fromBeforeStart.ToList())
            if (pending.Remove(id) && pending.Count == 0)
            {
                _fromBeforeStart.Remove(name);
                _log.Info("Order ledger: {Exchange}'s orders from before the start are reconciled; it takes new orders", name);
            }
        if (!order.IsPending)
            _reconciliation.Settled(id);
    }

    private void Settle(OrderRecord order)
    {
        Timers.Cancel($"reconcile-{order.ClientOrderId}");
        var settled = Settled(order);
        Context.System.EventStream.Publish(settled);
        if (_waiters.Remove(order.ClientOrderId, out var waiting))
            foreach (var waiter in waiting)
                waiter.Tell(settled);
    }

    private static OrderSettled Settled(OrderRecord order) =>
        new(order.ClientOrderId, order.Exchange, order.Life, order.Report, order.Detail, order.UpdatedAt);

    private OrderLedger.Status Status()
    {
        var unsettled = _book.Unsettled;
        int Count(string exchange, OrderLife life) => unsettled.GetValueOrDefault((exchange, life));
        return new OrderLedger.Status(unsettled.Keys.Select(key => key.Exchange).Union(_reconciled.Keys).Union(_external.Keys)
            .Order(StringComparer.Ordinal)
            .Select(exchange => new OrderLedger.ExchangeOrders(exchange,
                Count(exchange, OrderLife.Sent),
                Count(exchange, OrderLife.Open),
                Count(exchange, OrderLife.Unknown),
                Count(exchange, OrderLife.NeedsAttention),
                _reconciled.GetValueOrDefault(exchange),
                _external.TryGetValue(exchange, out var external) ? external.Count : 0))
            .ToList());
    }

    protected override void PreStart()
    {
        _gauged = _meter.ObserveOrders(_book.Unsettled);
        base.PreStart();
    }

    /// <summary>Whatever is still waiting on the ledger is answered: a caller never waits on silence.</summary>
    protected override void PostStop()
    {
        _meter.ForgetOrders(_gauged);
        foreach (var (order, caller) in _recording.Values)
            caller.Tell(new ExchangeFailed(order, FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted, null,
                "the order ledger stopped before it could record the order: not sent"));
        foreach (var (order, caller) in _placing.Values)
            caller.Tell(new OrderOutcomeUnknown(order, "the order ledger stopped while the order was in flight", null));
        foreach (var (query, caller) in _queries.Values)
            caller?.Tell(new ExchangeFailed(query, FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted, null,
                "the order ledger stopped while the query was in flight"));
        foreach (var (cancel, caller) in _cancels.Values)
            caller.Tell(new ExchangeFailed(cancel, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null,
                "the order ledger stopped while the cancel was in flight"));
        base.PostStop();
    }
}
