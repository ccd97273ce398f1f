using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.Exchanges.Bybit;

namespace TradingActors.Tests.Exchanges;

public sealed class BybitSettingsSpecs
{
    private static BybitSettings Read(string endpoint) =>
        BybitSettings.Read(new SettingsReader(ConfigurationFactory.ParseString($"endpoint {{ {endpoint} }}"), "endpoint"));

    private const string Complete = "url = \"https://api.bybit.com\", api-key = k, api-secret = s, recv-window = 5s, connect-timeout = 2s, request-timeout = 10s";

    [Fact]
    public void Reads_the_endpoint_s_url_signing_pair_and_times()
    {
        var settings = Read(Complete);

        Assert.Equal(new BybitSettings(new Uri("https://api.bybit.com"), "k", "s", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)), settings);
    }

    [Fact]
    public void A_url_that_is_not_http_is_refused_with_its_path()
    {
        var error = Assert.Throws<SettingsException>(() => Read(Complete.Replace("https://api.bybit.com", "ftp://api.bybit.com")));

        Assert.Contains("endpoint.url", error.Message);
    }

    [Fact]
    public void A_recv_window_finer_than_a_millisecond_is_refused()
    {
        var error = Assert.Throws<SettingsException>(() => Read(Complete.Replace("recv-window = 5s", "recv-window = 1.5ms")));

        Assert.Contains("endpoint.recv-window", error.Message);
        Assert.Contains("whole number of milliseconds", error.Message);
    }

    [Fact]
    public void The_secret_is_never_shown()
    {
        Assert.DoesNotContain("the-secret", Read(Complete.Replace("api-secret = s", "api-secret = the-secret")).ToString());
    }
}
