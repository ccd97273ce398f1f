using System.Text;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Kraken;

public sealed class KrakenSigningTests
{
    [Fact]
    public async Task ASignedCallIsServed()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());

        var balances = await (await client.PrivateAsync("Balance")).ResultAsync();

        Assert.Equal(10m, balances.GetProperty("XBT").Amount());
    }

    [Fact]
    public async Task ACallWithoutAKeyIsRefusedAsAnInvalidKey()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        client.Http.DefaultRequestHeaders.Remove("API-Key");

        await (await client.PrivateAsync("Balance")).AssertErrorAsync("EAPI:Invalid key");
    }

    [Fact]
    public async Task AnUnknownKeyIsRefusedAsAnInvalidKey()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance(), new AccountOptions("stranger", AccountOptions.Default.Secret));

        await (await client.PrivateAsync("Balance")).AssertErrorAsync("EAPI:Invalid key");
    }

    [Fact]
    public async Task ASignatureMadeWithAnotherSecretIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance(), secret: Encoding.UTF8.GetBytes("wrong"));

        await (await client.PrivateAsync("Balance")).AssertErrorAsync("EAPI:Invalid signature");
    }

    [Fact]
    public async Task ASignatureOverAnotherPathIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        var nonce = client.NextNonce();
        var request = new HttpRequestMessage(HttpMethod.Post, "/0/private/Balance")
        {
            Content = new StringContent($"nonce={nonce}", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("API-Sign", client.Sign("/0/private/OpenOrders", nonce, $"nonce={nonce}"));

        await (await client.Http.SendAsync(request)).AssertErrorAsync("EAPI:Invalid signature");
    }

    [Fact]
    public async Task ARepeatedNonceIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        var nonce = client.NextNonce();
        await (await client.PrivateWithNonceAsync("Balance", nonce)).ResultAsync();

        await (await client.PrivateWithNonceAsync("Balance", nonce)).AssertErrorAsync("EAPI:Invalid nonce");
    }

    [Fact]
    public async Task ALowerNonceIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        var nonce = client.NextNonce();
        await (await client.PrivateWithNonceAsync("Balance", nonce)).ResultAsync();

        await (await client.PrivateWithNonceAsync("Balance", nonce - 1)).AssertErrorAsync("EAPI:Invalid nonce");
    }

    [Fact]
    public async Task ACallWithoutANonceIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var client = new KrakenTestClient(simulator.Binance());
        var request = new HttpRequestMessage(HttpMethod.Post, "/0/private/Balance")
        {
            Content = new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("API-Sign", client.Sign("/0/private/Balance", 0, ""));

        await (await client.Http.SendAsync(request)).AssertErrorAsync("EAPI:Invalid nonce");
    }

    [Fact]
    public async Task ARefusedSignatureDoesNotUseUpTheNonce()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        using var forger = new KrakenTestClient(simulator.Binance(), secret: Encoding.UTF8.GetBytes("wrong"));
        using var client = new KrakenTestClient(simulator.Binance());
        var nonce = client.NextNonce();
        await (await forger.PrivateWithNonceAsync("Balance", nonce + 1000)).AssertErrorAsync("EAPI:Invalid signature");

        await (await client.PrivateWithNonceAsync("Balance", nonce)).ResultAsync();
    }

    [Fact]
    public async Task ABase64SecretIsUsedAsKrakensPrivateKey()
    {
        var key = RandomBytes(64);
        await using var simulator = await KrakenSimulator.StartAsync(exchange => exchange with
        {
            Accounts = [new AccountOptions("kraken-key", Convert.ToBase64String(key))],
        });
        using var client = new KrakenTestClient(simulator.Binance(), new AccountOptions("kraken-key", "unused"), key);

        await (await client.PrivateAsync("Balance")).ResultAsync();
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
