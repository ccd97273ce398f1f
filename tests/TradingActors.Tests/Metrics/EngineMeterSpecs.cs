using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Metrics;

namespace TradingActors.Tests.Metrics;

/// <summary>The engine's System.Diagnostics.Metrics instruments, as an OpenTelemetry exporter would read them.</summary>
public sealed class EngineMeterSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = new();
    private readonly MeterListener _listener = new();

    private void Listen()
    {
        // This spec's engine alone: every actor system of the test run has a meter of its own.
        var meter = EngineMeter.For(Sys).Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    private IEnumerable<(double Value, Dictionary<string, object?> Tags)> Measured(string instrument, string exchange) =>
        _measured.Where(m => m.Instrument == instrument && Equals(m.Tags["exchange"], exchange)).Select(m => (m.Value, m.Tags));

    [Fact]
    public void Requests_are_counted_by_exchange_and_outcome_with_their_duration()
    {
        Listen();
        var exchange = NewExchange().WithFault(CallFilter.Calls(2), new SimulatedFault.Fail(FailureKind.ServerError));
        var breaker = BreakerOver(exchange, BreakerSettings.Defaults, "metered-requests");

        Ask<PriceQuoted>(breaker, Price("metered-requests"));
        Ask<ExchangeFailed>(breaker, Price("metered-requests"));
        Ask<ExchangeRejected>(breaker, new GetPrice("metered-requests", "DOGEUSDT"));

        Assert.Equal(["success", "failure", "refused"], Measured("trading.requests", "metered-requests").Select(m => m.Tags["outcome"]));
        Assert.Equal(3, Measured("trading.request.duration", "metered-requests").Count());
    }

    [Fact]
    public void Transitions_and_rejections_are_counted_and_the_state_gauge_follows_the_breaker()
    {
        Listen();
        var exchange = NewExchange().WithFault(CallFilter.All, new SimulatedFault.Fail(FailureKind.ServerError));
        var breaker = BreakerOver(exchange, BreakerSettings.Defaults with { FailureThreshold = 1 }, "metered-states");

        Ask<ExchangeFailed>(breaker, Price("metered-states"));
        Ask<CircuitOpen>(breaker, Price("metered-states"));
        _listener.RecordObservableInstruments();

        Assert.Equal("open", Assert.Single(Measured("trading.breaker.transitions", "metered-states")).Tags["state"]);
        Assert.Equal("circuit_open", Assert.Single(Measured("trading.rejections", "metered-states")).Tags["reason"]);
        Assert.Equal(1, Measured("trading.breaker.state", "metered-states").Last().Value);
    }

    protected override void Dispose(bool disposing)
    {
        _listener.Dispose();
        base.Dispose(disposing);
    }
}
