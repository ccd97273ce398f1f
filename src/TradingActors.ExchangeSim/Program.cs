using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using TradingActors.Configuration;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;

// dotnet run --project src/TradingActors.ExchangeSim [-- --config exchange-sim.conf]

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddFilter("Microsoft", LogLevel.Warning));

SimulatorOptions options;
try
{
    options = args switch
    {
        [] => new SimulatorOptions(),
        ["--config", var path] => SimulatorOptions.FromHocon(await File.ReadAllTextAsync(path)),
        _ => throw new ArgumentException("Usage: TradingActors.ExchangeSim [--config <file.conf>]"),
    };
}
catch (Exception e) when (e is ArgumentException or SettingsException or IOException)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using (var simulator = await ExchangeSimulator.StartAsync(options with { LoggerFactory = loggerFactory }, stop.Token))
{
    foreach (var exchange in simulator.Exchanges.Values)
        Console.WriteLine($"{exchange.Name,-10} {exchange.BaseAddress}  {exchange.WebSocketAddress}");
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
