using Akka.Configuration;
using Akka.Persistence.Sql.Config;
using LinqToDB.Data;
using Microsoft.Data.Sqlite;
using TradingActors.Configuration;
using TradingActors.Orders;

namespace TradingActors.Tests.Orders;

/// <summary>
/// The ledger's SQLite file: every connection its persistence plugins open sets what SQLite keeps per connection and
/// not in the file, <c>PRAGMA synchronous</c> (from <c>sqlite-synchronous</c>) and <c>PRAGMA busy_timeout</c>.
/// </summary>
public sealed class LedgerStorageSpecs : IDisposable
{
    private static readonly string[] Plugins = ["akka.persistence.journal.sql", "akka.persistence.snapshot-store.sql"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"trading-ledger-storage-{Guid.NewGuid():N}");

    /// <summary>What <paramref name="pragma"/> reads on a connection each of the ledger's SQLite plugins opens.</summary>
    private IEnumerable<long> OnEveryConnection(string synchronous, string pragma)
    {
        var settings = TradingSettings.From(ConfigurationFactory.ParseString($$"""
            trading.orders { sqlite-file = "{{Path.Combine(_folder, "orders.db").Replace('\\', '/')}}", sqlite-synchronous = {{synchronous}} }
            """)).Orders;
        LedgerStorage.CheckWritable(settings);
        var connections = new MultiDataOptionsSetup();
        LedgerStorage.AddConnections(settings, connections);
        foreach (var plugin in Plugins)
        {
            Assert.True(connections.TryGetDataOptionsFor(plugin, out var options), $"{plugin} has no connections of the ledger's");
            using var connection = new DataConnection(options!);
            yield return connection.Execute<long>($"PRAGMA {pragma};");
        }
    }

    [Theory]
    [InlineData("full", 2)]
    [InlineData("normal", 1)]
    public void Every_connection_the_journal_and_the_snapshot_store_open_commits_as_sqlite_synchronous_says(string synchronous, long pragma)
    {
        Assert.Equal([pragma, pragma], OnEveryConnection(synchronous, "synchronous"));
    }

    [Fact]
    public void Every_connection_the_journal_and_the_snapshot_store_open_waits_for_a_locked_file_in_sqlite_s_own_short_steps()
    {
        Assert.Equal([30_000L, 30_000L], OnEveryConnection("full", "busy_timeout"));
    }

    public void Dispose()
    {
        // Pooled connections keep the file open (and on Windows, undeletable).
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
