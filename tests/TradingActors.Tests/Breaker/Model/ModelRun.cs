using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.TestKit;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker.Model;

/// <summary>The actor and the model parted at one step; the message says where and how.</summary>
public sealed class ModelDisagreement(string message) : Exception(message);

/// <summary>
/// One breaker actor and one <see cref="BreakerModel"/> driven through the same steps on the same clock, compared
/// after every step: what each caller was told (kind and retry-after, exactly), what reached the exchange, and the
/// status (state, window, counters, openings, open-until, the transitions).
/// </summary>
/// <remarks>
/// The breaker and its stand-in connector run on the TestKit's calling-thread dispatcher, under a <see cref="ModelHost"/>
/// that also plays the callers: a message is handled before <c>Tell</c> returns, and a timer's message before
/// <c>Advance</c> returns, so the actor has handled everything it was sent whenever the test reads it (what an Identify
/// round trip makes sure of on a thread pool), with no waiting at all. The clock is the actor system's TestScheduler,
/// shared by the runs of one actor system, so runs go one at a time.
/// </remarks>
internal sealed class ModelRun : IDisposable
{
    private const string ExchangeName = "model";
    private static readonly string SameThread = CallingThreadDispatcher.Id;

    private readonly TestScheduler _clock;
    private readonly BreakerModel _model;
    private readonly IActorRef _breaker;
    private readonly IActorRef _connector;
    private readonly ModelHost _host;
    private readonly Dictionary<string, long>? _seen;
    private readonly long _start;
    private readonly List<object> _arrived = new();                // what reached the exchange, in order
    private readonly Dictionary<string, ExchangeRequest> _held = new();
    private readonly Dictionary<RequestId, string> _names = new();
    private int _requests;
    private int _pings;
    private int _step;

    /// <param name="seen">Counts what the runs went through (states, transitions, replies), for the figures.</param>
    public ModelRun(ModelHost host, BreakerSettings settings, Dictionary<string, long>? seen = null)
    {
        _seen = seen;
        _host = host;
        _clock = host.Clock;
        _start = _clock.Now.UtcTicks;
        _model = new BreakerModel(settings, _start);
        host.StartRun();
        var connector = new StrongBox<IActorRef>();
        var exchange = Props.Create(() => new StandInConnector(_arrived, connector)).WithDispatcher(SameThread);
        _breaker = host.Spawn(CircuitBreaker.Props(ExchangeName, settings, exchange).WithDispatcher(SameThread));
        _connector = connector.Value!;
        Compare("start");
    }

    /// <summary>Steps taken so far, for the figures.</summary>
    public int StepsTaken => _step;

    public void Run(IEnumerable<Step> steps)
    {
        foreach (var step in steps)
            Take(step);
        foreach (var transition in _model.Status.Transitions.Split(", ", StringSplitOptions.RemoveEmptyEntries))
            See(transition[..transition.IndexOf('@')]);
        See(_model.Status.LateReplies > 0 ? "a run with late replies" : "a run without late replies");
    }

    private void See(string what)
    {
        if (_seen is not null)
            _seen[what] = _seen.GetValueOrDefault(what) + 1;
    }

    public void Take(Step step)
    {
        _step++;
        See($"a step in {_model.State}");
        switch (step)
        {
            case Step.Send send:
                Send(NewRequest(send.Call), valid: true);
                break;
            case Step.SendInvalid:
                Send(NewInvalidRequest(), valid: false);
                break;
            case Step.SendAsOpenTimeEnds ahead when _model.State == BreakerState.Open && _model.OpenUntilTicks is { } until:
                See("a request ahead of the half-open timer");
                SendAheadOfTheTimer(NewRequest(ahead.Call), until);
                break;
            case Step.SendAsOpenTimeEnds ahead:
                Send(NewRequest(ahead.Call), valid: true);
                break;
            case Step.Answer answer when _model.AtTheExchange.Count > 0:
                var answered = Pick(answer.Pick);
                // A copy of the request: the breaker finds its call by the request's id.
                _breaker.Tell(ReplyTo(_held[answered] with { }, answer.Outcome), _connector);
                _held.Remove(answered);
                _model.ExchangeAnswers(answered, answer.Outcome);
                break;
            case Step.Crash { Pick: null }:
                _connector.Tell(new StandInConnector.CrashWhileHandling(null));
                _model.ConnectorCrashes(null);
                break;
            case Step.Crash crash when _model.AtTheExchange.Count > 0:
                var crashedOn = Pick(crash.Pick!.Value);
                _connector.Tell(new StandInConnector.CrashWhileHandling(_held[crashedOn] with { }));
                _held.Remove(crashedOn);
                _model.ConnectorCrashes(crashedOn);
                break;
            case Step.Advance advance:
                AdvanceTo(_model.Now + advance.By.Ticks);
                break;
            case Step.AdvanceToNextTimer when _model.NextDue is { } due:
                AdvanceTo(due);
                break;
            case Step.Isolate:
                _breaker.Tell(new CircuitBreaker.Isolate(ExchangeName, "the model test"), _host.Ref);
                _model.Isolate();
                break;
            case Step.Reset:
                _breaker.Tell(new CircuitBreaker.Reset(ExchangeName), _host.Ref);
                _model.Reset();
                break;
            case Step.RecordOnly:
                _breaker.Tell(new CircuitBreaker.RecordOnly(ExchangeName), _host.Ref);
                _model.RecordOnly();
                break;
        }
        Compare($"step {_step}: {step}");
    }

