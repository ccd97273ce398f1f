namespace TradingActors.ExchangeSim.Trading;

internal readonly record struct AssetBalance(string Asset, decimal Free, decimal Locked);

/// <summary>An account's balances: what is free to trade and what open orders hold locked.</summary>
internal sealed class Account(IReadOnlyDictionary<string, decimal> opening)
{
    private readonly Dictionary<string, AssetBalance> _balances =
        opening.ToDictionary(entry => entry.Key, entry => new AssetBalance(entry.Key, entry.Value, 0));

    public IReadOnlyList<AssetBalance> Balances => _balances.Values.OrderBy(balance => balance.Asset, StringComparer.Ordinal).ToList();

    public bool TryLock(Reservation reservation)
    {
        var balance = BalanceOf(reservation.Asset);
        if (balance.Free < reservation.Amount)
            return false;
        _balances[reservation.Asset] = balance with { Free = balance.Free - reservation.Amount, Locked = balance.Locked + reservation.Amount };
        return true;
    }

    public void Unlock(Reservation reservation)
    {
        var balance = BalanceOf(reservation.Asset);
        _balances[reservation.Asset] = balance with { Free = balance.Free + reservation.Amount, Locked = balance.Locked - reservation.Amount };
    }

    public void Debit(string asset, decimal amount) => Credit(asset, -amount);

    public void Credit(string asset, decimal amount)
    {
        var balance = BalanceOf(asset);
        _balances[asset] = balance with { Free = balance.Free + amount };
    }

    private AssetBalance BalanceOf(string asset) => _balances.GetValueOrDefault(asset, new AssetBalance(asset, 0, 0));
}
