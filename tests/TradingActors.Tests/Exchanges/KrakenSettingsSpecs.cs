using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.Exchanges.Kraken;

namespace TradingActors.Tests.Exchanges;

public sealed class KrakenSettingsSpecs
{
    private const string Secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    [Fact]
    public void Reads_an_endpoint_section()
    {
        var settings = KrakenSettings.Read(Endpoint($"url = \"https://api.kraken.com/\", api-key = k, api-secret = \"{Secret}\""));

        Assert.Equal((new Uri("https://api.kraken.com/"), "k", Secret, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)),
            (settings.BaseAddress, settings.ApiKey, settings.ApiSecret, settings.ConnectTimeout, settings.RequestTimeout));
        Assert.Equal((20, 0.5, 80, 2), (settings.ApiCounterLimit, settings.ApiCounterDecayPerSecond, settings.TradingCounterLimit,
            settings.TradingCounterDecayPerSecond));
    }

    [Fact]
    public void A_secret_that_is_not_base64_fails_with_its_path_but_not_its_value()
    {
        var error = Assert.Throws<SettingsException>(() => KrakenSettings.Read(Endpoint("url = \"https://api.kraken.com/\", api-key = k, api-secret = not-base64")));

        Assert.Contains("endpoint.api-secret", error.Message);
        Assert.DoesNotContain("not-base64", error.Message);
    }

    [Fact]
    public void Never_shows_the_secret()
    {
        var settings = KrakenSettings.Read(Endpoint($"url = \"https://api.kraken.com/\", api-key = k, api-secret = \"{Secret}\""));

        Assert.DoesNotContain(Secret, settings.ToString());
    }

    private static SettingsReader Endpoint(string keys) =>
        new(ConfigurationFactory.ParseString($$"""
            endpoint { {{keys}}, connect-timeout = 2s, request-timeout = 5s
              api-counter-limit = 20, api-counter-decay = 0.5, trading-counter-limit = 80, trading-counter-decay = 2 }
            """), "endpoint");
}
