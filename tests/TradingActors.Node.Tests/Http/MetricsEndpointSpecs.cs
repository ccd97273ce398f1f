using System.Net;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests.Http;

public sealed class MetricsEndpointSpecs : RunningNode
{
    // A scrape is polled, within a bound: the node trades in real time, over real sockets.
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Metrics_answers_the_engines_request_counter_in_prometheus_text()
    {
        // The trader's first replies are a few ticks away, and the exporter caches a scrape briefly.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string text;
        do
        {
            using var response = await Http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
        } while (!text.Contains("trading_requests_total{") && DateTime.UtcNow < deadline && await Pause());

        Assert.Contains("# TYPE trading_requests_total counter", text);
        Assert.Contains("exchange=\"binance\",outcome=\"success\"", text);
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(PollEvery);
        return true;
    }
}
