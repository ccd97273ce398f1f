using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>
/// An endpoint that keeps failing is given up for the other one, after <c>failover-after-attempts</c> failed
/// attempts or <c>failover-after</c> without a connection; on the backup, the feed probes the primary and
/// goes back as soon as it answers.
/// </summary>
public sealed class FailoverSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    // Quiet enough for the probe interval to pass on a silent backup.
    private static readonly FeedSettings Patient = Settings with { StaleAfter = TimeSpan.FromMinutes(5) };

    [Fact]
    public void After_failover_after_attempts_failed_attempts_the_feed_fails_over_to_the_backup()
    {
        var feed = StartFeed(Patient with { FailoverAfterAttempts = 3 });
        Refuse(feed, Primary);
        Advance(feed, S(1));
        Refuse(feed, Primary);
        Advance(feed, S(2));
        Refuse(feed, Primary);

        Accept(feed, Backup);

        var failover = ExpectTransition(FeedState.Reconnecting, FeedState.OnBackup);
        Assert.Equal(Backup, failover.Endpoint);
        Assert.Equal("failed over from wss://primary.test/stream after attempt 3 failed: Connection refused", failover.Reason);
        Assert.Equal((Backup, 1L), (StatusOf(feed).Endpoint, StatusOf(feed).Counts.Failovers));
    }

    [Fact]
    public void After_failover_after_without_a_connection_the_feed_fails_over_even_while_waiting_out_a_backoff()
    {
        var feed = StartFeed(Patient with { FailoverAfter = S(5) });
        Refuse(feed, Primary);
        Advance(feed, S(1));
        Refuse(feed, Primary);
        Advance(feed, S(2));
        Refuse(feed, Primary);

        Advance(feed, S(2));
        Accept(feed, Backup);

        Assert.EndsWith("after no connection for 5s", ExpectTransition(FeedState.Reconnecting, FeedState.OnBackup).Reason);
    }

    [Fact]
    public void On_the_backup_a_probe_the_primary_answers_takes_the_feed_back_to_the_primary()
    {
        var feed = StartFeed(Patient with { FailoverAfterAttempts = 1 });
        Subscribe(feed);
        Refuse(feed, Primary);
        var backup = Accept(feed, Backup);
        Trade(backup, 900);

        Advance(feed, Settings.PrimaryProbeInterval);
        var primary = Accept(feed, Primary);

        var back = ExpectTransition(FeedState.OnBackup, FeedState.Connected);
        Assert.Equal((Primary, "the primary answered a probe"), (back.Endpoint, back.Reason));
        Assert.True(backup.Aborted);
        Assert.Equal(Primary, Trade(primary, 17).Endpoint);
        Assert.Equal(1, StatusOf(feed).Counts.PrimaryReturns);
    }

    [Fact]
    public void A_probe_the_primary_refuses_leaves_the_feed_on_the_backup_until_the_next_probe()
    {
        var feed = StartFeed(Patient with { FailoverAfterAttempts = 1 });
        Refuse(feed, Primary);
        var backup = Accept(feed, Backup);

        Advance(feed, Settings.PrimaryProbeInterval);
        Refuse(feed, Primary);
        Assert.Equal(FeedState.OnBackup, StatusOf(feed).State);
        Assert.False(backup.Aborted);
        Advance(feed, Settings.PrimaryProbeInterval - TimeSpan.FromMilliseconds(1));
        Assert.False(Streams.HasOpening);
        Advance(feed, TimeSpan.FromMilliseconds(1));

        Accept(feed, Primary);
        ExpectTransition(FeedState.OnBackup, FeedState.Connected);
    }

    [Fact]
    public void Without_a_backup_the_feed_keeps_reconnecting_to_the_primary()
    {
        var feed = StartFeed(Patient with { Backup = null, FailoverAfterAttempts = 1, FailoverAfter = S(1) });

        for (var attempt = 0; attempt < 4; attempt++)
        {
            Refuse(feed, Primary);
            Advance(feed, Settings.MaxBackoff);
        }

        Accept(feed, Primary);
    }
}
