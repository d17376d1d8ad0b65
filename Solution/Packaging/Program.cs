using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;

return await PackagingCommand.RunAsync(args).ConfigureAwait(false);

/// <summary>
/// The packer's command line: generate (refresh Solution/src from the built assemblies), pack (write both zips),
/// verify (check zips). Run with: dotnet run --project Solution/Packaging -- &lt;command&gt; [options].
/// </summary>
internal static class PackagingCommand
{
    private const string Usage = """
        Usage: dotnet run --project Solution/Packaging -- <command> [options]
          generate   rewrite Solution/src/PluginAssemblies and SdkMessageProcessingSteps from the built DLLs
          pack       write <Name>_<version>.zip and _managed.zip (default folder artifacts/solution)
          verify     check zips: verify <zip>... [--schema <xsd>] [--baseline <previous zip>]
                     (ids are compared with the previous zip, default the committed Solution/src files)
        Options: --repo <folder> --assembly <dll>... --reference <folder|dll>... --output <folder>
                 --no-verify           pack without verifying
        """;

    /// <summary>Exit code of a command line that does not parse (unknown command, option or argument).</summary>
    public const int ExitUsage = 2;

    // Which options each command takes (value options, then flags); only verify takes arguments (the zips).
    private static readonly Dictionary<string, (string[] Values, string[] Flags, bool Arguments)> Commands = new(StringComparer.Ordinal)
    {
        ["generate"] = (["--repo", "--assembly", "--reference"], [], false),
        ["pack"] = (["--repo", "--assembly", "--reference", "--output"], ["--no-verify"], false),
        ["verify"] = (["--repo", "--reference", "--schema", "--baseline"], [], true),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            await Console.Out.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? ExitUsage : 0;
        }

        Options options;
        try
        {
            options = Commands.TryGetValue(args[0], out var command)
                ? Options.Parse(args.Skip(1).ToArray(), command.Values, command.Flags, command.Arguments)
                : throw new UsageException($"unknown command '{args[0]}'");
        }
        catch (UsageException exception)
        {
            // A typo must not pass for a run with defaults: say what is wrong and how the line goes.
            await Console.Error.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(Usage.Split('\n')[0]).ConfigureAwait(false);
            return ExitUsage;
        }

        try
        {
            var repo = options.Single("--repo") ?? Workspace.FindRepoRoot(Directory.GetCurrentDirectory())
                ?? Workspace.FindRepoRoot(AppContext.BaseDirectory)
                ?? throw new PackagingException("Cannot find LeadQualifyExtensions.sln; pass --repo <folder>.");
            var workspace = new Workspace(repo);
            var references = workspace.ReferencePaths(options.Many("--reference"));
            return args[0] switch
            {
                "generate" => Generate(workspace, references, options),
                "pack" => Pack(workspace, references, options),
                _ => Verify(workspace, references, options),
            };
        }
        catch (PackagingException exception)
        {
            await Console.Error.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static int Generate(Workspace workspace, IReadOnlyList<string> references, Options options)
    {
        var assemblies = workspace.ReadAssemblies(references, options.Many("--assembly"));
        var messages = workspace.LoadMessages();
        var version = SolutionPacker.ReadManifest(workspace.SourceFolder).Version;
        var steps = SolutionPacker.ShippedRegistrations(assemblies, messages);
        var files = SolutionPacker.GenerateSourceFiles(assemblies, steps, version);
        SolutionPacker.WriteSourceFiles(workspace.SourceFolder, files);
        Console.WriteLine($"Wrote {files.Count} generated file(s) under {workspace.SourceFolder}.");
        return 0;
    }

    private static int Pack(Workspace workspace, IReadOnlyList<string> references, Options options)
    {
        var assemblies = workspace.ReadAssemblies(references, options.Many("--assembly"));
        var result = SolutionPacker.Pack(new PackRequest(workspace.SourceFolder, assemblies, workspace.LoadMessages(), workspace.LoadDependencies(), MappingFile.Load(workspace.MappingPath)));
        var output = options.Single("--output") ?? workspace.OutputFolder;
        var written = result.WriteTo(output);
        foreach (var path in written)
        {
            Console.WriteLine($"Packed {path}");
        }

        if (options.Has("--no-verify"))
        {
            return 0;
        }

        var verifyOptions = new VerifyOptions(workspace.SchemaPath, references, workspace.LoadMessages(), Baseline.FromSourceFolder(workspace.SourceFolder), workspace.LoadDependencies());
        var failed = false;
        foreach (var path in written)
        {
            var report = SolutionVerifier.Verify(path, verifyOptions);
            Console.WriteLine(report);
            failed |= !report.IsOk;
        }

        return failed ? 1 : 0;
    }

    private static int Verify(Workspace workspace, IReadOnlyList<string> references, Options options)
    {
        var zips = options.Positional;
        if (zips.Count == 0)
        {
            zips = Directory.Exists(workspace.OutputFolder) ? Directory.GetFiles(workspace.OutputFolder, "*.zip").Order(StringComparer.Ordinal).ToList() : [];
        }

        var baseline = options.Single("--baseline") is { } previous
            ? Baseline.FromZip(SafeZip.ReadFile(previous))
            : Baseline.FromSourceFolder(workspace.SourceFolder);
        var verifyOptions = new VerifyOptions(options.Single("--schema") ?? workspace.SchemaPath, references, workspace.LoadMessages(), baseline, workspace.LoadDependencies());
        var ok = zips.Count > 0;
        foreach (var zip in zips)
        {
            var report = SolutionVerifier.Verify(zip, verifyOptions);
            Console.WriteLine(report);
            ok &= report.IsOk;
        }

        return ok ? 0 : 1;
    }

    private sealed class Options
    {
        private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

        public List<string> Positional { get; } = [];

        public static Options Parse(string[] args, string[] valueOptions, string[] flags, bool arguments)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                if (!arg.StartsWith('-'))
                {
                    options.Positional.Add(arguments ? arg : throw new UsageException($"unexpected argument '{arg}'"));
                    continue;
                }

                var isFlag = flags.Contains(arg, StringComparer.Ordinal);
                if (!isFlag && !valueOptions.Contains(arg, StringComparer.Ordinal))
                {
                    throw new UsageException($"unknown option '{arg}'");
                }

                if (!options._values.TryGetValue(arg, out var values))
                {
                    values = [];
                    options._values[arg] = values;
                }

                if (!isFlag)
                {
                    values.Add(i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                        ? args[++i]
                        : throw new UsageException($"option '{arg}' needs a value"));
                }
            }

            return options;
        }

        public bool Has(string name) => _values.ContainsKey(name);

        public string? Single(string name) => _values.TryGetValue(name, out var values) ? values.LastOrDefault() : null;

        public List<string> Many(string name) => _values.TryGetValue(name, out var values) ? values : [];
    }
}
