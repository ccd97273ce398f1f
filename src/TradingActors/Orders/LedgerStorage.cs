using System.Data.Common;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Config;
using LinqToDB;
using LinqToDB.Interceptors;
using Microsoft.Data.Sqlite;
using TradingActors.Configuration;

namespace TradingActors.Orders;

/// <summary>
/// Where the ledger's journal and snapshots live. By default an embedded SQLite file through
/// Akka.Persistence.Sql (created on first start, no server to install); any other Akka.Persistence plugin
/// the host configures (Akka.Persistence.Sql on PostgreSQL, say) by naming its HOCON path instead.
/// </summary>
internal static class LedgerStorage
{
    private const string SqlJournal = "akka.persistence.journal.sql";
    private const string SqlSnapshots = "akka.persistence.snapshot-store.sql";

    public static string JournalPluginId(OrderLedgerSettings settings) =>
        settings.Journal == OrderLedgerSettings.Sqlite ? SqlJournal : settings.Journal;

    public static string SnapshotPluginId(OrderLedgerSettings settings) =>
        settings.SnapshotStore == OrderLedgerSettings.Sqlite ? SqlSnapshots : settings.SnapshotStore;

    /// <summary>
    /// The persistence plugins' configuration: Akka.Persistence.Sql's defaults (a host on another SQL database
    /// then sets only its connection), with the SQLite file's connection where the ledger uses it.
    /// </summary>
    public static Config Config(OrderLedgerSettings settings)
    {
        if (settings.Journal != OrderLedgerSettings.Sqlite && settings.SnapshotStore != OrderLedgerSettings.Sqlite)
            return SqlPersistence.DefaultConfiguration;
        var connection = ConnectionString(settings).Replace("\\", "\\\\").Replace("\"", "\\\"");
        var sqlite = $$"""{ connection-string = "{{connection}}", provider-name = "{{ProviderName.SQLiteMS}}", auto-initialize = on }""";
        return ConfigurationFactory.ParseString($"{SqlJournal} {sqlite}\n{SqlSnapshots} {sqlite}").WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>
    /// How long a connection waits for the file's write lock, another connection's (the snapshot store's while the journal
    /// writes, a second journal writer), before a command fails: Microsoft.Data.Sqlite's own command timeout.
    /// </summary>
    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>
    /// Gives the ledger's SQLite plugins connections that set <c>PRAGMA synchronous</c> and <c>PRAGMA busy_timeout</c> as
    /// each one opens, added to <paramref name="connections"/> (the actor system's, shared with any other
    /// Akka.Persistence.Sql plugin the host configures) under the plugins' ids. SQLite keeps both per connection, not in
    /// the file, and Microsoft.Data.Sqlite's connection string has no keyword for them, so they are set on every
    /// connection the plugins open.
    /// </summary>
    public static void AddConnections(OrderLedgerSettings settings, MultiDataOptionsSetup connections)
    {
        var options = new DataOptions()
            .UseConnectionString(ProviderName.SQLiteMS, ConnectionString(settings))
            .UseInterceptor(new PragmasOnOpen(settings.SqliteSynchronous));
        if (settings.Journal == OrderLedgerSettings.Sqlite)
            connections.AddDataOptions(SqlJournal, options);
        if (settings.SnapshotStore == OrderLedgerSettings.Sqlite)
            connections.AddDataOptions(SqlSnapshots, options);
    }

    private static string ConnectionString(OrderLedgerSettings settings) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(settings.SqliteFile) }.ToString();

    // Without a busy timeout, Microsoft.Data.Sqlite meets a locked file by sleeping 150 ms before each new try, which the
    // ledger's benchmark showed as a p99 of 157-165 ms at 64 orders in flight; SQLite's own busy handler waits in steps of
    // a few milliseconds, so a write waits about as long as the one ahead of it.
    private sealed class PragmasOnOpen(SqliteSynchronous synchronous) : ConnectionInterceptor
    {
        private readonly string _pragmas =
            $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

        public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection)
        {
            using var command = Pragma(connection);
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
        {
            await using var command = Pragma(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private DbCommand Pragma(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            return command;
        }
    }

    /// <summary>
    /// Opens the SQLite file (creating it and its folder on first start) and takes its write lock once, so
    /// that a file the ledger cannot write, a corrupt one, or one another process holds stops start-up here,
    /// naming the file, instead of failing the first order.
    /// </summary>
    public static void CheckWritable(OrderLedgerSettings settings)
    {
        if (settings.Journal != OrderLedgerSettings.Sqlite && settings.SnapshotStore != OrderLedgerSettings.Sqlite)
            return;
        var file = Path.GetFullPath(settings.SqliteFile);
        try
        {
            if (Directory.Exists(file))
                throw new IOException("it is a folder");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 1,
            }.ToString());
            connection.Open();
            using var check = connection.CreateCommand();
            // Write-ahead logging, kept in the file: a commit costs one sync of the log instead of several of the file.
            check.CommandText = "PRAGMA journal_mode = WAL;";
            check.ExecuteNonQuery();
            check.CommandText = "PRAGMA quick_check; BEGIN IMMEDIATE; ROLLBACK;";
            var verdict = check.ExecuteScalar() as string;
            if (verdict != "ok")
                throw new IOException($"it is damaged: {verdict}");
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"{TradingSettings.Section}.orders.sqlite-file", settings.SqliteFile,
                $"the order ledger cannot use {file}: {error.Message}");
        }
    }
}
