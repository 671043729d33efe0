using System.Globalization;

namespace CrossCoaching.Benchmarks;

/// <summary>Prints the burst's figures against their targets.</summary>
public static class BurstReport
{
    public const double CloseShareTarget = 0.99;

    public static void Print(BurstFigures f)
    {
        Console.WriteLine();
        Line("rooms existing at the slot", $"{f.RoomsAtSlot}/{f.Pairs} ({f.RoomsAtSlotShare:P1})", $"target: 100 %   {InteractionsBenchmark.Verdict(f.RoomsAtSlot == f.Pairs)}");
        Line("latest room ready", f.LatestReady is { } ready ? $"slot{RoomsReport.Seconds(ready)}" : "none", "(negative = before the slot)");
        Line("closes within 5 s of due", $"{f.ClosedWithinTarget}/{f.Pairs} ({f.ClosedWithinShare:P1})",
            $"target: 99 %   {InteractionsBenchmark.Verdict(f.ClosedWithinShare >= CloseShareTarget)}");
        Line("close lateness p99", f.CloseLateP99 is { } p99 ? RoomsReport.Seconds(p99) : "none", "(the close step's done time after its due time)");
        Line("closes spread after the grace", f.CloseSpread is { } spread ? RoomsReport.Seconds(spread) : "none", "(the last close's due time after slot + duration + grace)");
        Line("429s (global)", $"{f.RateLimited} ({f.GlobalRateLimited})", $"target: 0   {InteractionsBenchmark.Verdict(f.RateLimited == 0)}");
        Line("requests retried before retry_after", $"{f.EarlyRetries}", $"target: 0   {InteractionsBenchmark.Verdict(f.EarlyRetries == 0)}");
        Line("member requests (gateway op 8)", $"{f.MemberRequests}", "(no REST request)");
        Line("DM channels opened", $"{f.DmChannelsOpened}", "(known from an earlier week)");
        Line("sessions in the bot's database", f.Statuses, "");
        Line("REST requests per session", f.RequestsPerSession.ToString("0.00", CultureInfo.InvariantCulture),
            $"target: at most {SessionRequests.Target:0}   {InteractionsBenchmark.Verdict(f.RequestsPerSession <= SessionRequests.Target)}");
        Console.WriteLine($"    {SessionRequests.Describe(f.Routes)}");
        Console.WriteLine();
    }

    private static void Line(string what, string value, string note) => Console.WriteLine($"  {what,-38} {value,-20} {note}");
}
