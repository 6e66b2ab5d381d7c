using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ResearchSecurity.Tests.Shared;

namespace ResearchSecurity.Web.Tests.Infrastructure;

/// <summary>A built host (API, worker or web DLL) run as its own process, its output kept in the artifacts folder.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(string name, string project, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = Info(project, environment, args);
        Directory.CreateDirectory(Artifacts.Logs);
        var log = new StreamWriter(Path.Combine(Artifacts.Logs, $"{name}.log"), append: false) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, log);
    }

    /// <summary>Runs a CLI verb of a host to completion; fails with its output when it exits non-zero.</summary>
    public static async Task RunToCompletionAsync(string project, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(Info(project, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{project} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }

    private static ProcessStartInfo Info(string project, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll(project));
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return info;
    }

    /// <summary>The host built beside this test assembly's configuration (infra/test.sh builds the whole solution).</summary>
    public static string Dll(string project)
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory); // tests/X/bin/<Configuration>/<tfm>/
        var folder = project switch
        {
            "ResearchSecurity.Api" => "api",
            "ResearchSecurity.Worker" or "ResearchSecurity.Cli" => "worker",
            _ => "web",
        };
        var dll = Path.Combine(RepositoryPaths.Root, folder, project, "bin", testDir.Parent!.Name, testDir.Name, project + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
        return dll;
    }

    public static string ContentRoot(string project) => Path.Combine(RepositoryPaths.Root, project == "ResearchSecurity.Web" ? "web" : "api", project);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}

/// <summary>The ignored folder the browser tests write into: screenshots, axe results, host logs.</summary>
public static class Artifacts
{
    public static string Root { get; } = Path.Combine(RepositoryPaths.Root, "tests", "ResearchSecurity.Web.Tests", "artifacts");
    public static string Screenshots => Path.Combine(Root, "screenshots");
    public static string Logs => Path.Combine(Root, "logs");
}
