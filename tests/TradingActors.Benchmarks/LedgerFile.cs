using Microsoft.Data.Sqlite;

namespace TradingActors.Benchmarks;

/// <summary>
/// A SQLite file for the order ledger, in a folder of its own under the temp folder, so that disposing it
/// removes the file with whatever SQLite kept beside it.
/// </summary>
internal sealed class LedgerFile : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"trading-benchmark-ledger-{Guid.NewGuid():N}");

    public string FilePath => Path.Combine(_folder, "orders.db");

    /// <summary>The engine's configuration for a ledger that journals and snapshots to this file.</summary>
    public string Hocon => $$"""trading.orders { journal = sqlite, snapshot-store = sqlite, sqlite-file = "{{FilePath.Replace('\\', '/')}}" }""";

    /// <summary>Call once the actor system that used the file has terminated.</summary>
    public void Dispose()
    {
        // Pooled connections keep the file open (and on Windows, undeletable).
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
