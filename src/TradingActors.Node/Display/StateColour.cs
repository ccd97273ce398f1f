using TradingActors.Breaker;

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
}
