using System.Net;
using System.Net.Sockets;
using System.Text;
using TradingActors.Alerts;
using TradingActors.Breaker;
using TradingActors.Configuration;

namespace TradingActors.Tests.Alerts;

/// <summary>Homework 2: an alert when a breaker opens or recovers, throttled per exchange, to the log and a webhook.</summary>
public sealed class BreakerAlertsSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static BreakerTransitioned Opened(string exchange, int secondsIn) =>
        new(exchange, BreakerState.Closed, BreakerState.Open, "3 consecutive failures", Start.AddSeconds(secondsIn), Start.AddSeconds(secondsIn + 30));

    private static BreakerTransitioned Recovered(string exchange, int secondsIn) =>
        new(exchange, BreakerState.HalfOpen, BreakerState.Closed, "2 successful trial calls", Start.AddSeconds(secondsIn), null);

    private Akka.TestKit.TestProbe AlertsWith(TimeSpan interval, Uri? webhook = null)
    {
        var alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(alerts, typeof(BreakerAlerts.Alert));
        var actor = Sys.ActorOf(BreakerAlerts.Props(new BreakerAlerts.Settings(interval, webhook, TimeSpan.FromMilliseconds(500))));
        Settled(actor);
        return alerts;
    }

    [Fact]
    public void An_opening_raises_a_warning_with_the_exchange_reason_and_open_until()
    {
        var alerts = AlertsWith(TimeSpan.FromMinutes(1));

        Sys.EventStream.Publish(Opened("binance", 0));

        var alert = alerts.ExpectMsg<BreakerAlerts.Alert>();
        Assert.Equal(("binance", AlertLevel.Warning, "3 consecutive failures", Start.AddSeconds(30)),
            (alert.Exchange, alert.Level, alert.Reason, alert.OpenUntil));
    }

    [Fact]
    public void A_recovery_raises_a_notice()
    {
        var alerts = AlertsWith(TimeSpan.Zero);

        Sys.EventStream.Publish(Recovered("bybit", 0));

        Assert.Equal(AlertLevel.Notice, alerts.ExpectMsg<BreakerAlerts.Alert>().Level);
    }

    [Fact]
    public void A_flapping_breaker_raises_one_alert_per_interval_and_then_counts_the_held_back_ones()
    {
        var alerts = AlertsWith(TimeSpan.FromMinutes(1));

        Sys.EventStream.Publish(Opened("kraken", 0));
        Sys.EventStream.Publish(Recovered("kraken", 10));
        Sys.EventStream.Publish(Opened("kraken", 20));
        Sys.EventStream.Publish(Opened("binance", 25));
        Sys.EventStream.Publish(Opened("kraken", 61));

        Assert.Equal(("kraken", 0), alerts.ExpectMsg<BreakerAlerts.Alert>() is var a ? (a.Exchange, a.Suppressed) : default);
        Assert.Equal(("binance", 0), alerts.ExpectMsg<BreakerAlerts.Alert>() is var b ? (b.Exchange, b.Suppressed) : default);
        Assert.Equal(("kraken", 2), alerts.ExpectMsg<BreakerAlerts.Alert>() is var c ? (c.Exchange, c.Suppressed) : default);
    }

    [Fact]
    public void The_alert_line_gives_open_until_as_a_time_of_day_and_says_nothing_when_none_was_held_back()
    {
        AlertsWith(TimeSpan.FromMinutes(1));

        EventFilter.Warning(message: $"ALERT binance breaker Open until {Durations.TimeOfDay(Start.AddSeconds(30))}: 3 consecutive failures")
            .ExpectOne(() => Sys.EventStream.Publish(Opened("binance", 0)));
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, " (1 alert held back)")]
    [InlineData(3, " (3 alerts held back)")]
    public void The_held_back_alerts_are_counted_in_words_that_agree_with_the_count(int suppressed, string text)
    {
        Assert.Equal(text, BreakerAlerts.HeldBack(suppressed));
    }

    [Fact]
    public async Task Each_alert_is_posted_as_json_to_the_webhook()
    {
        using var webhook = new TcpListener(IPAddress.Loopback, 0);
        webhook.Start();
        var alerts = AlertsWith(TimeSpan.Zero, new Uri($"http://127.0.0.1:{((IPEndPoint)webhook.LocalEndpoint).Port}/alerts"));

        Sys.EventStream.Publish(Opened("binance", 0));

        using var connection = await webhook.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(5));
        var request = await ReadRequest(connection);
        Assert.StartsWith("POST /alerts", request);
        Assert.Contains("\"exchange\":\"binance\"", request);
    }

    [Fact]
    public void A_webhook_that_never_answers_does_not_hold_back_the_next_alert()
    {
        using var deadWebhook = new TcpListener(IPAddress.Loopback, 0);
        deadWebhook.Start();
        var alerts = AlertsWith(TimeSpan.Zero, new Uri($"http://127.0.0.1:{((IPEndPoint)deadWebhook.LocalEndpoint).Port}/"));

        Sys.EventStream.Publish(Opened("binance", 0));
        Sys.EventStream.Publish(Opened("bybit", 1));

        alerts.ExpectMsg<BreakerAlerts.Alert>();
        Assert.Equal("bybit", alerts.ExpectMsg<BreakerAlerts.Alert>(TimeSpan.FromMilliseconds(400)).Exchange);
    }

    private static async Task<string> ReadRequest(TcpClient connection)
    {
        var stream = connection.GetStream();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\"exchange\""))
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            if (read == 0)
                break;
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        return received.ToString();
    }
}
