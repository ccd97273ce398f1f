using Akka.Configuration;
using TradingActors.Configuration;

namespace TradingActors.Node;

/// <summary>The demo node's own settings, from the <c>node</c> section of its configuration.</summary>
public sealed record NodeSettings(TimeSpan Duration, TimeSpan Tick, string Symbol)
{
    public static NodeSettings From(Config config)
    {
        var node = new SettingsReader(config, "node");
        return new NodeSettings(node.Duration("duration"), node.Duration("tick"), node.String("symbol"));
    }
}
