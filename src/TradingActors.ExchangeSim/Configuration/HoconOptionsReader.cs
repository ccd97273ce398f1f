using TradingActors.Configuration;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Configuration;

/// <summary>Reads the <c>exchange-sim</c> block into <see cref="SimulatorOptions"/>; the keys are documented in README.md.</summary>
internal static class HoconOptionsReader
{
    private static readonly string[] SimulatorKeys =
        ["seed", "admin-token", "tick-interval", "trade-rate", "volatility", "ping-interval", "pong-timeout", "exchanges", "schedule"];

    private static readonly string[] ExchangeKeys = ["port", "dialect", "symbols", "accounts", "weight-limit", "fault"];
    private static readonly string[] SymbolKeys = ["price", "quote", "tick-size", "step-size", "min-notional"];
    private static readonly string[] AccountKeys = ["api-key", "secret", "balances"];
    private static readonly string[] WeightLimitKeys = ["budget", "window", "ban-after", "ban-duration"];
    private static readonly string[] ScheduleKeys = ["exchange", "at", "duration", "fault"];

    public static SimulatorOptions Read(string hocon)
    {
        var simulator = new SettingsReader(HoconText.Parse("the simulator's configuration", hocon), "exchange-sim");
        simulator.RejectUnknownKeys(SimulatorKeys);
        var defaults = new SimulatorOptions();
        var exchanges = simulator.Has("exchanges") ? ReadExchanges(simulator.Section("exchanges")) : defaults.Exchanges;
        var names = exchanges.Select(exchange => exchange.Name).ToHashSet();
        var tickInterval = simulator.Has("tick-interval") ? simulator.Duration("tick-interval", zeroAllowed: true) : defaults.TickInterval;
        var tradeRate = simulator.Has("trade-rate") ? simulator.Int("trade-rate", 0, SimulatorOptions.MaxTradeRate) : defaults.TradeRate;
        if (tradeRate > 0 && tickInterval == TimeSpan.Zero)
            throw simulator.Invalid("trade-rate", "needs a tick-interval above zero: its batches are taken at each tick");
        return new SimulatorOptions
        {
            Seed = simulator.Has("seed") ? simulator.Int("seed") : defaults.Seed,
            AdminToken = simulator.Has("admin-token") ? simulator.String("admin-token") : defaults.AdminToken,
            TickInterval = tickInterval,
            TradeRate = tradeRate,
            Volatility = simulator.Has("volatility") ? simulator.Decimal("volatility", 0, minIncluded: false) : defaults.Volatility,
            PingInterval = simulator.Has("ping-interval") ? simulator.Duration("ping-interval") : defaults.PingInterval,
            PongTimeout = simulator.Has("pong-timeout") ? simulator.Duration("pong-timeout") : defaults.PongTimeout,
            Exchanges = exchanges,
            Schedule = simulator.Has("schedule")
                ? simulator.Sections("schedule").Select(entry => ReadScheduledFault(entry, names)).ToList()
                : [],
        };
    }

    private static List<ExchangeOptions> ReadExchanges(SettingsReader exchanges)
    {
        if (exchanges.Keys.Count == 0)
            throw new SettingsException(exchanges.Path, "{ }", "expected at least one exchange");
        return exchanges.Keys.Select(name => ReadExchange(name, exchanges.Section(name))).ToList();
    }

    private static ExchangeOptions ReadExchange(string name, SettingsReader exchange)
    {
        exchange.RejectUnknownKeys(ExchangeKeys);
        var defaults = new ExchangeOptions(name);
        return defaults with
        {
            Port = exchange.Has("port") ? exchange.Int("port", 0, 65535) : defaults.Port,
            Dialect = exchange.Has("dialect") ? exchange.Enum<ExchangeDialect>("dialect") : defaults.Dialect,
            Symbols = exchange.Has("symbols") ? ReadSymbols(exchange.Section("symbols")) : defaults.Symbols,
            Accounts = exchange.Has("accounts") ? ReadAccounts(exchange, "accounts") : defaults.Accounts,
            WeightLimit = exchange.Has("weight-limit") ? ReadWeightLimit(exchange.Section("weight-limit")) : defaults.WeightLimit,
            Faults = exchange.Has("fault") ? FaultSettingsHocon.Read(exchange.Section("fault")) : defaults.Faults,
        };
    }

