using Akka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.Configuration;
using TradingActors.Configuration.Options;
using TradingActors.Hosting;

namespace TradingActors.Tests.Configuration.Options;

/// <summary>
/// The engine's settings as a host's <c>WithTradingEngine</c> leaves them in its actor system's configuration. The system
/// never starts, so its ledger journals nowhere: <see cref="InMemory"/> keeps the ledger's SQLite file from being created.
/// </summary>
internal static class OptionsRoute
{
    public static readonly (string Key, string? Value)[] InMemory =
        [("Orders:Journal", "akka.persistence.journal.inmem"), ("Orders:SnapshotStore", "akka.persistence.snapshot-store.inmem")];

    public static TradingSettings Settings(Func<AkkaConfigurationBuilder, AkkaConfigurationBuilder> withEngine)
    {
        var builder = withEngine(new AkkaConfigurationBuilder(new ServiceCollection(), "options"));
        return TradingSettings.From(builder.Configuration.Value);
    }

    public static TradingSettings Settings(Action<TradingOptions> configure) => Settings(akka => akka.WithTradingEngine(options =>
    {
        InMemoryLedger(options);
        configure(options);
    }));

    public static TradingSettings Settings(params (string Key, string? Value)[] configuration) =>
        Settings(akka => akka.WithTradingEngine(Section([.. InMemory, .. configuration])));

    public static void InMemoryLedger(TradingOptions options)
    {
        options.Orders.Journal = "akka.persistence.journal.inmem";
        options.Orders.SnapshotStore = "akka.persistence.snapshot-store.inmem";
    }

    /// <summary>The <c>Trading</c> section of an in-memory configuration, as appsettings.json or environment variables would give it.</summary>
    public static IConfigurationSection Section(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create($"Trading:{setting.Key}", setting.Value)))
            .Build()
            .GetSection("Trading");

    public static SettingsException Refused(Action<TradingOptions> configure) =>
        Assert.Throws<SettingsException>(() => Settings(configure));

    public static SettingsException Refused(params (string Key, string? Value)[] configuration) =>
        Assert.Throws<SettingsException>(() => Settings(configuration));
}
