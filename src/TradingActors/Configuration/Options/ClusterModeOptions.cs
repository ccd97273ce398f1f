namespace TradingActors.Configuration.Options;

/// <summary><c>cluster</c>: cluster mode, off unless <see cref="Enabled"/>; null keeps the default.</summary>
public sealed class ClusterModeOptions
{
    public bool? Enabled { get; set; }
    public string? Hostname { get; set; }

    /// <summary>0: a free port, chosen at start.</summary>
    public int? Port { get; set; }

    /// <summary>Nodes to join, such as <c>akka.tcp://trading@127.0.0.1:4053</c>; empty: this node starts a cluster.</summary>
    public IList<string>? SeedNodes { get; set; }

    public IList<string>? Roles { get; set; }

    /// <summary>Only nodes with this role host breakers; empty: every node may.</summary>
    public string? BreakerRole { get; set; }

    public TimeSpan? HandOverPatience { get; set; }
    public TimeSpan? StateTimeout { get; set; }
}
