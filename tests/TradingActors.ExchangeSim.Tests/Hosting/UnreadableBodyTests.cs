using Microsoft.Extensions.Logging;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Hosting;

public sealed class UnreadableBodyTests
{
    [Fact]
    public async Task ABodyThatStopsArrivingIsAnswered408AndLoggedInOneLineWithoutAStackTrace()
    {
        var log = new LogRecorder();
        using var loggers = log.Factory();
        await using var simulator = await ExchangeSimulator.StartAsync(TestSimulator.Options() with { LoggerFactory = loggers });

        // Kestrel's minimum body data rate gives up on the body after its grace period (5 s): the one real wait of this test.
        var (status, _) = await RawHttp.SendAsync(simulator.Binance(),
            "POST /api/v3/order HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nsymbol=BTC");

        Assert.Equal(408, status);
        var entry = Assert.Single(log.Entries, entry => entry.Level >= LogLevel.Information);
        Assert.Null(entry.Exception);
        Assert.Contains("POST /api/v3/order answered 408", entry.Message);
        Assert.DoesNotContain('\n', entry.Message);
    }
}
