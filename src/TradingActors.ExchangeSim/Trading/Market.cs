using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Trading;

/// <summary>
/// One exchange's market: prices, the order book of resting orders, and the accounts' balances.
/// Requests and the ticker reach it from many threads, so one lock guards it; nothing in it waits.
/// Trades and order updates are published under that lock too, so that a stream never sees a symbol's
/// ids out of order, nor an order's fill before its acceptance.
/// </summary>
internal sealed class Market
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SymbolOptions> _symbols;
    private readonly Dictionary<string, PriceWalk> _walks;
    private readonly Dictionary<string, long> _lastTradeIds;
    private readonly Dictionary<string, Account> _accounts;
    private readonly Dictionary<long, Order> _orders = [];
    private readonly Dictionary<long, Order> _openOrders = [];
    private readonly TimeProvider _clock;
    private readonly Action<Trade> _publish;
    private readonly Action<OrderUpdate> _report;
    private long _lastOrderId;
    private long _lastExecutionId;

    public Market(ExchangeOptions exchange, int seed, decimal volatility, TimeProvider clock, Action<Trade> publish, Action<OrderUpdate> report)
    {
        _symbols = exchange.Symbols.ToDictionary(symbol => symbol.Symbol);
        _walks = exchange.Symbols.ToDictionary(
            symbol => symbol.Symbol,
            symbol => new PriceWalk(symbol, volatility, Seeds.For(seed, exchange.Name, symbol.Symbol)));
        _lastTradeIds = exchange.Symbols.ToDictionary(symbol => symbol.Symbol, _ => 0L);
        _accounts = exchange.Accounts.ToDictionary(
            account => account.ApiKey,
            account => new Account(account.Balances ?? DefaultBalances(exchange.Symbols)));
        _clock = clock;
        _publish = publish;
        _report = report;
    }

    public IEnumerable<string> Symbols => _symbols.Keys;

    public SymbolOptions Symbol(string symbol) =>
        _symbols.TryGetValue(symbol, out var options) ? options : throw ExchangeError.InvalidSymbol();

    public decimal PriceOf(string symbol)
    {
        var options = Symbol(symbol);
        lock (_gate)
            return _walks[options.Symbol].Price;
    }

    /// <summary>Moves every symbol's price one step, prints the market trade, and fills the resting orders it crosses.</summary>
    public void Step()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var (symbol, walk) in _walks)
            {
                var step = walk.Step();
                Print(symbol, step.Price, step.Quantity, step.BuyerIsMaker, now);
                var crossed = _openOrders.Values.Where(order => order.Request.Symbol == symbol && Crosses(order.Request, step.Price)).ToList();
                foreach (var order in crossed)
                    Execute(order, order.Request.Price, buyerIsMaker: order.Request.Side == OrderSide.Buy, now);
            }
        }
    }

    public Order Place(string apiKey, OrderRequest request)
    {
        var symbol = Symbol(request.Symbol);
        lock (_gate)
        {
            var price = _walks[symbol.Symbol].Price;
            OrderFilters.Check(request, symbol, price);
            var orderId = ++_lastOrderId;
            var clientOrderId = request.ClientOrderId ?? $"sim-{orderId}";
            if (_openOrders.Values.Any(order => order.ApiKey == apiKey && order.ClientOrderId == clientOrderId))
                throw ExchangeError.DuplicateOrder();
            var reservation = request.Side == OrderSide.Buy
                ? new Reservation(symbol.QuoteAsset, request.Quantity * (request.Type == OrderType.Limit ? request.Price : price))
                : new Reservation(symbol.BaseAsset, request.Quantity);
            if (!_accounts[apiKey].TryLock(reservation))
                throw ExchangeError.InsufficientBalance();

            var order = new Order(orderId, apiKey, clientOrderId, request, reservation, _clock.GetUtcNow());
            _orders.Add(orderId, order);
            Report(order, ExecutionType.New);
            // The incoming order takes liquidity, so on a buy the seller is the maker.
            if (request.Type == OrderType.Market || Crosses(request, price))
                return Execute(order, price, buyerIsMaker: request.Side == OrderSide.Sell, order.Time);
            if (request.TimeInForce != TimeInForce.Gtc)
                return Report(Close(order, OrderStatus.Expired), ExecutionType.Expired).Order;
            _openOrders.Add(orderId, order);
            return order;
        }
    }

    public Order Find(string apiKey, string symbol, OrderReference reference)
    {
        Symbol(symbol);
        lock (_gate)
            return Lookup(apiKey, symbol, reference) ?? throw ExchangeError.OrderDoesNotExist();
    }

    /// <param name="cancelClientOrderId">The cancel request's own client order id; null: the exchange makes one up.</param>
    public OrderUpdate Cancel(string apiKey, string symbol, OrderReference reference, string? cancelClientOrderId)
    {
        Symbol(symbol);
        lock (_gate)
        {
            var order = Lookup(apiKey, symbol, reference);
            if (order is not { IsOpen: true })
                throw ExchangeError.UnknownOrderSent();
            return Report(Close(order, OrderStatus.Canceled), ExecutionType.Canceled,
                cancelClientOrderId ?? $"sim-cancel-{order.OrderId}", order.ClientOrderId);
        }
    }

    public IReadOnlyList<Order> OpenOrders(string apiKey, string? symbol)
    {
        if (symbol is not null)
            Symbol(symbol);
        lock (_gate)
            return _openOrders.Values
                .Where(order => order.ApiKey == apiKey && (symbol is null || order.Request.Symbol == symbol))
                .OrderBy(order => order.OrderId)
                .ToList();
    }

    public IReadOnlyList<AssetBalance> Balances(string apiKey)
    {
        lock (_gate)
            return _accounts[apiKey].Balances;
    }

    private static bool Crosses(OrderRequest request, decimal price) =>
        request.Type == OrderType.Limit && (request.Side == OrderSide.Buy ? price <= request.Price : price >= request.Price);

    private Order Execute(Order order, decimal price, bool buyerIsMaker, DateTimeOffset now)
    {
        var (symbol, quantity) = (_symbols[order.Request.Symbol], order.Request.Quantity);
        var account = _accounts[order.ApiKey];
        account.Unlock(order.Reservation);
        if (order.Request.Side == OrderSide.Buy)
        {
            account.Debit(symbol.QuoteAsset, quantity * price);
            account.Credit(symbol.BaseAsset, quantity);
        }
        else
        {
            account.Debit(symbol.BaseAsset, quantity);
            account.Credit(symbol.QuoteAsset, quantity * price);
        }

        var trade = Print(symbol.Symbol, price, quantity, buyerIsMaker, now);
        var maker = buyerIsMaker == (order.Request.Side == OrderSide.Buy);
        var filled = order with { Status = OrderStatus.Filled, UpdateTime = now, Fill = new Fill(price, quantity, trade.Id, maker) };
        _orders[order.OrderId] = filled;
        _openOrders.Remove(order.OrderId);
        Report(filled, ExecutionType.Trade);
        return filled;
    }

    private Order Close(Order order, OrderStatus status)
    {
        _accounts[order.ApiKey].Unlock(order.Reservation);
        var closed = order with { Status = status, UpdateTime = _clock.GetUtcNow() };
        _orders[order.OrderId] = closed;
        _openOrders.Remove(order.OrderId);
        return closed;
    }

    private OrderUpdate Report(Order order, ExecutionType execution, string? clientOrderId = null, string originalClientOrderId = "")
    {
        var update = new OrderUpdate(order, execution, ++_lastExecutionId, clientOrderId ?? order.ClientOrderId, originalClientOrderId);
        _report(update);
        return update;
    }

    private Trade Print(string symbol, decimal price, decimal quantity, bool buyerIsMaker, DateTimeOffset now)
    {
        var trade = new Trade(symbol, ++_lastTradeIds[symbol], price, quantity, now, buyerIsMaker);
        _publish(trade);
        return trade;
    }

    // By client order id, the latest order wins: an id is unique only among open orders, and an open
    // order is always the latest one to carry its id.
    private Order? Lookup(string apiKey, string symbol, OrderReference reference)
    {
        var order = reference.OrderId is { } orderId
            ? _orders.GetValueOrDefault(orderId)
            : _orders.Values.Where(o => o.ApiKey == apiKey && o.ClientOrderId == reference.ClientOrderId).MaxBy(o => o.OrderId);
        return order is not null && order.ApiKey == apiKey && order.Request.Symbol == symbol ? order : null;
    }

    private static Dictionary<string, decimal> DefaultBalances(IEnumerable<SymbolOptions> symbols)
    {
        var balances = new Dictionary<string, decimal>();
        foreach (var symbol in symbols)
            balances.TryAdd(symbol.BaseAsset, 10m);
        foreach (var symbol in symbols)
            balances[symbol.QuoteAsset] = 100_000m;
        return balances;
    }
}
