using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TradingActors.Exchanges;
using TradingActors.Metrics;
using TradingActors.Orders;
using TradingActors.TestKit;

namespace TradingActors.Tests.Orders;

/// <summary>The ledger's instruments, as an OpenTelemetry exporter would read them.</summary>
public sealed class OrderMetricsSpecs(ITestOutputHelper output) : TradingEngineTestKit(output), IDisposable
{
    private const string Metered = "metered";

    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measured = new();
    private readonly MeterListener _listener = new();

    [Fact]
    public void A_settled_order_is_counted_once_by_exchange_and_state()
    {
        Listen();
        var metered = CreateTestProbe();
        var engine = StartEngine($"trading.exchanges.{Metered} {{}}", name => name == Metered ? Exchange(metered) : null);

        engine.Orders.Tell(new PlaceOrder(Metered, "BTCUSDT", OrderSide.Buy, 0.5m, null, "metered-1"), TestActor);
        var sent = metered.ExpectMsg<PlaceOrder>();
        metered.Reply(new OrderPlaced(sent, new OrderReport("metered-1", "1", "BTCUSDT", OrderSide.Buy, OrderState.Filled, 0.5m, 0.5m, 42_000m)));
        ExpectMsg<OrderPlaced>();
        engine.Orders.Tell(new OrderLedger.ExecutionReported(Metered,
            new OrderReport("metered-1", "1", "BTCUSDT", OrderSide.Buy, OrderState.Filled, 0.5m, 0.5m, 42_000m), new Trade(1, 0.5m, 42_000m), Clock.Now), TestActor);

        AwaitAssert(() => Assert.Single(_measured, m => m.Instrument == "trading.orders.settled"
                                                         && Equals(m.Tags["exchange"], Metered) && Equals(m.Tags["state"], "filled")));
    }

    [Fact]
    public void The_orders_not_yet_final_are_gauged_by_exchange_and_state()
    {
        Listen();
        var metered = CreateTestProbe();
        var engine = StartEngine($"trading.exchanges.{Metered} {{}}", name => name == Metered ? Exchange(metered) : null);
        engine.Orders.Tell(new PlaceOrder(Metered, "BTCUSDT", OrderSide.Buy, 0.5m, 1_000m, "gauged-1"), TestActor);
        engine.Orders.Tell(new PlaceOrder(Metered, "BTCUSDT", OrderSide.Buy, 0.5m, 1_000m, "gauged-2"), TestActor);
        var first = metered.ExpectMsg<PlaceOrder>();
        metered.ExpectMsg<PlaceOrder>();

        metered.Reply(new OrderPlaced(first, new OrderReport("gauged-1", "1", "BTCUSDT", OrderSide.Buy, OrderState.New, 0.5m, 0, null)));
        ExpectMsg<OrderPlaced>();

        Assert.Equal((1, 1), (Gauged("in_flight"), Gauged("open")));
    }

    private int Gauged(string state)
    {
        _measured.Clear();
        _listener.RecordObservableInstruments();
        return (int)_measured.Single(m => m.Instrument == "trading.orders.unsettled" && Equals(m.Tags["exchange"], Metered)
                                          && Equals(m.Tags["state"], state)).Value;
    }

    private void Listen()
    {
        // This spec's engine alone: every actor system of the test run has a meter of its own.
        var meter = EngineMeter.For(Sys).Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter && instrument.Name.StartsWith("trading.orders", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measured.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
            _measured.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    void IDisposable.Dispose() => _listener.Dispose();
}
