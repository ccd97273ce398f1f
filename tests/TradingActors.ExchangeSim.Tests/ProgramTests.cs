using System.Net;
using System.Net.Sockets;
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

    private static string WriteConfig(string hocon)
    {
        var path = Path.Combine(Path.GetTempPath(), $"exchange-sim-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, hocon);
        return path;
    }
}
