using System.Globalization;
using System.Text;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker.Model;

/// <summary>The requests a caller may send; what matters to the breaker is that each is a call to the exchange.</summary>
public enum Call { Price, Order, OrderStatus, Cancel }

/// <summary>
/// One thing that happens to a breaker, the same for the actor and the model. Steps name the calls they act on by
/// position among the requests the exchange holds, oldest first, so that every sequence means something in every
/// state and a shorter one still does. Each step prints as the C# that replays it (see <see cref="Steps"/>).
/// </summary>
public abstract record Step
{
    /// <summary>A caller sends a valid request.</summary>
    public sealed record Send(Call Call) : Step
    {
        public override string ToString() => $"Send(Call.{Call})";
    }

    /// <summary>A caller sends a request that fails the engine's own validation.</summary>
    public sealed record SendInvalid : Step
    {
        public override string ToString() => "SendInvalid()";
    }

    /// <summary>
    /// Time passes to the end of the open time and a request arrives there, ahead of the half-open timer's message
    /// (as when that message waits in the mailbox behind it). Outside Open, a plain <see cref="Send"/>.
    /// </summary>
    public sealed record SendAsOpenTimeEnds(Call Call) : Step
    {
        public override string ToString() => $"SendAsOpenTimeEnds(Call.{Call})";
    }

    /// <summary>The exchange answers the request at <paramref name="Pick"/> (modulo the number it holds; none held: nothing).</summary>
    public sealed record Answer(int Pick, Outcome Outcome) : Step
    {
        public override string ToString() => $"Answer({Pick}, {Print(Outcome)})";
    }

    /// <summary>The connector crashes while handling the request at <paramref name="Pick"/> (none held: nothing), or, with no pick, while handling no request.</summary>
    public sealed record Crash(int? Pick) : Step
    {
        public override string ToString() => Pick is { } pick ? $"CrashOn({pick})" : "CrashIdle()";
    }

    /// <summary>Time passes; every timer due on the way fires at its own instant. A call nobody answers hangs into its call timeout.</summary>
    public sealed record Advance(TimeSpan By) : Step
    {
        public override string ToString() => $"Advance({Ms(By)})";
    }

    /// <summary>Time passes to the next instant the model has a timer due (a call timeout, the end of the open time, ...); none: nothing.</summary>
    public sealed record AdvanceToNextTimer : Step
    {
        public override string ToString() => "AdvanceToNextTimer()";
    }

    public sealed record Isolate : Step
    {
        public override string ToString() => "Isolate()";
    }

    public sealed record Reset : Step
    {
        public override string ToString() => "Reset()";
    }

    public sealed record RecordOnly : Step
    {
        public override string ToString() => "RecordOnly()";
    }

    private static string Print(Outcome outcome) => outcome switch
    {
        Outcome.Success => "Succeeds",
        Outcome.Rejection => "IsRejected",
        Outcome.Failure { RetryAfter: { } after } f => $"Fails(FailureKind.{f.Kind}, ExecutionOutcome.{f.Executed}, retryAfterMs: {Ms(after)})",
        Outcome.Failure f => $"Fails(FailureKind.{f.Kind}, ExecutionOutcome.{f.Executed})",
        _ => outcome.ToString(),
    };

    internal static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The steps as a replayable test writes them: <c>using static TradingActors.Tests.Breaker.Model.Steps;</c></summary>
public static class Steps
{
    public static readonly Outcome Succeeds = new Outcome.Success();
    public static readonly Outcome IsRejected = new Outcome.Rejection();

    public static Outcome Fails(FailureKind kind, ExecutionOutcome executed, double? retryAfterMs = null) =>
        new Outcome.Failure(kind, executed, retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);

    public static Step Send(Call call) => new Step.Send(call);
    public static Step SendInvalid() => new Step.SendInvalid();
    public static Step SendAsOpenTimeEnds(Call call) => new Step.SendAsOpenTimeEnds(call);
    public static Step Answer(int pick, Outcome outcome) => new Step.Answer(pick, outcome);
    public static Step CrashOn(int pick) => new Step.Crash(pick);
    public static Step CrashIdle() => new Step.Crash(null);
    public static Step Advance(double ms) => new Step.Advance(TimeSpan.FromMilliseconds(ms));
    public static Step AdvanceToNextTimer() => new Step.AdvanceToNextTimer();
    public static Step Isolate() => new Step.Isolate();
    public static Step Reset() => new Step.Reset();
    public static Step RecordOnly() => new Step.RecordOnly();
}

/// <summary>One generated case: settings and the steps to drive through them.</summary>
public sealed record Scenario(BreakerSettings Settings, Step[] Steps)
{
    /// <summary>The case as a [Fact] to paste into <c>BreakerModelSpecs</c>.</summary>
    public string ToFact(string name = "Replays_a_sequence_the_model_found")
    {
        var s = Settings;
        var code = new StringBuilder();
        code.AppendLine("[Fact]");
        code.AppendLine($"public void {name}() => Replay(");
        code.AppendLine("    BreakerSettings.Defaults with");
        code.AppendLine("    {");
        code.AppendLine($"        FailurePolicy = FailurePolicy.{s.FailurePolicy}, FailureThreshold = {s.FailureThreshold}, " +
                        $"WindowSize = {s.WindowSize}, WindowDuration = {Span(s.WindowDuration)}, WindowBuckets = {s.WindowBuckets},");
        code.AppendLine($"        MinimumCalls = {s.MinimumCalls}, FailureRateThreshold = {Num(s.FailureRateThreshold)}, " +
                        $"SlowCallDuration = {Span(s.SlowCallDuration)}, SlowCallRateThreshold = {Num(s.SlowCallRateThreshold)},");
        code.AppendLine($"        SuccessThreshold = {s.SuccessThreshold}, HalfOpenMaxCalls = {s.HalfOpenMaxCalls}, " +
                        $"HalfOpenMaxTime = {Span(s.HalfOpenMaxTime)}, HealthCheck = {Bool(s.HealthCheck)},");
        code.AppendLine($"        OpenTimeout = {Span(s.OpenTimeout)}, OpenTimeoutFactor = {Num(s.OpenTimeoutFactor)}, " +
                        $"MaxOpenTimeout = {Span(s.MaxOpenTimeout)}, OpenTimeoutJitter = {Num(s.OpenTimeoutJitter)}, StablePeriod = {Span(s.StablePeriod)},");
        code.AppendLine($"        CallTimeout = {Span(s.CallTimeout)}, MaxConcurrentCalls = {s.MaxConcurrentCalls}, MaxQueuedCalls = {s.MaxQueuedCalls}, " +
                        $"MaxRetries = {s.MaxRetries}, RetryJitter = {Num(s.RetryJitter)},");
        code.AppendLine($"        MetricsOnly = {Bool(s.MetricsOnly)}, CancelsWhenOpen = {Bool(s.CancelsWhenOpen)}, CancelsPerSecond = {Num(s.CancelsPerSecond)},");
        code.Append("    }");
        foreach (var step in Steps)
            code.Append(",\n    ").Append(step);
        code.AppendLine(");");
        return code.ToString();
    }

    public override string ToString() => ToFact();

    private static string Span(TimeSpan span) => $"TimeSpan.FromMilliseconds({Step.Ms(span)})";
    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    private static string Bool(bool value) => value ? "true" : "false";
}
