using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.Orders;

namespace TradingActors.Tests.Configuration;

/// <summary>Settings are read once and checked; a bad value stops start-up and names its HOCON path.</summary>
public sealed class SettingsSpecs
{
    private static TradingSettings Read(string hocon) => TradingSettings.From(ConfigurationFactory.ParseString(hocon));

    [Fact]
    public void The_defaults_are_the_seed_registrys_five_two_and_thirty_seconds()
    {
        var defaults = Read("").Defaults;

        Assert.Equal((5, 2, TimeSpan.FromSeconds(30), 2), (defaults.FailureThreshold, defaults.SuccessThreshold, defaults.OpenTimeout, defaults.HalfOpenMaxCalls));
    }

    [Fact]
    public void An_exchange_section_overrides_the_defaults_only_where_it_says_so()
    {
        var binance = Read("trading.exchanges.binance { failure-threshold = 3, open-timeout = 45s }").For("binance");

        Assert.Equal((3, 2, TimeSpan.FromSeconds(45)), (binance.FailureThreshold, binance.SuccessThreshold, binance.OpenTimeout));
    }

    [Fact]
    public void Half_open_max_calls_defaults_to_the_exchanges_success_threshold()
    {
        Assert.Equal(3, Read("trading.exchanges.bybit.success-threshold = 3").For("bybit").HalfOpenMaxCalls);
    }

    [Theory]
    [InlineData("trading.exchanges.binance.failure-threshold = 0", "trading.exchanges.binance.failure-threshold = 0")]
    [InlineData("trading.exchanges.binance.failure-threshold = -2", "trading.exchanges.binance.failure-threshold = -2")]
    [InlineData("trading.breaker-defaults.success-threshold = many", "trading.breaker-defaults.success-threshold = many")]
    [InlineData("trading.exchanges.kraken.open-timeout = 30 parsecs", "trading.exchanges.kraken.open-timeout = 30 parsecs")]
    [InlineData("trading.exchanges.kraken.call-timeout = 0s", "trading.exchanges.kraken.call-timeout = 0s")]
    [InlineData("trading.exchanges.bybit.half-open-max-calls = 1.5", "trading.exchanges.bybit.half-open-max-calls = 1.5")]
    public void A_bad_value_stops_start_up_naming_its_path_and_value(string hocon, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => Read(hocon));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void A_bad_default_is_reported_at_the_defaults_path_even_when_read_for_an_exchange()
    {
        var error = Assert.Throws<SettingsException>(() => Read("""
            trading.breaker-defaults.open-timeout = soon
            trading.exchanges.binance.failure-threshold = 3
            """));

        Assert.Equal("trading.breaker-defaults.open-timeout", error.Path);
    }

    [Fact]
    public void Fallback_chains_are_read_per_exchange()
    {
        var settings = Read("trading.exchanges { binance = {}, bybit = {}, kraken = {} }\ntrading.routing.fallbacks.binance = [bybit, kraken]");

        Assert.Equal(["bybit", "kraken"], settings.Fallbacks["binance"]);
    }

    [Fact]
    public void A_list_with_a_comment_after_it_is_read_as_the_list()
    {
        var settings = Read("""
            trading.routing.fallbacks { binance = [bybit, kraken]   # in this order
            }
            trading.exchanges { binance {}
              bybit {}
              kraken {} }
            trading.cluster.roles = []   # none
            """);

        Assert.Equal(["bybit", "kraken"], settings.Fallbacks["binance"]);
        Assert.Empty(settings.Cluster.Roles);
    }

    [Theory]
    [InlineData("trading.cluster.seed-nodes = [\"127.0.0.1:4053\"]", "trading.cluster.seed-nodes")]
    [InlineData("trading.cluster.seed-nodes = [\"akka.tcp://trading@127.0.0.1\"]", "trading.cluster.seed-nodes")]
    [InlineData("trading.cluster.port = 70000", "trading.cluster.port = 70000")]
    [InlineData("trading.cluster.hand-over-patience = 0s", "trading.cluster.hand-over-patience = 0s")]
    public void A_bad_cluster_setting_stops_start_up_naming_its_path(string hocon, string expected)
    {
        Assert.Contains(expected, Assert.Throws<SettingsException>(() => Read(hocon)).Message);
    }

