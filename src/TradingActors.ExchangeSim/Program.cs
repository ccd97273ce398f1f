using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using TradingActors.Configuration;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;

// dotnet run --project src/TradingActors.ExchangeSim [-- --config exchange-sim.conf]

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddFilter("Microsoft", LogLevel.Warning));

using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

ExchangeSimulator simulator;
try
{
    var options = args switch
    {
        [] => new SimulatorOptions(),
        ["--config", var path] => SimulatorOptions.FromHocon(await File.ReadAllTextAsync(path)),
        _ => throw new ArgumentException("Usage: TradingActors.ExchangeSim [--config <file.conf>]"),
    };
    simulator = await ExchangeSimulator.StartAsync(options with { LoggerFactory = loggerFactory }, stop.Token);
}
// As the node does: a bad value, an unreadable file or a port in use is said in one message; a stack trace would bury it.
catch (Exception e) when (e is ArgumentException or SettingsException or IOException)
{
    await Console.Error.WriteLineAsync($"Cannot start: {e.Message}");
    return 2;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}

await using (simulator)
{
    // Printed without the URIs' trailing '/', so that a path such as /api/v3/ping or /ws/btcusdt@trade can be pasted after them.
    foreach (var exchange in simulator.Exchanges.Values)
        Console.WriteLine($"{exchange.Name,-10} {exchange.BaseAddress.GetLeftPart(UriPartial.Authority)}  {exchange.WebSocketAddress.GetLeftPart(UriPartial.Authority)}");
    Console.WriteLine("Press Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopping.");
    }
}
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
