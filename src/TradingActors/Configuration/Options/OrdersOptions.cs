using TradingActors.Orders;

namespace TradingActors.Configuration.Options;

/// <summary><c>orders</c>: the order ledger, where it journals and how it reconciles; null keeps the default.</summary>
public sealed class OrdersOptions
{
    /// <summary><c>sqlite</c>, or the HOCON path of an Akka.Persistence journal plugin the host configures.</summary>
    public string? Journal { get; set; }

    /// <summary><c>sqlite</c>, or the HOCON path of an Akka.Persistence snapshot store plugin.</summary>
    public string? SnapshotStore { get; set; }

    public string? SqliteFile { get; set; }
    public SqliteSynchronous? SqliteSynchronous { get; set; }
    public int? SnapshotEvery { get; set; }
    public TimeSpan? Retention { get; set; }
    public TimeSpan? RememberIdsFor { get; set; }
    public TimeSpan? Grace { get; set; }
    public int? MaxQueries { get; set; }
    public TimeSpan? MinBackoff { get; set; }
    public TimeSpan? MaxBackoff { get; set; }
    public TimeSpan? CheckInterval { get; set; }
    public TimeSpan? CheckAfter { get; set; }
    public TimeSpan? StartupTimeout { get; set; }
}
