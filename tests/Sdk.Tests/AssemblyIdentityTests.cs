using System;
using System.Reflection;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Sdk.Tests;

/// <summary>The clean-room assemblies must carry Microsoft's identities so that compiled extensions bind to the real SDK.</summary>
[TestClass]
public sealed class AssemblyIdentityTests
{
    private const string MicrosoftToken = "31bf3856ad364e35";

    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk")]
    [DataRow("Microsoft.Crm.Sdk.Proxy")]
    [DataRow("Microsoft.Xrm.Sdk.Workflow")]
    public void SdkAssembly_Identity_IsMicrosoftVersion9(string assemblyName)
    {
        var assembly = Array.Find([typeof(Entity).Assembly, typeof(WhoAmIRequest).Assembly, typeof(IWorkflowContext).Assembly], a => a.GetName().Name == assemblyName);

        var name = assembly!.GetName();

        Assert.AreEqual(new Version(9, 0, 0, 0), name.Version);
        Assert.AreEqual(MicrosoftToken, Token(name));
        Assert.AreEqual($"{assemblyName}, Version=9.0.0.0, Culture=neutral, PublicKeyToken={MicrosoftToken}", assembly.FullName);
    }

    [TestMethod]
    public void ActivitiesStandIn_Identity_IsSystemActivities4()
    {
        var assembly = typeof(System.Activities.CodeActivity).Assembly;

        var name = assembly.GetName();

        Assert.AreEqual($"System.Activities, Version=4.0.0.0, Culture=neutral, PublicKeyToken={MicrosoftToken}", assembly.FullName);
        Assert.AreEqual(MicrosoftToken, Token(name));
    }

    private static string Token(AssemblyName name) => Convert.ToHexStringLower(name.GetPublicKeyToken() ?? []);
}
