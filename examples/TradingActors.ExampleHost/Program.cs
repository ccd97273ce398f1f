using TradingActors.Examples;

// dotnet run --project examples/TradingActors.ExampleHost (with the simulator running: see the README)
await ExampleHost.Build(args).RunAsync();
