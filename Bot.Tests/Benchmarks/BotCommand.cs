namespace CrossCoaching.Benchmarks;

/// <summary>How to start the bot: its dll, and environment variables the operator adds (<c>--env K=V,K2=V2</c>) to try runtime settings.</summary>
public sealed record BotCommand(string Dll, IReadOnlyDictionary<string, string> Environment)
{
    public static BotCommand Parse(string dll, string? env) => new(dll, (env ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(kv => kv[0], kv => kv.Length == 2 ? kv[1] : throw new BenchmarkException($"--env wants KEY=VALUE, not '{kv[0]}'."), StringComparer.Ordinal));
}
