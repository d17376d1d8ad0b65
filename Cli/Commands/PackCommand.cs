using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LeadQualifyExtensions.Cli.Commands;

/// <summary>
/// lqx pack: packs both zips from the built assemblies. Message ids missing from Solution/sdkmessages.json
/// (QualifyLead) are resolved from the target environment when --environment is given, else from the emulator.
/// An emulator-resolved package carries the emulator's own QualifyLead id, which no real environment has, so it is
/// written apart (artifacts/emulator, "_emulator" in its name) where nobody mistakes it for the importable one.
/// </summary>
public sealed class PackCommand : Command<PackCommand.Settings>
{
    /// <summary>The environment variable a bearer token is read from when --token is not given.</summary>
    public const string TokenVariable = "LQX_DATAVERSE_TOKEN";

    /// <summary>Marks the file names of a package whose unpublished message ids came from the emulator.</summary>
    public const string EmulatorSuffix = "_emulator";

    private readonly IAnsiConsole _console;

    /// <summary>Creates the command writing to <paramref name="console"/>.</summary>
    public PackCommand(IAnsiConsole console) => _console = console;

    /// <summary>Options of pack.</summary>
    public sealed class Settings : CommonSettings
    {
        /// <summary>Output folder.</summary>
        [CommandOption("--out <DIR>")]
        [Description("Folder to write the zips to (default artifacts/solution with --environment, else artifacts/emulator).")]
        public string? Out { get; init; }

        /// <summary>Target environment URL.</summary>
        [CommandOption("--environment <URL>")]
        [Description("Resolve message ids from this Dataverse environment (e.g. https://contoso.crm.dynamics.com) instead of the emulator.")]
        public string? Environment { get; init; }

        /// <summary>Bearer token for --environment.</summary>
        [CommandOption("--token <TOKEN>")]
        [Description("Bearer token for --environment (default: $LQX_DATAVERSE_TOKEN).")]
        public string? Token { get; init; }

        /// <summary>Repository root.</summary>
        [CommandOption("--repo <DIR>")]
        [Description("Repository root (default: found above the current folder).")]
        public string? Repo { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Environment is not null && !Uri.TryCreate(Environment, UriKind.Absolute, out _))
            {
                return ValidationResult.Error($"--environment '{Environment}' is not an absolute URL.");
            }

            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var workspace = RepoContext.Find(settings.Repo);
        var references = workspace.ReferencePaths();
        var assemblies = workspace.ReadAssemblies(references);
        using var http = new HttpClient();
        ISdkMessageResolver resolver;
        string resolvedFrom;
        if (settings.Environment is { } environment)
        {
            var token = settings.Token ?? System.Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new PackagingException($"--environment needs a bearer token: pass --token or set ${TokenVariable}.");
            }

            resolver = new WebApiMessageResolver(http, new Uri(environment), _ => Task.FromResult(token));
            resolvedFrom = environment;
        }
        else
        {
            resolver = new OrganizationServiceMessageResolver(new XrmEmulator().GetOrganizationService());
            resolvedFrom = "the emulator's sdkmessage table";
        }

        var result = SolutionPacker.PackAsync(
            new PackRequest(workspace.SourceFolder, assemblies, workspace.LoadMessages(), resolver), cancellationToken).GetAwaiter().GetResult();
        var forEmulator = settings.Environment is null;
        var output = settings.Out ?? (forEmulator ? Path.Combine(Path.GetDirectoryName(workspace.OutputFolder)!, "emulator") : workspace.OutputFolder);
        foreach (var stale in Directory.Exists(output) ? Directory.GetFiles(output, result.UniqueName + "_*.zip") : [])
        {
            File.Delete(stale);
        }

        var written = result.WriteTo(output).Select(path => forEmulator ? MarkForEmulator(path) : path).ToList();
        var options = RepoContext.VerifyOptions(workspace);
        var table = new Table().AddColumn("Zip").AddColumn("Bytes").AddColumn("Steps").AddColumn("Verification");
        var ok = true;
        foreach (var path in written)
        {
            var report = SolutionVerifier.Verify(path, options);
            ok &= report.IsOk;
            table.AddRow(
                Markup.Escape(path),
                new FileInfo(path).Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                result.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(report.IsOk ? "OK" : string.Join("; ", report.Findings.Select(f => f.ToString()))));
        }

        _console.Write(table);
        _console.WriteLine($"Message ids not in Solution/sdkmessages.json were resolved from {resolvedFrom}.");
        if (forEmulator)
        {
            _console.WriteLine("These zips are for the emulator only: import into Dataverse a zip packed with --environment.");
        }

        return ok ? 0 : 1;
    }

    private static string MarkForEmulator(string path)
    {
        var name = Path.GetFileName(path);
        var marked = name.EndsWith("_managed.zip", StringComparison.Ordinal)
            ? name[..^"_managed.zip".Length] + EmulatorSuffix + "_managed.zip"
            : name[..^".zip".Length] + EmulatorSuffix + ".zip";
        var target = Path.Combine(Path.GetDirectoryName(path)!, marked);
        File.Move(path, target, overwrite: true);
        return target;
    }
}