    [Fact]
    public void An_exchange_that_falls_back_to_itself_is_refused()
    {
        var error = Assert.Throws<SettingsException>(() => Read("trading.exchanges { binance = {}, bybit = {} }\ntrading.routing.fallbacks.binance = [bybit, binance]"));

        Assert.Equal("trading.routing.fallbacks.binance", error.Path);
    }

    [Fact]
    public void A_webhook_that_is_not_an_http_url_is_refused()
    {
        var error = Assert.Throws<SettingsException>(() => Read("trading.alerts.webhook-url = \"ftp://alerts\""));

        Assert.Equal("trading.alerts.webhook-url", error.Path);
    }

    [Theory]
    [InlineData("failure-policy = sometimes", "trading.breaker-defaults.failure-policy")]
    [InlineData("health-check = maybe", "trading.breaker-defaults.health-check")]
    [InlineData("open-timeout-jitter = 1.5", "trading.breaker-defaults.open-timeout-jitter")]
    [InlineData("max-open-timeout = 10s", "trading.breaker-defaults.max-open-timeout")]
    [InlineData("max-concurrent-calls = 0", "trading.breaker-defaults.max-concurrent-calls")]
    public void Each_policy_setting_is_checked(string setting, string path)
    {
        Assert.Equal(path, Assert.Throws<SettingsException>(() => Read($"trading.breaker-defaults.{setting}")).Path);
    }

    [Fact]
    public void A_window_policy_is_read_with_its_settings()
    {
        var kraken = Read("trading.exchanges.kraken { failure-policy = time-window, window-duration = 30s, minimum-calls = 20 }").For("kraken");

        Assert.Equal((FailurePolicy.TimeWindow, TimeSpan.FromSeconds(30), 20), (kraken.FailurePolicy, kraken.WindowDuration, kraken.MinimumCalls));
    }

    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(1500, "1.5s")]
    [InlineData(30_000, "30s")]
    [InlineData(300_000, "5m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(604_800_000, "7d")]
    public void Durations_are_written_back_the_way_the_configuration_writes_them(int milliseconds, string text)
    {
        Assert.Equal(text, Durations.Text(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData(1_829_341, "183ms")]
    [InlineData(23_716_644, "2.372s")]
    public void A_computed_wait_is_written_to_the_millisecond_in_the_configuration_units(long ticks, string text)
    {
        Assert.Equal(text, Durations.Wait(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void A_closed_order_s_id_is_remembered_for_seven_days_by_default()
    {
        Assert.Equal(TimeSpan.FromDays(7), Read("").Orders.RememberIdsFor);
    }

    [Fact]
    public void The_ledger_s_sqlite_commits_are_synced_to_the_disk_by_default()
    {
        Assert.Equal(SqliteSynchronous.Full, Read("").Orders.SqliteSynchronous);
    }

    [Fact]
    public void A_sqlite_synchronous_other_than_full_or_normal_is_refused_naming_what_is_allowed()
    {
        var error = Assert.Throws<SettingsException>(() => Read("trading.orders.sqlite-synchronous = off"));

        Assert.Equal("trading.orders.sqlite-synchronous = off: expected full, normal", error.Message);
    }

    [Fact]
    public void Ids_remembered_for_less_than_the_retention_are_refused()
    {
        var error = Assert.Throws<SettingsException>(() => Read("trading.orders { retention = 10m, remember-ids-for = 5m }"));

        Assert.Equal("trading.orders.remember-ids-for = 5m: must be at least retention (10m)", error.Message);
    }

    [Fact]
    public void The_facade_waits_by_default_for_the_call_timeouts_of_the_whole_route_and_a_margin()
    {
        var settings = Read("""
            trading.exchanges.binance.call-timeout = 10s
            trading.exchanges.bybit.call-timeout = 5s
            trading.routing.fallbacks.binance = [bybit]
            """);

        Assert.Equal(TimeSpan.FromSeconds(17), settings.AnswerTimeout("binance", routed: true));
        Assert.Equal(TimeSpan.FromSeconds(12), settings.AnswerTimeout("binance", routed: false));
        Assert.Equal(TimeSpan.FromSeconds(12), settings.AnswerTimeout("kraken", routed: true));
    }

    [Fact]
    public void A_fixed_facade_bound_holds_for_every_call()
    {
        var settings = Read("trading.facade.answer-timeout = 3s");

        Assert.Equal(TimeSpan.FromSeconds(3), settings.AnswerTimeout("binance", routed: true));
    }
}
