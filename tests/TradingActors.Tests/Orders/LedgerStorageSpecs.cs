using Akka.Configuration;
using Akka.Persistence.Sql.Config;
using LinqToDB.Data;
using Microsoft.Data.Sqlite;
using TradingActors.Configuration;
using TradingActors.Orders;

namespace TradingActors.Tests.Orders;

/// <summary>
/// The ledger's SQLite file: every connection its persistence plugins open commits as <c>sqlite-synchronous</c> says,
/// since SQLite keeps <c>PRAGMA synchronous</c> per connection and not in the file.
/// </summary>
public sealed class LedgerStorageSpecs : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"trading-ledger-storage-{Guid.NewGuid():N}");

    private OrderLedgerSettings Settings(string synchronous) => TradingSettings.From(ConfigurationFactory.ParseString($$"""
        trading.orders { sqlite-file = "{{Path.Combine(_folder, "orders.db").Replace('\\', '/')}}", sqlite-synchronous = {{synchronous}} }
        """)).Orders;

    [Theory]
    [InlineData("full", 2)]
    [InlineData("normal", 1)]
    public void Every_connection_the_journal_and_the_snapshot_store_open_commits_as_sqlite_synchronous_says(string synchronous, long pragma)
    {
        var settings = Settings(synchronous);
        LedgerStorage.CheckWritable(settings);
        var connections = new MultiDataOptionsSetup();

        LedgerStorage.AddConnections(settings, connections);

        Assert.All(new[] { "akka.persistence.journal.sql", "akka.persistence.snapshot-store.sql" }, plugin =>
        {
            Assert.True(connections.TryGetDataOptionsFor(plugin, out var options), $"{plugin} has no connections of the ledger's");
            using var connection = new DataConnection(options!);
            Assert.Equal(pragma, connection.Execute<long>("PRAGMA synchronous;"));
        });
    }

    public void Dispose()
    {
        // Pooled connections keep the file open (and on Windows, undeletable).
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
