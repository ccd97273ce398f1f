using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>GET /api/v3/account: the balances, with what open orders hold locked.</summary>
internal static class AccountEndpoints
{
    public static void MapAccount(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v3/account", AccountAsync).WithWeight(20);

    private static async Task<IResult> AccountAsync(HttpContext context, Authenticator authenticator, Market market, TimeProvider clock)
    {
        var parameters = await RequestParameters.ReadAsync(context.Request);
        var apiKey = authenticator.Authenticate(context.Request, parameters);
        var balances = market.Balances(apiKey).Select(b => new BalanceResponse(b.Asset, Wire.Amount(b.Free), Wire.Amount(b.Locked))).ToList();
        return Results.Json(new AccountResponse(0, 0, 0, 0, CanTrade: true, CanWithdraw: false, CanDeposit: false,
            Wire.Millis(clock.GetUtcNow()), "SPOT", balances, ["SPOT"]));
    }

    private sealed record AccountResponse(
        int MakerCommission, int TakerCommission, int BuyerCommission, int SellerCommission,
        bool CanTrade, bool CanWithdraw, bool CanDeposit, long UpdateTime, string AccountType,
        IReadOnlyList<BalanceResponse> Balances, IReadOnlyList<string> Permissions);

    private sealed record BalanceResponse(string Asset, string Free, string Locked);
}
