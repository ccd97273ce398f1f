using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests;

/// <summary>The simulator's command line, run the way a user runs it.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task APortInUseExitsNonZeroNamingTheExchangeAndThePortWithoutAStackTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var config = WriteConfig($"exchange-sim {{ exchanges {{ binance {{ port = {port} }} }} }}");

        var (exitCode, output, error) = await SimulatorProcess.RunAsync("--config", config);

        Assert.True(exitCode == 2, $"exit code {exitCode}\n{output}\n{error}");
        Assert.Contains($"binance cannot listen on 127.0.0.1:{port}: the port is already in use", error);
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public async Task ThePrintedAddressesTakeAPathPastedAfterThem()
    {
        using var simulator = SimulatorProcess.Start();
        var lines = await simulator.LinesUntilAsync(line => line.StartsWith("Press Ctrl+C", StringComparison.Ordinal));
        var (rest, streams) = lines.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words[0] == "binance").Select(words => (words[1], words[2])).Single();

        using var http = new HttpClient();
        var ping = await http.GetAsync(rest + "/api/v3/ping");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streams + "/ws/btcusdt@trade"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    private static string WriteConfig(string hocon)
    {
        var path = Path.Combine(Path.GetTempPath(), $"exchange-sim-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, hocon);
        return path;
    }
}
