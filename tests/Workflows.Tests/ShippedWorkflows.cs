using System;
using System.Activities;
using System.Globalization;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Emulator.Workflows;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>
/// The shipped net462 LeadQualifyExtensions.Workflows.dll, loaded by path (it cannot be compiled against from .NET 10),
/// and its types and message texts read through reflection.
/// </summary>
internal static class ShippedWorkflows
{
    public const string AdvanceProcessStage = "LeadQualifyExtensions.Workflows.Activities.AdvanceProcessStage";
    public const string QualifyLeadWithPolicy = "LeadQualifyExtensions.Workflows.Activities.QualifyLeadWithPolicy";
    public const string CompleteLeadProcess = "LeadQualifyExtensions.Workflows.Activities.CompleteLeadProcess";

    private const string MessagesType = "LeadQualifyExtensions.Workflows.ActivityMessages";

    private static readonly Lazy<Assembly> Loaded = new(() => WorkflowHost.LoadAssembly(Path));

    public static string Path => typeof(ShippedWorkflows).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WorkflowsAssembly").Value!;

    public static Assembly Assembly => Loaded.Value;

    public static Activity Create(string typeName) => WorkflowHost.CreateActivity(Assembly, typeName);

    /// <summary>A message constant of ActivityMessages.English / .German, formatted as the activity formats it.</summary>
    public static string Message(int language, string name, params object[] args)
    {
        var nested = language == 1031 ? "German" : "English";
        var type = Assembly.GetType(MessagesType + "+" + nested, throwOnError: true)!;
        var format = (string)type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return string.Format(CultureInfo.GetCultureInfo(language), format, args);
    }
}
