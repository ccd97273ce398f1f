using Akka.Configuration;
using TradingActors.Configuration;

namespace TradingActors.Tests.Configuration;

/// <summary>
/// Every mistake in the trading section is an error that says where it is and what was wanted (issue 12):
/// nothing runs on a default the user meant to change, and nothing crashes on a value of the wrong shape.
/// </summary>
public sealed class StrictSettingsSpecs
{
    private const string TwoExchanges = "trading.exchanges { binance = {}, bybit = {} }\n";

    private static SettingsException Refused(string hocon) =>
        Assert.Throws<SettingsException>(() => TradingSettings.From(ConfigurationFactory.ParseString(hocon)));

    [Theory]
    [InlineData("trading = 5", "trading = 5")]
    [InlineData("trading.breaker-defaults = 5", "trading.breaker-defaults = 5")]
    [InlineData("trading.exchanges.kraken = 5", "trading.exchanges.kraken = 5")]
    [InlineData("trading.feeds = 7", "trading.feeds = 7")]
    [InlineData("trading.exchanges.binance.endpoint = on", "trading.exchanges.binance.endpoint = on")]
    public void A_scalar_where_a_section_belongs_is_refused_naming_its_path(string hocon, string expected)
    {
        Assert.Equal($"{expected}: expected an object {{ ... }}", Refused(hocon).Message);
    }

    [Theory]
    [InlineData("trading.breaker-defaults.failure-treshold = 3", "failure-threshold")]
    [InlineData("trading.exchanges.binance.open-timout = 5s", "open-timeout")]
    [InlineData("trading.exchange.binance.failure-threshold = 3", "exchanges")]
    [InlineData("trading.orders.max-querys = 3", "max-queries")]
    [InlineData("trading.feed-defaults.stale-afer = 3s", "stale-after")]
    public void A_misspelt_key_is_refused_naming_the_nearest_known_one(string hocon, string nearest)
    {
        var error = Refused(hocon);

        Assert.EndsWith($"is not a setting here; did you mean {nearest}?", error.Message);
    }

    [Fact]
    public void An_unknown_key_names_its_full_path()
    {
        Assert.Equal("trading.breaker-defaults.failure-treshold", Refused("trading.breaker-defaults.failure-treshold = 3").Path);
    }

    [Fact]
    public void A_key_like_no_known_one_is_refused_listing_the_known_ones()
    {
        Assert.Contains("expected one of interval, webhook-url, webhook-timeout", Refused("trading.alerts.xyzzy = 1").Message);
    }

    [Fact]
    public void A_fallback_to_an_exchange_that_is_not_configured_is_refused()
    {
        var error = Refused(TwoExchanges + "trading.routing.fallbacks.binance = [nosuch]");

        Assert.Equal("trading.routing.fallbacks.binance = [nosuch]: nosuch is not an exchange configured under trading.exchanges (binance, bybit are)",
            error.Message);
    }

    [Fact]
    public void A_fallback_chain_for_an_exchange_that_is_not_configured_is_refused()
    {
        Assert.Equal("trading.routing.fallbacks.binnace", Refused(TwoExchanges + "trading.routing.fallbacks.binnace = [bybit]").Path);
    }

    [Fact]
    public void A_single_name_where_a_fallback_list_belongs_is_refused()
    {
        var error = Refused(TwoExchanges + "trading.routing.fallbacks.binance = bybit");

        Assert.Equal("trading.routing.fallbacks.binance = bybit: expected a list of strings such as [a, b]", error.Message);
    }

    [Theory]
    [InlineData("failure-threshold = [1, 2]", "trading.breaker-defaults.failure-threshold = [1, 2]: expected a whole number")]
    [InlineData("failure-threshold = null", "trading.breaker-defaults.failure-threshold = null: expected a whole number")]
    [InlineData("open-timeout { seconds = 5 }", "trading.breaker-defaults.open-timeout = { ... }: expected a duration such as 250ms, 30s or 5m")]
    public void A_value_of_the_wrong_shape_is_echoed_as_what_it_is(string setting, string expected)
    {
        Assert.Equal(expected, Refused($"trading.breaker-defaults.{setting}").Message);
    }

    [Fact]
    public void A_recv_window_above_binances_limit_is_echoed_as_written()
    {
        var error = Refused("""trading.exchanges.binance.endpoint { url = "http://127.0.0.1:5001/", api-key = k, api-secret = s, recv-window = 2m }""");

        Assert.Equal("trading.exchanges.binance.endpoint.recv-window = 2m: must be at most 60s, as Binance allows", error.Message);
    }

    [Fact]
    public void A_cap_below_its_floor_is_echoed_in_the_configurations_units()
    {
        var error = Refused("trading.breaker-defaults { open-timeout = 1m, max-open-timeout = 30s }");

        Assert.Equal("trading.breaker-defaults.max-open-timeout = 30s: must be at least open-timeout (1m)", error.Message);
    }

    [Fact]
    public void A_duration_without_its_unit_is_refused_saying_it_needs_one()
    {
        var error = Refused("trading.breaker-defaults.open-timeout = 30");

        Assert.Equal("trading.breaker-defaults.open-timeout = 30: a duration needs its unit, such as 30s or 30ms", error.Message);
    }

    [Fact]
    public void A_bare_zero_is_a_zero_duration()
    {
        Assert.Equal(TimeSpan.Zero, TradingSettings.From(ConfigurationFactory.ParseString("trading.alerts.interval = 0")).Alerts.Interval);
    }

    [Fact]
    public void An_echoed_value_stays_on_one_line_without_control_characters_and_is_cut_short()
    {
        var echoed = SettingsException.Printable("a\u001b[31m\nb" + new string('x', 100));

        Assert.Equal("a?[31m\\nb" + new string('x', 51) + "...", echoed);
    }
}
