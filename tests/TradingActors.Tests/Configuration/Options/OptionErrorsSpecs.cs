using TradingActors.Configuration;
using TradingActors.Hosting;
using static TradingActors.Tests.Configuration.Options.OptionsRoute;

namespace TradingActors.Tests.Configuration.Options;

/// <summary>
/// Options are checked by the rules HOCON is checked by, and a mistake is told in the options' own names (issue 13): the path
/// the user wrote in the configuration, or the option set in code, never the HOCON it was read as.
/// </summary>
public sealed class OptionErrorsSpecs
{
    [Fact]
    public void A_bad_value_in_the_configuration_names_its_path_there()
    {
        var error = Refused(("Exchanges:binance:FailureThreshold", "0"));

        Assert.Equal("Trading:Exchanges:binance:FailureThreshold = 0: must be at least 1", error.Message);
        Assert.Equal("Trading:Exchanges:binance:FailureThreshold", error.Path);
    }

    [Fact]
    public void A_bad_value_in_code_names_its_option()
    {
        var error = Refused(options => options.Exchange("binance", binance => binance.FailureThreshold = 0));

        Assert.Equal("Exchanges:binance:FailureThreshold = 0: must be at least 1", error.Message);
    }

    [Fact]
    public void A_misspelt_key_in_the_configuration_is_refused_naming_the_nearest_option()
    {
        var error = Refused(("Exchanges:binance:FailureTreshold", "3"));

        Assert.Equal("Trading:Exchanges:binance:FailureTreshold: is not a setting here; did you mean FailureThreshold?", error.Message);
    }

    [Fact]
    public void A_misspelt_section_in_the_configuration_is_refused_naming_the_nearest_one()
    {
        Assert.Equal("Trading:Exchange: is not a setting here; did you mean Exchanges?",
            Refused(("Exchange:binance:FailureThreshold", "3")).Message);
    }

    [Fact]
    public void A_key_like_no_option_is_refused_listing_the_options_of_its_section()
    {
        Assert.EndsWith("expected one of Interval, WebhookUrl, WebhookTimeout", Refused(("Alerts:Xyzzy", "1")).Message);
    }

    [Fact]
    public void A_fallback_in_code_to_an_exchange_without_a_section_names_the_options()
    {
        var error = Refused(options => options.Exchange("binance").Fallbacks("binance", "bybyt"));

        Assert.Equal("Routing:Fallbacks:binance = [bybyt]: bybyt is not an exchange configured under Exchanges (binance are)", error.Message);
    }

    [Fact]
    public void A_reason_that_names_another_setting_names_its_option()
    {
        var error = Refused(options => options.BreakerDefaults.MaxOpenTimeout = TimeSpan.FromSeconds(10));

        Assert.Equal("BreakerDefaults:MaxOpenTimeout = 10s: must be at least OpenTimeout (30s)", error.Message);
    }

    [Fact]
    public void A_duration_in_the_configuration_needs_its_unit()
    {
        Assert.Equal("Trading:BreakerDefaults:OpenTimeout = 30: a duration needs its unit, such as 30s or 30ms",
            Refused(("BreakerDefaults:OpenTimeout", "30")).Message);
    }

    [Fact]
    public void A_ledger_file_that_cannot_be_used_names_its_option_and_the_file_as_written()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"options-{Guid.NewGuid():N}", "orders")).FullName;

        var error = Assert.Throws<SettingsException>(() =>
            Settings(akka => akka.WithTradingEngine(options => options.Orders.SqliteFile = folder)));

        Assert.Equal($"Orders:SqliteFile = {folder}: the order ledger cannot use {folder}: it is a folder", error.Message);
    }
}
