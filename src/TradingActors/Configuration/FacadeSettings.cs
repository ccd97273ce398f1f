namespace TradingActors.Configuration;

/// <summary>
/// How long an <c>ITradingEngine</c> call waits for the engine's answer (<c>trading.facade</c>). The engine
/// answers every request by its call timeouts; this bound is the safety net beneath them, for an engine that
/// cannot answer at all.
/// </summary>
/// <param name="AnswerTimeout">A fixed bound for every call; null (<c>auto</c>) derives one per exchange.</param>
/// <param name="Margin">With <c>auto</c>, what is added to the longest the engine may take.</param>
public sealed record FacadeSettings(TimeSpan? AnswerTimeout, TimeSpan Margin)
{
    internal static FacadeSettings Read(SettingsReader facade) => new(
        facade.Has("answer-timeout") && facade.Optional("answer-timeout") is not (null or "auto")
            ? facade.Duration("answer-timeout")
            : null,
        facade.Duration("margin", zeroAllowed: true));
}
