using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using LeadQualifyExtensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

/// <summary>Runs a test-supplied body; registered through PluginFactory so each test observes its own closure.</summary>
internal sealed class DelegatePlugin(Action<IPluginExecutionContext, IServiceProvider> body) : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        body(context, serviceProvider);
    }

    public static PluginStep Step(
        string message, string? entity, PipelineStage stage, Action<IPluginExecutionContext, IServiceProvider> body,
        int rank = 1, StepMode mode = StepMode.Synchronous, string? name = null) => new()
        {
            Message = message,
            PrimaryEntity = entity,
            Stage = stage,
            Mode = mode,
            Rank = rank,
            Name = name,
            PluginTypeName = nameof(DelegatePlugin),
            PluginFactory = (_, _) => new DelegatePlugin(body),
        };
}

/// <summary>Helpers for plug-in bodies.</summary>
internal static class PluginServices
{
    public static IOrganizationService Service(this IServiceProvider provider, Guid? userId = null)
    {
        var context = (IPluginExecutionContext)provider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)provider.GetService(typeof(IOrganizationServiceFactory))!;
        return factory.CreateOrganizationService(userId ?? context.UserId);
    }

    public static ITracingService Tracing(this IServiceProvider provider) =>
        (ITracingService)provider.GetService(typeof(ITracingService))!;
}

/// <summary>Traces the configuration its (unsecure, secure) constructor received.</summary>
public sealed class ConfigEchoPlugin(string? unsecure, string? secure) : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) =>
        serviceProvider.Tracing().Trace("unsecure={0};secure={1}", unsecure ?? "<null>", secure ?? "<null>");
}

/// <summary>Only an (unsecure) constructor: the platform passes the unsecure configuration.</summary>
public sealed class UnsecureOnlyPlugin(string? unsecure) : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => serviceProvider.Tracing().Trace("unsecure={0}", unsecure ?? "<null>");
}

/// <summary>Traces the identity of the instance executing.</summary>
public sealed class InstanceTracePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) =>
        serviceProvider.Tracing().Trace(RuntimeHelpers.GetHashCode(this).ToString(CultureInfo.InvariantCulture));
}

/// <summary>Cancels the operation the way plug-ins should.</summary>
public sealed class IpeePlugin : IPlugin
{
    public const string Text = "The lead cannot be saved: subject is mandatory for this source.";

    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(Text);
}

/// <summary>Fails with an unexpected exception.</summary>
public sealed class CrashingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => throw new InvalidOperationException("boom: null reference in ISV code");
}

/// <summary>
/// Stamps the unsecure configuration into Target.description (PreOperation) and traces it. Used by the solution-zip
/// test, which loads this very class from the test assembly's bytes into its own AssemblyLoadContext.
/// </summary>
public sealed class StampDescriptionPlugin(string? unsecure, string? secure) : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        target["description"] = "stamped:" + (unsecure ?? string.Empty);
        var images = context.PreEntityImages.Count.ToString(CultureInfo.InvariantCulture);
        serviceProvider.Tracing().Trace("stamp {0} stage={1} secure={2} images={3}", context.MessageName, context.Stage, secure ?? "<null>", images);
    }
}