    public void Dispose() => _host.Stop(_breaker);

    // ---- Driving --------------------------------------------------------------------------------------

    private void Send(ExchangeRequest request, bool valid)
    {
        _breaker.Tell(request, _host.Ref);
        _model.Request(IdOf(request), valid, request is CancelOrder);
    }

    /// <summary>
    /// Time passes to the end of the open time, and the request is delivered there ahead of the timers due at that
    /// instant: scheduled a tick earlier, it is told first when the next Advance reaches both, and handled at the new time.
    /// </summary>
    private void SendAheadOfTheTimer(ExchangeRequest request, long openUntil)
    {
        AdvanceTo(openUntil - 1);
        _clock.ScheduleTellOnce(TimeSpan.Zero, _breaker, request, _host.Ref);
        _clock.AdvanceTo(At(openUntil));
        _model.MoveClockAheadOfTimers(openUntil);
        _model.Request(IdOf(request), isCancel: request is CancelOrder);
        _model.AdvanceTo(openUntil);
    }

    /// <summary>
    /// Moves both clocks, stopping at every instant the model has something due, so each timer fires at its own time,
    /// and comparing a tick before each: an actor timer that fires early (or one the model does not know) shows there,
    /// instead of being handled late at the model's next instant.
    /// </summary>
    private void AdvanceTo(long target)
    {
        while (_model.NextDue is { } due && due <= target)
        {
            if (due - 1 > _model.Now)
            {
                _clock.AdvanceTo(At(due - 1));
                _model.AdvanceTo(due - 1);
                Compare($"step {_step}, a tick before the timer due at {TimeSpan.FromTicks(due - _start)}");
            }
            _clock.AdvanceTo(At(due));
            _model.AdvanceTo(due);
        }
        _clock.AdvanceTo(At(target));
        _model.AdvanceTo(target);
    }

    private string Pick(int pick) => _model.AtTheExchange[pick % _model.AtTheExchange.Count];

    private ExchangeRequest NewRequest(Call call)
    {
        var id = $"r{++_requests}";
        return call switch
        {
            Call.Price => new GetPrice(ExchangeName, id),
            Call.Order => new PlaceOrder(ExchangeName, "BTCUSDT", OrderSide.Buy, 1, 100, id),
            Call.OrderStatus => new GetOrderStatus(ExchangeName, "BTCUSDT", id),
            _ => new CancelOrder(ExchangeName, "BTCUSDT", id),
        };
    }

    private ExchangeRequest NewInvalidRequest() =>
        new PlaceOrder(ExchangeName, "BTCUSDT", OrderSide.Buy, Quantity: 0, 100, $"r{++_requests}");

    /// <summary>Requests carry their id where a caller would put one: the client order id, or a price's symbol.</summary>
    private static string IdOf(ExchangeRequest request) => request switch
    {
        GetPrice price => price.Symbol,
        PlaceOrder order => order.ClientOrderId,
        GetOrderStatus query => query.ClientOrderId,
        CancelOrder cancel => cancel.ClientOrderId,
        _ => throw new ArgumentException($"no id in {request}"),
    };

    private static ExchangeReply ReplyTo(ExchangeRequest request, Outcome outcome) => outcome switch
    {
        Outcome.Failure f => new ExchangeFailed(request, f.Kind, f.Executed, f.RetryAfter, $"simulated {f.Kind}"),
        Outcome.Rejection => new ExchangeRejected(request, RejectionReason.InsufficientFunds, "simulated rejection"),
        _ => request switch
        {
            GetPrice price => new PriceQuoted(price, 42_000),
            PlaceOrder order => new OrderPlaced(order, Report(order.ClientOrderId, OrderState.New)),
            GetOrderStatus query => new OrderFound(query, Report(query.ClientOrderId, OrderState.New)),
            CancelOrder cancel => new OrderCancelled(cancel, Report(cancel.ClientOrderId, OrderState.Cancelled)),
            Ping ping => new Pong(ping),
            _ => throw new ArgumentException($"no result for {request}"),
        },
    };

    private static OrderReport Report(string id, OrderState state) => new(id, "x-" + id, "BTCUSDT", OrderSide.Buy, state, 1, 0, null);

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    // ---- Comparing ------------------------------------------------------------------------------------

