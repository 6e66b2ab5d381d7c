namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>The process's peak resident set (Linux VmHWM), which can be reset to the current size for one measurement.</summary>
public static class ResidentMemory
{
    /// <summary>Writing 5 to clear_refs resets VmHWM to the current resident set (Linux 4.0+); elsewhere nothing happens.</summary>
    public static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static long? PeakMegabytes()
    {
        if (!File.Exists("/proc/self/status")) return null;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var value, ..] && long.TryParse(value, out var kb) ? kb : (long?)null;
        return kilobytes / 1024;
    }
}
