using System.Text;
using Microsoft.Extensions.Configuration;
using TradingActors.Configuration;
using TradingActors.Hosting;
using static TradingActors.Tests.Configuration.Options.OptionsRoute;

namespace TradingActors.Tests.Configuration.Options;

/// <summary>How a host's configuration (appsettings.json, environment variables) spells the options.</summary>
public sealed class ConfigurationOptionsSpecs
{
    [Fact]
    public void A_duration_may_be_written_as_the_configuration_binder_writes_a_TimeSpan()
    {
        var settings = Settings(("Exchanges:binance:CallTimeout", "00:00:01.500"), ("Exchanges:bybit:CallTimeout", "1500ms"));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.For("binance").CallTimeout);
        Assert.Equal(settings.For("bybit").CallTimeout, settings.For("binance").CallTimeout);
    }

    [Fact]
    public void An_option_matches_its_key_in_any_case_as_the_configuration_does()
    {
        Assert.Equal(3, Settings(("exchanges:binance:failureThreshold", "3")).For("binance").FailureThreshold);
    }

    [Fact]
    public void Appsettings_json_sets_options_with_its_own_numbers_switches_lists_and_empty_sections()
    {
        var settings = Settings(akka => akka.WithTradingEngine(Json("""
            {
              "Trading": {
                "Exchanges": { "binance": { "FailureThreshold": 3, "HealthCheck": true }, "bybit": {} },
                "Routing": { "Fallbacks": { "binance": [ "bybit" ] } },
                "Orders": { "Journal": "akka.persistence.journal.inmem", "SnapshotStore": "akka.persistence.snapshot-store.inmem" }
              }
            }
            """).GetSection("Trading")));

        Assert.Equal((3, true), (settings.For("binance").FailureThreshold, settings.For("binance").HealthCheck));
        Assert.Equal(["bybit"], settings.Fallbacks["binance"]);
    }

    [Fact]
    public void A_null_in_appsettings_json_keeps_the_default()
    {
        var settings = Settings(akka => akka.WithTradingEngine(Json("""
            { "Trading": { "BreakerDefaults": { "FailureThreshold": null }, "Orders": { "Journal": "akka.persistence.journal.inmem", "SnapshotStore": "akka.persistence.snapshot-store.inmem" } } }
            """).GetSection("Trading")));

        Assert.Equal(BreakerSettings.Defaults.FailureThreshold, settings.Defaults.FailureThreshold);
    }

    [Fact]
    public void Options_in_code_win_over_the_configuration_option_by_option()
    {
        var configuration = Section([.. InMemory, ("Exchanges:binance:FailureThreshold", "3"), ("Exchanges:binance:CallTimeout", "2s")]);

        var settings = Settings(akka => akka.WithTradingEngine(configuration, options => options.Exchange("binance", binance => binance.FailureThreshold = 4)));

        Assert.Equal((4, TimeSpan.FromSeconds(2)), (settings.For("binance").FailureThreshold, settings.For("binance").CallTimeout));
    }

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