    private void Compare(string where)
    {
        if (_host.Failures.Count > 0)
            throw new ModelDisagreement($"{where}: the breaker threw {_host.Failures[0]}");
        if (_clock.Now.UtcTicks != _model.Now)
            throw new ModelDisagreement($"{where}: the clocks differ (scheduler {_clock.Now.UtcTicks - _start}, model {_model.Now - _start} ticks)");

        // Requests in the order they were sent (steps pick calls by that order); the word that a call was given up on
        // in any order, as two timers due at one instant (an open time's end and a call timeout) may fire either way.
        var arrived = InOrderSent(_arrived.Select(NameArrival));
        _arrived.Clear();
        var sent = InOrderSent(_model.TakeSent());
        if (!arrived.SequenceEqual(sent))
            throw Disagreement(where, "what reached the exchange", sent, arrived);

        var replies = _host.Told.OfType<ExchangeReply>().Select(Read).OrderBy(r => r.Request, StringComparer.Ordinal).ToList();
        var expected = _model.TakeReplies().OrderBy(r => r.Request, StringComparer.Ordinal).ToList();
        foreach (var reply in expected)
            See($"reply: {reply.Answer}{(reply.RetryAfter is null ? "" : " with retry-after")}");
        _host.Told.RemoveAll(m => m is ExchangeReply);
        if (!replies.SequenceEqual(expected))
            throw Disagreement(where, "the replies", expected, replies);

        _breaker.Tell(new CircuitBreaker.GetStatus(ExchangeName), _host.Ref);
        var status = Read(_host.Told.OfType<CircuitBreaker.Status>().Last());
        _host.Told.Clear();
        var model = _model.Status;
        if (status != model)
            throw new ModelDisagreement($"{where}: the status differs\n  model: {model}\n  actor: {status}");
    }

    private string NameArrival(object arrival)
    {
        if (arrival is ExchangeConnector.Abandon abandon)
            return $"abandon {_names[abandon.Request]}";
        var request = (ExchangeRequest)arrival;
        var id = request is Ping ? $"ping{++_pings}" : IdOf(request);
        _held[id] = request;
        _names[request.Id] = id;
        return id;
    }

    private static List<string> InOrderSent(IEnumerable<string> sent)
    {
        var all = sent.ToList();
        return [.. all.Where(s => !s.StartsWith("abandon ")), .. all.Where(s => s.StartsWith("abandon ")).Order(StringComparer.Ordinal)];
    }

    private static ModelDisagreement Disagreement<T>(string where, string what, IEnumerable<T> model, IEnumerable<T> actor) =>
        new($"{where}: {what} differ\n  model: [{string.Join("; ", model)}]\n  actor: [{string.Join("; ", actor)}]");

    private static Reply Read(ExchangeReply reply) => reply switch
    {
        ExchangeFailed f => new Reply(IdOf(f.Request), $"failed {f.Kind}/{f.Outcome}", f.RetryAfter),
        ExchangeRejected r => new Reply(IdOf(r.Request), "rejected"),
        CircuitOpen open => new Reply(IdOf(open.Request), "circuit open", open.RetryAfter),
        BulkheadFull full => new Reply(IdOf(full.Request), "bulkhead full"),
        InvalidRequest invalid => new Reply(IdOf(invalid.Request), "invalid"),
        _ => new Reply(IdOf(reply.Request), "result"),
    };

    private ModelStatus Read(CircuitBreaker.Status status)
    {
        var m = status.Metrics;
        return new ModelStatus(
            status.State, status.ConsecutiveFailures, status.Window, status.HalfOpenSuccesses, status.InFlight, status.Queued,
            status.Openings, status.OpenUntil is { } until ? TimeSpan.FromTicks(until.UtcTicks - _start) : null,
            m.Total, m.Successful, m.Failed, m.Rejected, m.BulkheadFull, m.Retries, m.LateReplies,
            string.Join(", ", m.Transitions.Select(t => $"{t.From}->{t.To}@{TimeSpan.FromTicks(t.At.UtcTicks - _start)}")));
    }

    // ---- The stand-ins --------------------------------------------------------------------------------

    /// <summary>
    /// The exchange actor the breaker supervises: it hands every request (and every word that the breaker gave up on
    /// one) to the test, which decides each call's outcome (the probe-as-exchange pattern), and it crashes when told
    /// to, reporting to its parent as the real connector does (<see cref="ExchangeConnector.Crashed"/>, with the
    /// request it was handling).
    /// </summary>
    private sealed class StandInConnector(List<object> arrived, StrongBox<IActorRef> self) : UntypedActor
    {
        public sealed record CrashWhileHandling(ExchangeRequest? Request);

        protected override void PreStart() => self.Value = Self;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case ExchangeRequest or ExchangeConnector.Abandon:
                    arrived.Add(message);
                    break;
                case CrashWhileHandling:
                    throw new InvalidOperationException("the stand-in connector crashed");
            }
        }

        protected override void PreRestart(Exception reason, object message)
        {
            Context.Parent.Tell(new ExchangeConnector.Crashed((message as CrashWhileHandling)?.Request, reason.Message));
            base.PreRestart(reason, message);
        }
    }
}
