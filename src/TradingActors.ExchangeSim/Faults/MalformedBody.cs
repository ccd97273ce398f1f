namespace TradingActors.ExchangeSim.Faults;

/// <summary>The broken bodies a proxy or a failing backend hands out with a 200: cut short, empty, or not JSON at all.</summary>
internal static class MalformedBody
{
    private static readonly byte[] Html = "<html><head><title>502 Bad Gateway</title></head></html>"u8.ToArray();

    public static byte[] Of(byte[] body, FaultDice dice) => dice.Pick(3) switch
    {
        0 => body[..(body.Length / 2)],
        1 => [],
        _ => Html,
    };
}
