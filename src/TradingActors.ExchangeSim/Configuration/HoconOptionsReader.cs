using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Configuration;

/// <summary>Reads the <c>exchange-sim</c> block into <see cref="SimulatorOptions"/>; the keys are documented in README.md.</summary>
internal static class HoconOptionsReader
{
    private static readonly string[] SimulatorKeys =
        ["seed", "admin-token", "tick-interval", "volatility", "ping-interval", "pong-timeout", "exchanges", "schedule"];

    private static readonly string[] ExchangeKeys = ["port", "symbols", "accounts", "weight-limit", "fault"];
    private static readonly string[] SymbolKeys = ["price", "quote", "tick-size", "step-size", "min-notional"];
    private static readonly string[] AccountKeys = ["api-key", "secret", "balances"];
    private static readonly string[] WeightLimitKeys = ["budget", "window", "ban-after", "ban-duration"];
    private static readonly string[] ScheduleKeys = ["exchange", "at", "duration", "fault"];

    public static SimulatorOptions Read(string hocon)
    {
        var root = HoconSection.Parse(hocon);
        var simulator = root.Section("exchange-sim");
        simulator.RejectUnknownKeys(SimulatorKeys);
        var defaults = new SimulatorOptions();
        var exchanges = simulator.Has("exchanges") ? ReadExchanges(simulator.Section("exchanges")) : defaults.Exchanges;
        var names = exchanges.Select(exchange => exchange.Name).ToHashSet();
        return new SimulatorOptions
        {
            Seed = simulator.WholeNumber("seed", defaults.Seed, int.MinValue, int.MaxValue),
            AdminToken = simulator.Text("admin-token", defaults.AdminToken),
            TickInterval = simulator.Duration("tick-interval", defaults.TickInterval),
            Volatility = simulator.PositiveDecimal("volatility", defaults.Volatility),
            PingInterval = simulator.PositiveDuration("ping-interval", defaults.PingInterval),
            PongTimeout = simulator.PositiveDuration("pong-timeout", defaults.PongTimeout),
            Exchanges = exchanges,
            Schedule = simulator.Has("schedule")
                ? simulator.Sections("schedule").Select(entry => ReadScheduledFault(entry, names)).ToList()
                : [],
        };
    }

    private static List<ExchangeOptions> ReadExchanges(HoconSection exchanges)
    {
        if (exchanges.Keys.Count == 0)
            throw exchanges.Invalid("at least one exchange");
        return exchanges.Keys.Select(name => ReadExchange(name, exchanges.Section(name))).ToList();
    }

    private static ExchangeOptions ReadExchange(string name, HoconSection exchange)
    {
        exchange.RejectUnknownKeys(ExchangeKeys);
        var defaults = new ExchangeOptions(name);
        return defaults with
        {
            Port = exchange.WholeNumber("port", 0, 0, 65535),
            Symbols = exchange.Has("symbols") ? ReadSymbols(exchange.Section("symbols")) : defaults.Symbols,
            Accounts = exchange.Has("accounts") ? ReadAccounts(exchange, "accounts") : defaults.Accounts,
            WeightLimit = exchange.Has("weight-limit") ? ReadWeightLimit(exchange.Section("weight-limit")) : defaults.WeightLimit,
            Faults = exchange.Has("fault") ? FaultSettingsHocon.Read(exchange.Section("fault")) : defaults.Faults,
        };
    }

    private static List<SymbolOptions> ReadSymbols(HoconSection symbols)
    {
        if (symbols.Keys.Count == 0)
            throw symbols.Invalid("at least one symbol");
        return symbols.Keys.Select(symbol => ReadSymbol(symbols, symbol)).ToList();
    }

    // A symbol is either its start price (BTCUSDT = 42000) or an object that also sets its filters.
    private static SymbolOptions ReadSymbol(HoconSection symbols, string symbol)
    {
        if (!symbols.HasSection(symbol))
            return Checked(symbols, symbol, new SymbolOptions(symbol, symbols.PositiveDecimal(symbol, 0)));
        var section = symbols.Section(symbol);
        section.RejectUnknownKeys(SymbolKeys);
        if (!section.Has("price"))
            throw section.Invalid("price", "the symbol's start price");
        var defaults = new SymbolOptions(symbol, section.PositiveDecimal("price", 0));
        return Checked(symbols, symbol, defaults with
        {
            QuoteAsset = section.Text("quote", defaults.QuoteAsset),
            TickSize = section.PositiveDecimal("tick-size", defaults.TickSize),
            StepSize = section.PositiveDecimal("step-size", defaults.StepSize),
            MinNotional = section.NonNegativeDecimal("min-notional", defaults.MinNotional),
        });
    }

    private static SymbolOptions Checked(HoconSection symbols, string key, SymbolOptions symbol)
    {
        try
        {
            symbol.Validate();
            return symbol;
        }
        catch (ArgumentException)
        {
            throw symbols.Invalid(key, "an upper-case symbol ending with its quote asset (set quote = ... when it is not a well-known one)");
        }
    }

    private static List<AccountOptions> ReadAccounts(HoconSection exchange, string key)
    {
        var accounts = exchange.Sections(key).Select(ReadAccount).ToList();
        if (accounts.Count == 0)
            throw exchange.Invalid(key, "at least one account");
        if (accounts.DistinctBy(account => account.ApiKey).Count() != accounts.Count)
            throw exchange.Invalid(key, "accounts with different api-keys");
        return accounts;
    }

    private static AccountOptions ReadAccount(HoconSection account)
    {
        account.RejectUnknownKeys(AccountKeys);
        foreach (var required in new[] { "api-key", "secret" })
            if (!account.Has(required))
                throw account.Invalid(required, "a non-empty string");
        var balances = account.Has("balances") ? account.Section("balances") : null;
        return new AccountOptions(account.Text("api-key", ""), account.Text("secret", ""))
        {
            Balances = balances?.Keys.ToDictionary(asset => asset, asset => balances.NonNegativeDecimal(asset, 0)),
        };
    }

    private static WeightLimitOptions ReadWeightLimit(HoconSection limit)
    {
        limit.RejectUnknownKeys(WeightLimitKeys);
        var defaults = new WeightLimitOptions();
        return new WeightLimitOptions
        {
            Budget = limit.WholeNumber("budget", defaults.Budget, 1, int.MaxValue),
            Window = limit.PositiveDuration("window", defaults.Window),
            BanAfter = limit.WholeNumber("ban-after", defaults.BanAfter, 0, int.MaxValue),
            BanDuration = limit.PositiveDuration("ban-duration", defaults.BanDuration),
        };
    }

    private static ScheduledFault ReadScheduledFault(HoconSection entry, IReadOnlySet<string> exchanges)
    {
        entry.RejectUnknownKeys(ScheduleKeys);
        var exchange = entry.Text("exchange", "");
        if (!exchanges.Contains(exchange))
            throw entry.Invalid("exchange", $"one of the configured exchanges ({string.Join(", ", exchanges)})");
        if (!entry.Has("duration"))
            throw entry.Invalid("duration", "how long the fault lasts, such as 20s");
        return new ScheduledFault(
            exchange,
            entry.Duration("at", TimeSpan.Zero),
            entry.PositiveDuration("duration", TimeSpan.Zero),
            entry.Has("fault") ? FaultSettingsHocon.Read(entry.Section("fault")) : FaultSettings.None);
    }
}
