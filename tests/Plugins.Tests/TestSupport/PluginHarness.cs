using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.TestSupport;

/// <summary>Runs a plug-in the way the platform would for one of its declared steps, against a fake service.</summary>
internal sealed class PluginHarness : IServiceProvider, IOrganizationServiceFactory, ITracingService
{
    private PluginHarness(PluginStepAttribute step, FakeOrganizationService service)
    {
        Service = service;
        Context = new RemoteExecutionContext
        {
            MessageName = step.Message,
            PrimaryEntityName = step.PrimaryEntity,
            Stage = (int)step.Stage,
            Mode = (int)step.Mode,
            Depth = 1,
            UserId = Guid.NewGuid(),
            InitiatingUserId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
        };
    }

    public RemoteExecutionContext Context { get; }

    public FakeOrganizationService Service { get; }

    public List<string> TraceLines { get; } = [];

    /// <summary>A harness for the first declared step of <typeparamref name="TPlugin"/> on <paramref name="message"/> and <paramref name="stage"/>.</summary>
    public static PluginHarness For<TPlugin>(string message, Stage? stage = null, FakeOrganizationService? service = null)
        where TPlugin : IPlugin
    {
        var step = typeof(TPlugin).GetCustomAttributes<PluginStepAttribute>()
            .First(s => s.Message == message && (stage is null || s.Stage == stage));
        return new PluginHarness(step, service ?? new FakeOrganizationService());
    }

    public void Run<TPlugin>()
        where TPlugin : IPlugin, new() => new TPlugin().Execute(this);

    public object? GetService(Type serviceType) =>
        serviceType == typeof(IPluginExecutionContext) ? Context
        : serviceType == typeof(ITracingService) ? this
        : serviceType == typeof(IOrganizationServiceFactory) ? this
        : null;

    public IOrganizationService CreateOrganizationService(Guid? userId) => Service;

    public void Trace(string format, params object[] args) =>
        TraceLines.Add(args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
}
