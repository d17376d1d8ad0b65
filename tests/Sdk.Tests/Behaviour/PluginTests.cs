using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Extensions;

namespace Sdk.Tests.Behaviour;

[TestClass]
public sealed class PluginTests
{
    [TestMethod]
    public void InvalidPluginExecutionException_Message_DefaultsFailedStatusAndNoIsvAbortedCode()
    {
        // Issue 18 (observed on Microsoft.Xrm.Sdk): the pipeline, not the exception, maps to IsvAborted 0x80040265.
        var ex = new InvalidPluginExecutionException("Stop");

        Assert.AreEqual("Stop", ex.Message);
        Assert.AreEqual(OperationStatus.Failed, ex.Status);
        Assert.AreNotEqual(unchecked((int)0x80040265), ex.ErrorCode);
        Assert.AreEqual(PluginHttpStatusCode.NotSet, ex.HttpStatus);
        Assert.IsEmpty(ex.ExceptionDetails);
    }

    [TestMethod]
    public void InvalidPluginExecutionException_AllParts_AreKept()
    {
        var inner = new InvalidOperationException("inner");

        var full = new InvalidPluginExecutionException(OperationStatus.Canceled, 42, "msg", PluginHttpStatusCode.Conflict);
        var withInner = new InvalidPluginExecutionException("outer", inner);
        var withDetails = new InvalidPluginExecutionException("d", PluginHttpStatusCode.BadRequest, new Dictionary<string, string> { ["k"] = "v" });

        Assert.AreEqual(OperationStatus.Canceled, full.Status);
        Assert.AreEqual(42, full.ErrorCode);
        Assert.AreEqual("msg", full.Message);
        Assert.AreEqual(PluginHttpStatusCode.Conflict, full.HttpStatus);
        Assert.AreSame(inner, withInner.InnerException);
        Assert.AreEqual("v", withDetails.ExceptionDetails["k"]);
        Assert.AreEqual(PluginHttpStatusCode.BadRequest, withDetails.HttpStatus);
    }

    [TestMethod]
    public void OrganizationServiceFault_Properties_AreSettable()
    {
        var inner = new OrganizationServiceFault { ErrorCode = 1 };
        var now = DateTime.UtcNow;

        var fault = new OrganizationServiceFault
        {
            ErrorCode = unchecked((int)0x80040217),
            Message = "Does not exist",
            InnerFault = inner,
            Timestamp = now,
            TraceText = "trace",
        };
        fault.ErrorDetails["detail"] = "x";

        Assert.AreEqual(unchecked((int)0x80040217), fault.ErrorCode);
        Assert.AreEqual("Does not exist", fault.Message);
        Assert.AreSame(inner, fault.InnerFault);
        Assert.AreEqual(now, fault.Timestamp);
        Assert.AreEqual("trace", fault.TraceText);
        Assert.AreEqual("x", fault.ErrorDetails["detail"]);
        Assert.Contains("Does not exist", fault.ToString());
    }

    [TestMethod]
    public void RemoteExecutionContext_ImplementsPluginContext()
    {
        var parent = new RemoteExecutionContext { MessageName = "Create" };
        var context = new RemoteExecutionContext { MessageName = "QualifyLead", Stage = 40, Depth = 1, ParentContext = parent, IsInTransaction = true };
        context.InputParameters["LeadId"] = new EntityReference("lead", Guid.NewGuid());
        context.PreEntityImages["PreImage"] = new Entity("lead");

        IPluginExecutionContext asInterface = context;

        Assert.AreEqual("QualifyLead", asInterface.MessageName);
        Assert.AreEqual(40, asInterface.Stage);
        Assert.AreSame(parent, asInterface.ParentContext);
        Assert.IsTrue(asInterface.InputParameters.Contains("LeadId"));
        Assert.IsTrue(asInterface.PreEntityImages.Contains("PreImage"));
        Assert.IsEmpty(asInterface.OutputParameters);
        Assert.IsEmpty(asInterface.SharedVariables);
        Assert.IsTrue(asInterface.IsWithinMainTransaction());
    }

    [TestMethod]
    public void ContextExtensions_InputParameterOrDefault_ReturnsTypedOrDefault()
    {
        var context = new RemoteExecutionContext();
        context.InputParameters["CreateAccount"] = true;

        Assert.IsTrue(context.InputParameterOrDefault<bool>("CreateAccount"));
        Assert.IsNull(context.InputParameterOrDefault<EntityReference>("Missing"));
    }

    [TestMethod]
    public void ServiceProviderExtensions_Get_ResolvesService()
    {
        var tracing = new NullTracing();
        var provider = new SingleServiceProvider(tracing);

        var resolved = provider.Get<ITracingService>();

        Assert.AreSame(tracing, resolved);
    }

    private sealed class NullTracing : ITracingService
    {
        public void Trace(string format, params object[] args)
        {
        }
    }

    private sealed class SingleServiceProvider(object service) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            return serviceType.IsInstanceOfType(service) ? service : null;
        }
    }
}
