using Akka.Actor;
using Akka.Configuration;
using Serilog;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Node;
using TradingActors.Registry;

Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}")
    .CreateLogger();

try
{
    var config = ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf")));
    var settings = TradingSettings.From(config);
    var node = NodeSettings.From(config);

    using var system = ActorSystem.Create("trading", config.WithFallback(TradingSettings.Reference));
    var exchanges = SeedScenario.Exchanges(system.Scheduler, node.Symbol);
    var registry = system.ActorOf(
        ExchangeRegistry.Props(settings, name => ExchangeConnector.Props(exchanges[name])), "exchanges");

    Console.WriteLine($"Trading on {string.Join(", ", exchanges.Keys)} for {node.Duration.TotalSeconds:0} s; faults: {SeedScenario.Story}");
    await new TradingLoop(registry, exchanges.Keys, node).RunAsync();

    var statuses = await registry.Ask<ExchangeRegistry.Statuses>(ExchangeRegistry.GetStatuses.Instance, TimeSpan.FromSeconds(5));
    Console.WriteLine(StatusTable.Render(statuses.Exchanges));
    await system.Terminate();
    return 0;
}
catch (SettingsException error)
{
    Console.Error.WriteLine($"Bad configuration: {error.Message}");
    return 2;
}
finally
{
    await Log.CloseAndFlushAsync();
}
