using TradingActors.Node;

// dotnet run --project src/TradingActors.Node [-- --config <file>] [--no-sim] [--duration <time>]
try
{
    return await NodeCommand.InvokeAsync(args);
}
finally
{
    await Serilog.Log.CloseAndFlushAsync();
}
