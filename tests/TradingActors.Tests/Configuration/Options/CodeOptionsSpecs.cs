using TradingActors.Configuration;
using TradingActors.Configuration.Options;
using static TradingActors.Tests.Configuration.Options.OptionsRoute;

namespace TradingActors.Tests.Configuration.Options;

/// <summary>Options in code mean what they say: their values reach the settings unchanged.</summary>
public sealed class CodeOptionsSpecs
{
    [Fact]
    public void A_duration_finer_than_a_millisecond_is_kept_to_the_tick()
    {
        var callTimeout = TimeSpan.FromTicks(12_345_678);

        Assert.Equal(callTimeout, Settings(options => options.BreakerDefaults.CallTimeout = callTimeout).Defaults.CallTimeout);
    }

    [Fact]
    public void A_string_is_taken_as_written_whatever_HOCON_it_holds()
    {
        const string secret = "s3cr\"t} ${HOME} # not a comment\ntrading.facade.margin = 9s";

        var settings = Settings(options => options.Exchange("binance", binance =>
            binance.Endpoint = new EndpointOptions { Url = "http://127.0.0.1:9001", ApiKey = "key", ApiSecret = secret }));

        Assert.Equal(secret, settings.Endpoints["binance"].ApiSecret);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Facade.Margin);
    }

    [Fact]
    public void An_option_left_null_keeps_the_reference_default()
    {
        var settings = Settings(options => options.Exchange("binance", binance => binance.FailureThreshold = 3));

        Assert.Equal(BreakerSettings.Defaults with { FailureThreshold = 3 }, settings.For("binance"));
    }
}
