using TradingActors.Breaker;
using TradingActors.MarketData;

namespace TradingActors.Node.Display;

internal static class StateColour
{
    public static string Of(BreakerState state) => state switch
    {
        BreakerState.Closed => "green",
        BreakerState.Open => "red",
        BreakerState.HalfOpen => "yellow",
        BreakerState.Isolated => "fuchsia",
        _ => "blue",
    };

    public static string Of(FeedState state) => state switch
    {
        FeedState.Connected => "green",
        FeedState.OnBackup => "yellow",
        _ => "red",
    };
}