    private static List<SymbolOptions> ReadSymbols(SettingsReader symbols)
    {
        if (symbols.Keys.Count == 0)
            throw new SettingsException(symbols.Path, "{ }", "expected at least one symbol");
        return symbols.Keys.Select(symbol => ReadSymbol(symbols, symbol)).ToList();
    }

    // A symbol is either its start price (BTCUSDT = 42000) or an object that also sets its filters.
    private static SymbolOptions ReadSymbol(SettingsReader symbols, string symbol)
    {
        if (!symbols.HasSection(symbol))
            return Checked(symbols, symbol, new SymbolOptions(symbol, symbols.Decimal(symbol, 0, minIncluded: false)));
        var section = symbols.Section(symbol);
        section.RejectUnknownKeys(SymbolKeys);
        var defaults = new SymbolOptions(symbol, section.Decimal("price", 0, minIncluded: false));
        return Checked(symbols, symbol, defaults with
        {
            QuoteAsset = section.Has("quote") ? section.String("quote") : defaults.QuoteAsset,
            TickSize = section.Has("tick-size") ? section.Decimal("tick-size", 0, minIncluded: false) : defaults.TickSize,
            StepSize = section.Has("step-size") ? section.Decimal("step-size", 0, minIncluded: false) : defaults.StepSize,
            MinNotional = section.Has("min-notional") ? section.Decimal("min-notional", 0) : defaults.MinNotional,
        });
    }

    private static SymbolOptions Checked(SettingsReader symbols, string key, SymbolOptions symbol)
    {
        try
        {
            symbol.Validate();
            return symbol;
        }
        catch (ArgumentException)
        {
            throw symbols.Invalid(key, "expected an upper-case symbol ending with its quote asset (set quote = ... when it is not a well-known one)");
        }
    }

    private static List<AccountOptions> ReadAccounts(SettingsReader exchange, string key)
    {
        var accounts = exchange.Sections(key).Select(ReadAccount).ToList();
        if (accounts.Count == 0)
            throw exchange.Invalid(key, "expected at least one account");
        if (accounts.DistinctBy(account => account.ApiKey).Count() != accounts.Count)
            throw exchange.Invalid(key, "expected accounts with different api-keys");
        return accounts;
    }

    private static AccountOptions ReadAccount(SettingsReader account)
    {
        account.RejectUnknownKeys(AccountKeys);
        var balances = account.Has("balances") ? account.Section("balances") : null;
        return new AccountOptions(account.String("api-key"), account.String("secret"))
        {
            Balances = balances?.Keys.ToDictionary(asset => asset, asset => balances.Decimal(asset, 0)),
        };
    }

    private static WeightLimitOptions ReadWeightLimit(SettingsReader limit)
    {
        limit.RejectUnknownKeys(WeightLimitKeys);
        var defaults = new WeightLimitOptions();
        return new WeightLimitOptions
        {
            Budget = limit.Has("budget") ? limit.Int("budget", min: 1) : defaults.Budget,
            Window = limit.Has("window") ? limit.Duration("window") : defaults.Window,
            BanAfter = limit.Has("ban-after") ? limit.Int("ban-after", min: 0) : defaults.BanAfter,
            BanDuration = limit.Has("ban-duration") ? limit.Duration("ban-duration") : defaults.BanDuration,
        };
    }

    private static ScheduledFault ReadScheduledFault(SettingsReader entry, IReadOnlySet<string> exchanges)
    {
        entry.RejectUnknownKeys(ScheduleKeys);
        var exchange = entry.String("exchange");
        if (!exchanges.Contains(exchange))
            throw entry.Invalid("exchange", $"expected one of the configured exchanges ({string.Join(", ", exchanges)})");
        return new ScheduledFault(
            exchange,
            entry.Has("at") ? entry.Duration("at", zeroAllowed: true) : TimeSpan.Zero,
            entry.Duration("duration"),
            entry.Has("fault") ? FaultSettingsHocon.Read(entry.Section("fault")) : FaultSettings.None);
    }
}
