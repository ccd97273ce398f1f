using TradingActors.Configuration;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Tests.Configuration;

public sealed class HoconOptionsTests
{
    // The brief's example, but for '=' after "symbols" on the bybit line: Akka's parser wants it before a comma.
    private const string Example = """
        exchange-sim {
          seed = 42
          admin-token = "sim-admin"
          tick-interval = 100ms
          exchanges {
            binance { port = 0, symbols { BTCUSDT = 42000, ETHUSDT = 2200 } }
            bybit   { port = 0, symbols = { BTCUSDT = 42010 } , weight-limit { budget = 1200, window = 1m } }
            kraken  { port = 0 }
          }
          schedule = [
            { exchange = binance, at = 10s, duration = 20s, fault { outage = on } }
            { exchange = kraken,  at = 30s, duration = 15s, fault { latency = 800ms, jitter = 200ms } }
          ]
        }
        """;

    [Fact]
    public void ExampleConfigurationIsReadWhole()
    {
        var options = SimulatorOptions.FromHocon(Example);

        Assert.Equal(42, options.Seed);
        Assert.Equal("sim-admin", options.AdminToken);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.TickInterval);
        Assert.Equal(["binance", "bybit", "kraken"], options.Exchanges.Select(exchange => exchange.Name));
        Assert.Equal([("BTCUSDT", 42000m), ("ETHUSDT", 2200m)], options.Exchanges[0].Symbols.Select(s => (s.Symbol, s.Price)));
        Assert.Equal(new WeightLimitOptions { Budget = 1200, Window = TimeSpan.FromMinutes(1) }, options.Exchanges[1].WeightLimit);
        Assert.Equal(new ExchangeOptions("kraken").Symbols, options.Exchanges[2].Symbols);
        Assert.Equal(
            [
                new ScheduledFault("binance", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), new FaultSettings { Outage = true }),
                new ScheduledFault("kraken", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15),
                    new FaultSettings { Latency = TimeSpan.FromMilliseconds(800), Jitter = TimeSpan.FromMilliseconds(200) }),
            ],
            options.Schedule);
    }

    [Fact]
    public void EveryFaultKeyIsRead()
    {
        var options = SimulatorOptions.FromHocon("""
            exchange-sim.exchanges.binance.fault {
              latency = 5ms, jitter = 1ms, hang = 0.1, order-5xx = 0.2, order-5xx-after-execution = 0.3, other-5xx = 0.4,
              malformed = 0.5, ghost-fill-delay = 30s, order-query-lag = 2s, outage = off, weight-budget = 10,
              ws-drop = on, ws-stall = on, ws-garbage = 0.6, user-data-drop = on, user-data-stall = on
            }
            """);

        Assert.Equal(new FaultSettings
        {
            Latency = TimeSpan.FromMilliseconds(5), Jitter = TimeSpan.FromMilliseconds(1), Hang = 0.1, Order5xx = 0.2,
            Order5xxAfterExecution = 0.3, Other5xx = 0.4, Malformed = 0.5, GhostFillDelay = TimeSpan.FromSeconds(30),
            OrderQueryLag = TimeSpan.FromSeconds(2), WeightBudget = 10, WsDrop = true, WsStall = true, WsGarbage = 0.6,
            UserDataDrop = true, UserDataStall = true,
        }, options.Exchanges.Single().Faults);
    }

    [Fact]
    public void AccountsAndSymbolFiltersAreRead()
    {
        var options = SimulatorOptions.FromHocon("""
            exchange-sim.exchanges.binance {
              symbols { DOGEUSDT { price = 0.08, tick-size = 0.00001, step-size = 1, min-notional = 1 } }
              accounts = [ { api-key = "k1", secret = "s1", balances { USDT = 500, DOGE = 1000 } } ]
            }
            """);

        var exchange = options.Exchanges.Single();
        Assert.Equal(new SymbolOptions("DOGEUSDT", 0.08m) { TickSize = 0.00001m, StepSize = 1m, MinNotional = 1m }, exchange.Symbols.Single());
        var account = exchange.Accounts.Single();
        Assert.Equal(("k1", "s1"), (account.ApiKey, account.Secret));
        Assert.Equal(new Dictionary<string, decimal> { ["USDT"] = 500m, ["DOGE"] = 1000m }, account.Balances);
    }

    [Fact]
    public void BadValueThrowsNamingItsPathAndTheValue()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon(
            Example.Replace("budget = 1200", "budget = lots")));

        Assert.Equal("exchange-sim.exchanges.bybit.weight-limit.budget", error.Path);
        Assert.Equal("lots", error.Value);
        Assert.StartsWith("exchange-sim.exchanges.bybit.weight-limit.budget = lots: expected a whole number", error.Message);
    }

    [Fact]
    public void BadValueInAScheduledFaultNamesItsPlaceInTheList()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon(
            Example.Replace("latency = 800ms", "latency = soon")));

        Assert.Equal("exchange-sim.schedule[1].fault.latency", error.Path);
        Assert.Equal("soon", error.Value);
    }

    [Fact]
    public void MisspelledKeyIsRefusedNamingItsPath()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon(
            Example.Replace("jitter = 200ms", "jiter = 200ms")));

        Assert.Equal("exchange-sim.schedule[1].fault.jiter", error.Path);
    }

    [Fact]
    public void MisspelledKeyIsRefusedNamingTheNearestKnownOneAsTheEnginesAre()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon(
            Example.Replace("jitter = 200ms", "jiter = 200ms")));

        Assert.EndsWith("did you mean jitter?", error.Message);
    }

    [Fact]
    public void DurationWithoutItsUnitIsRefusedAsTheEnginesAre()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon("exchange-sim.tick-interval = 100"));

        Assert.Equal("exchange-sim.tick-interval = 100: a duration needs its unit, such as 100s or 100ms", error.Message);
    }

    [Fact]
    public void TradeRateIsRead()
    {
        var options = SimulatorOptions.FromHocon("exchange-sim { tick-interval = 10ms, trade-rate = 50000 }");

        Assert.Equal((TimeSpan.FromMilliseconds(10), 50_000), (options.TickInterval, options.TradeRate));
        Assert.Equal(0, SimulatorOptions.FromHocon("").TradeRate);
    }

    [Theory]
    [InlineData("exchange-sim.trade-rate = -1")]
    [InlineData("exchange-sim.trade-rate = 1000001")]
    [InlineData("exchange-sim.trade-rate = fast")]
    [InlineData("exchange-sim { tick-interval = 0, trade-rate = 1000 }")]
    public void BadTradeRateIsRefusedNamingItsPath(string hocon)
    {
        Assert.Equal("exchange-sim.trade-rate", Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon(hocon)).Path);
    }

    [Fact]
    public void ScheduleNamingAnExchangeThatIsNotConfiguredIsRefused()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon(
            Example.Replace("exchange = kraken", "exchange = okx")));

        Assert.Equal("exchange-sim.schedule[1].exchange", error.Path);
        Assert.Equal("okx", error.Value);
    }

    [Fact]
    public void ShareAboveOneIsRefused()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon(
            "exchange-sim.exchanges.binance.fault.order-5xx = 1.5"));

        Assert.Equal("exchange-sim.exchanges.binance.fault.order-5xx", error.Path);
        Assert.Equal("1.5", error.Value);
    }

    [Fact]
    public void TextAkkaCannotParseIsRefusedWithTheParsersPositionAndTheWayToWriteIt()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon(
            Example.Replace("symbols = { BTCUSDT = 42010 }", "symbols { BTCUSDT = 42010 }")));

        Assert.Contains("position", error.Message);
        Assert.Contains("symbols = { ... }", error.Message);
    }

    [Fact]
    public void ShippedDemoConfigurationIsValid()
    {
        var options = SimulatorOptions.FromHocon(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "exchange-sim.conf")));

        Assert.Equal(["binance", "bybit", "kraken"], options.Exchanges.Select(exchange => exchange.Name));
        Assert.NotEmpty(options.Schedule);
    }

    [Fact]
    public void MissingBlockTakesTheDefaults()
    {
        var options = SimulatorOptions.FromHocon("exchange-sim { seed = 7 }");

        Assert.Equal(new SimulatorOptions().Exchanges.Select(e => e.Name), options.Exchanges.Select(e => e.Name));
        Assert.Equal(7, options.Seed);
    }

    [Fact]
    public void AnExchangeSpeaksTheDialectItNamesAndBinancesOtherwise()
    {
        var options = SimulatorOptions.FromHocon("exchange-sim.exchanges { binance = {}, bybit = { dialect = bybit }, kraken = { dialect = kraken } }");

        Assert.Equal([ExchangeDialect.Binance, ExchangeDialect.Bybit, ExchangeDialect.Kraken], options.Exchanges.Select(exchange => exchange.Dialect));
    }

    [Fact]
    public void AnUnknownDialectIsRefusedWithItsPath()
    {
        var error = Assert.Throws<SettingsException>(() => SimulatorOptions.FromHocon("exchange-sim.exchanges.bybit.dialect = ftx"));

        Assert.StartsWith("exchange-sim.exchanges.bybit.dialect = ftx", error.Message);
    }
}

