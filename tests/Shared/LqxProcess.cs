using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LeadQualifyExtensions.Testing;

/// <summary>
/// lqx in its own process (lqx.dll is built beside the tests), signed in with lqx serve's default token as its README
/// says. Compiled as a linked file into the test projects that run lqx serve, run or deploy as processes.
/// </summary>
internal static class LqxProcess
{
    /// <summary>lqx serve's default token (WebApiOptions.DefaultToken), passed through LQX_DATAVERSE_TOKEN.</summary>
    public const string DefaultToken = "lqx-local-token";

    /// <summary>Starts lqx with <paramref name="args"/>, its output redirected.</summary>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "lqx.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        start.Environment["LQX_DATAVERSE_TOKEN"] = DefaultToken;
        return Process.Start(start)!;
    }

    /// <summary>Waits for <paramref name="process"/> to end; its exit code and output (standard output, then error).</summary>
    public static async Task<(int Code, string Output)> RunToEndAsync(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }

    /// <summary>
    /// What <paramref name="read"/> takes from the first output line it accepts (non-null). Bounded: a serve that never
    /// prints that line fails the test with <paramref name="missing"/> instead of hanging the run.
    /// </summary>
    public static async Task<string> FirstLineAsync(Process process, Func<string, string?> read, string missing)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } line)
        {
            if (read(line) is { } value)
            {
                return value;
            }
        }

        Assert.Fail(missing + ": " + await process.StandardError.ReadToEndAsync());
        return string.Empty;
    }
}
