using TradingActors.Configuration;

namespace TradingActors.Orders;

/// <summary>When a commit to the ledger's SQLite file returns: SQLite's <c>PRAGMA synchronous</c>, in write-ahead-log mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>Once the write-ahead log is synced to the disk: a commit survives a crash of the process and a power loss.</summary>
    Full,

    /// <summary>
    /// Once the write-ahead log is written, before it is synced (the sync comes at each checkpoint): a commit survives a
    /// crash or kill of the process, but a power loss or an operating system crash may lose the last commits.
    /// </summary>
    Normal,
}

/// <summary>
/// The order ledger, read from <c>trading.orders</c>; hocon/trading.conf holds the defaults and the README's
/// "Orders" section explains each one.
/// </summary>
public sealed record OrderLedgerSettings
{
    /// <summary>The value of <c>journal</c> that means the embedded SQLite file.</summary>
    public const string Sqlite = "sqlite";

    /// <summary><see cref="Sqlite"/>, or the HOCON path of an Akka.Persistence journal plugin configured by the host.</summary>
    public required string Journal { get; init; }

    /// <summary><see cref="Sqlite"/>, or the HOCON path of an Akka.Persistence snapshot store plugin.</summary>
    public required string SnapshotStore { get; init; }

    /// <summary>The SQLite file, created on first start, when the journal or the snapshot store is <see cref="Sqlite"/>.</summary>
    public required string SqliteFile { get; init; }

    /// <summary>When a commit to the SQLite file counts as done, and so what it survives.</summary>
    public SqliteSynchronous SqliteSynchronous { get; init; }

    /// <summary>A snapshot after this many events, so recovery reads at most this many past the last snapshot.</summary>
    public int SnapshotEvery { get; init; }

    /// <summary>How long a final order stays in memory in full; after that only its id and outcome stay (the journal keeps all).</summary>
    public TimeSpan Retention { get; init; }

    /// <summary>
    /// How long after an order ended its id is still refused for a new order; after that it is forgotten (the journal
    /// keeps it), and an order sent under it is a new order. At least <see cref="Retention"/>.
    /// </summary>
    public TimeSpan RememberIdsFor { get; init; }

    /// <summary>How long an exchange may not know an order it was sent before "unknown order" counts against it.</summary>
    public TimeSpan Grace { get; init; }

    /// <summary>Queries answered "unknown order" (past the grace time) before the order needs an operator's attention.</summary>
    public int MaxQueries { get; init; }

    public TimeSpan MinBackoff { get; init; }
    public TimeSpan MaxBackoff { get; init; }

    /// <summary>How often the ledger looks for orders in flight or open too long, and asks their exchange about them.</summary>
    public TimeSpan CheckInterval { get; init; }

    /// <summary>An order in flight or open this long is asked about at the next check.</summary>
    public TimeSpan CheckAfter { get; init; }

    /// <summary>The longest new orders for an exchange wait on the reconciliation of its orders from before a restart.</summary>
    public TimeSpan StartupTimeout { get; init; }

    internal static OrderLedgerSettings Read(SettingsReader orders)
    {
        var minBackoff = orders.Duration("min-backoff");
        var maxBackoff = orders.Duration("max-backoff");
        if (maxBackoff < minBackoff)
            throw orders.Invalid("max-backoff", $"must be at least min-backoff ({Durations.Text(minBackoff)})");
        var retention = orders.Duration("retention", zeroAllowed: true);
        var rememberIdsFor = orders.Duration("remember-ids-for");
        // An order in memory in full is known by its id anyway: a shorter window would only pretend to forget it sooner.
        if (rememberIdsFor < retention)
            throw orders.Invalid("remember-ids-for", $"must be at least retention ({Durations.Text(retention)})");
        return new OrderLedgerSettings
        {
            Journal = orders.String("journal"),
            SnapshotStore = orders.String("snapshot-store"),
            SqliteFile = orders.String("sqlite-file"),
            SqliteSynchronous = orders.Enum<SqliteSynchronous>("sqlite-synchronous"),
            SnapshotEvery = orders.Int("snapshot-every", min: 1),
            Retention = retention,
            RememberIdsFor = rememberIdsFor,
            Grace = orders.Duration("grace", zeroAllowed: true),
            MaxQueries = orders.Int("max-queries", min: 1),
            MinBackoff = minBackoff,
            MaxBackoff = maxBackoff,
            CheckInterval = orders.Duration("check-interval"),
            CheckAfter = orders.Duration("check-after"),
            StartupTimeout = orders.Duration("startup-timeout"),
        };
    }
}
