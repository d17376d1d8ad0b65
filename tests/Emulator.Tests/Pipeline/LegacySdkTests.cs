using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

/// <summary>
/// Issue 18 item 2: the emulator runs on a Microsoft.Xrm.Sdk without IPluginExecutionContext5–7 (as inside
/// Dataverse.Client 1.0.26) and offers those interfaces when the SDK has them. The old SDK is simulated by the LegacyXrmSdk
/// stand-in (our sources minus the three interfaces, same identity) in a collectible load context that also holds the
/// emulator and this assembly, so they bind to it.
/// </summary>
[TestClass]
public sealed class LegacySdkTests
{
    [TestMethod]
    public void Pipeline_OnAnSdkWithoutContext5To7_RunsTheStepWithAContextUpToInterface4()
    {
        var context = new LegacySdkLoadContext();
        try
        {
            var probe = context.LoadFromAssemblyPath(typeof(LegacySdkTests).Assembly.Location).GetType(typeof(SdkProbe).FullName!)!;

            var outcome = (string)probe.GetMethod(nameof(SdkProbe.RunCreateStep))!.Invoke(null, null)!;

            Assert.AreEqual("sdk=legacy|has7=False|ran=Create|is4=True|is7=False", outcome);
        }
        finally
        {
            context.Unload();
        }
    }

    [TestMethod]
    public void Pipeline_OnAnSdkWithContext5To7_OffersInterface7()
    {
        var outcome = SdkProbe.RunCreateStep();

        Assert.AreEqual("sdk=current|has7=True|ran=Create|is4=True|is7=True", outcome);
    }

    /// <summary>Loads Microsoft.Xrm.Sdk from the stand-in and the emulator's other assemblies from the test folder.</summary>
    private sealed class LegacySdkLoadContext() : AssemblyLoadContext("legacy Microsoft.Xrm.Sdk", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name == "Microsoft.Xrm.Sdk")
            {
                return LoadFromAssemblyPath(LegacySdkPath);
            }

            var local = Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll");
            return File.Exists(local) && !assemblyName.Name!.StartsWith("System.", StringComparison.Ordinal) ? LoadFromAssemblyPath(local) : null;
        }

        private static string LegacySdkPath { get; } = typeof(LegacySdkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LegacyXrmSdk").Value!;
    }
}

/// <summary>Runs one Create with a PreOperation step and describes the context the step got; runs in either load context.</summary>
public static class SdkProbe
{
    /// <summary>"sdk=…|has7=…|ran=…|is4=…|is7=…".</summary>
    public static string RunCreateStep()
    {
        var sdk = typeof(IPluginExecutionContext).Assembly;
        var has7 = sdk.GetType("Microsoft.Xrm.Sdk.IPluginExecutionContext7") is not null;
        var emulator = new XrmEmulator();
        IPluginExecutionContext? seen = null;
        emulator.RegisterStep(new PluginStep
        {
            Message = "Create",
            PrimaryEntity = "lead",
            Stage = PipelineStage.PreOperation,
            PluginFactory = (_, _) => new CapturePlugin(c => seen = c),
        });

        emulator.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Lovelace" });

        var interfaces = seen?.GetType().GetInterfaces().Select(i => i.Name).ToList() ?? [];
        return string.Join("|",
            "sdk=" + (AssemblyLoadContext.GetLoadContext(sdk) == AssemblyLoadContext.Default ? "current" : "legacy"),
            "has7=" + has7,
            "ran=" + seen?.MessageName,
            "is4=" + interfaces.Contains("IPluginExecutionContext4"),
            "is7=" + interfaces.Contains("IPluginExecutionContext7"));
    }

    private sealed class CapturePlugin(Action<IPluginExecutionContext> capture) : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) =>
            capture((IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!);
    }
}
