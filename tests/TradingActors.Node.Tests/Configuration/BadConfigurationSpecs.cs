using TradingActors.Configuration;
using TradingActors.Node.Configuration;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests.Configuration;

/// <summary>Each way a newcomer's configuration goes wrong stops the node with words that say what and where (issue 12).</summary>
public sealed class BadConfigurationSpecs
{
    private static Exception Refused(string hocon) =>
        Assert.ThrowsAny<Exception>(() => NodeConfiguration.FromText("test.conf", hocon, withSimulator: true, environment: _ => null));

    [Fact]
    public void A_misspelt_node_key_is_refused_naming_the_nearest_known_one()
    {
        var error = Assert.IsType<SettingsException>(Refused(TestConfigs.Quiet + "\nnode.order-evry = 3"));

        Assert.Equal("node.order-evry: is not a setting here; did you mean order-every?", error.Message);
    }

    [Fact]
    public void A_misspelt_section_is_refused_naming_the_nearest_known_one()
    {
        Assert.EndsWith("did you mean trading?", Refused(TestConfigs.Quiet + "\ntradng.alerts.interval = 5s").Message);
    }

    [Fact]
    public void A_scalar_where_the_http_section_belongs_says_so_rather_than_that_the_port_is_missing()
    {
        Assert.Equal("node.http = 5: expected an object { ... }", Refused(TestConfigs.Quiet + "\nnode.http = 5").Message);
    }

    [Fact]
    public void A_symbol_an_exchange_does_not_list_is_refused_naming_what_it_lists()
    {
        var error = Assert.IsType<SettingsException>(Refused(TestConfigs.Quiet + "\nnode.symbol = DOGEUSDT"));

        Assert.Equal("node.symbol = DOGEUSDT: binance does not list it; it lists BTCUSDT, ETHUSDT", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_refused_where_it_starts_rather_than_swallowing_the_rest()
    {
        var error = Assert.IsType<SettingsException>(Refused(TestConfigs.Quiet.Replace("admin-token = \"test-token\"", "admin-token = \"test-token")));

        Assert.Equal("node.http.admin-token", error.Path);
        Assert.EndsWith("a quoted string runs past the end of its line: close its quote", error.Message);
    }

    [Fact]
    public void A_closing_brace_too_many_is_refused_rather_than_dropping_what_follows()
    {
        var error = Refused(TestConfigs.Quiet.Replace("trading.breaker-defaults { call-timeout = 2s }", "trading.breaker-defaults { call-timeout = 2s } }"));

        Assert.Contains("line 2 (feeds) is not in what Akka read from it", error.Message);
    }

    [Fact]
    public void A_brace_left_open_nests_what_follows_and_is_refused_as_an_unknown_key()
    {
        var error = Refused(TestConfigs.Quiet.Replace("trading.breaker-defaults { call-timeout = 2s }", "trading.breaker-defaults { call-timeout = 2s"));

        Assert.StartsWith("trading.breaker-defaults.trading: is not a setting here", error.Message);
    }

    [Fact]
    public void A_missing_equals_sign_is_refused()
    {
        Assert.Contains("is an '=' missing?", Refused(TestConfigs.Quiet + "\nnode.tick 50ms\nnode.refresh = 100ms").Message);
    }

    [Fact]
    public void Control_characters_in_the_text_are_refused_as_not_text_without_echoing_them()
    {
        var error = Refused("\u0001\u001b[2Jnode.tick = 5s");

        Assert.Equal("test.conf: is not a text file: it holds control characters or bytes that are not UTF-8", error.Message);
    }

    [Fact]
    public void A_file_with_nothing_but_comments_is_refused_as_empty()
    {
        Assert.Equal("test.conf is empty: it holds no settings.", Refused("# nothing yet\n").Message);
    }
}
