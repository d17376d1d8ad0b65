using System;
using System.Activities;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace Sdk.Tests;

/// <summary>
/// The System.Activities stand-in: its public surface must be a subset of the real .NET Framework reference
/// assembly (so net462 activities bind to it), and its WorkflowInvoker must run code activities.
/// </summary>
[TestClass]
public sealed class ActivitiesStandInTests
{
    [TestMethod]
    public void StandIn_PublicSurface_IsSubsetOfReferenceAssembly()
    {
        var directory = ReferenceAssemblyDirectory();
        var resolver = new PathAssemblyResolver(Directory.GetFiles(directory, "*.dll"));
        using var context = new MetadataLoadContext(resolver, "mscorlib");
        var reference = context.LoadFromAssemblyPath(Path.Combine(directory, "System.Activities.dll"));
        var mismatches = new List<string>();

        foreach (var ours in typeof(CodeActivity).Assembly.GetExportedTypes())
        {
            var real = reference.GetType(ours.FullName!);
            if (real is null)
            {
                mismatches.Add($"{ours.FullName}: not in the reference assembly");
                continue;
            }

            var ourLine = SignatureFormatter.TypeModifiers(ours) + " " + SignatureFormatter.TypeSignature(ours, []);
            var realLine = SignatureFormatter.TypeModifiers(real) + " " + SignatureFormatter.TypeSignature(real, []);
            if (ourLine != realLine)
            {
                mismatches.Add($"{ours.FullName}: '{ourLine}' vs reference '{realLine}'");
            }

            var realMembers = SignatureFormatter.Members(real);
            foreach (var member in SignatureFormatter.Members(ours).Where(m => m.Kind != "explicit"))
            {
                if (!realMembers.Contains(member))
                {
                    mismatches.Add($"{ours.FullName}: {member.Kind} '{member.Modifiers} {member.Signature}' not in the reference assembly");
                }
            }
        }

        Assert.IsEmpty(mismatches, string.Join(Environment.NewLine, mismatches));
    }

    [TestMethod]
    public void StandIn_RequiredArgumentAttribute_MatchesApiListing()
    {
        var record = ApiListing.Load().Single(r => r.TypeName == "System.Activities.RequiredArgumentAttribute" && r.Kind == "type");
        var type = typeof(RequiredArgumentAttribute);

        var signature = SignatureFormatter.TypeSignature(type, ApiSurface.DeclaredInterfaces(type));

        Assert.AreEqual(record.Signature, signature);
        Assert.AreEqual(record.Modifiers, SignatureFormatter.TypeModifiers(type));
    }

    [TestMethod]
    public void WorkflowInvoker_InputsAndExtension_ReturnsOutputsByPropertyName()
    {
        var invoker = new WorkflowInvoker(new GreetingActivity());
        invoker.Extensions.Add(new EntityReference("lead", Guid.Empty) { Name = "ext" });

        var outputs = invoker.Invoke(new Dictionary<string, object> { ["Name"] = "Ada" });

        Assert.AreEqual("Hello Ada from ext", outputs["Greeting"]);
        Assert.AreEqual(4, outputs["Counter"]);
        Assert.IsFalse(outputs.ContainsKey("Name"));
    }

    [TestMethod]
    public void WorkflowInvoker_MissingRequiredInput_ThrowsArgumentException()
    {
        var activity = new GreetingActivity();

        Assert.ThrowsExactly<ArgumentException>(() => WorkflowInvoker.Invoke(activity, new Dictionary<string, object>()));
    }

    [TestMethod]
    public void WorkflowInvoker_UnknownInput_ThrowsArgumentException()
    {
        var inputs = new Dictionary<string, object> { ["Name"] = "Ada", ["Nope"] = 1 };

        Assert.ThrowsExactly<ArgumentException>(() => WorkflowInvoker.Invoke(new GreetingActivity(), inputs));
    }

    [TestMethod]
    public void WorkflowInvoker_ActivityThrows_PropagatesOriginalException()
    {
        var activity = new ThrowingActivity();

        var exception = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => WorkflowInvoker.Invoke(activity));

        Assert.AreEqual("boom", exception.Message);
    }

    [TestMethod]
    public void WorkflowInvoker_CodeActivityOfT_ReturnsResult()
    {
        var activity = new DoubleActivity { Value = 21 };

        var result = WorkflowInvoker.Invoke(activity);

        Assert.AreEqual(42, result);
    }

    [TestMethod]
    public void GetExtension_NotRegistered_ReturnsNull()
    {
        var activity = new ExtensionProbeActivity();

        var outputs = WorkflowInvoker.Invoke(activity);

        Assert.IsFalse((bool)outputs["Found"]);
    }

    private static string ReferenceAssemblyDirectory()
    {
        var root = typeof(ActivitiesStandInTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Net462ReferenceAssemblies").Value!;
        return Path.Combine(root, "build", ".NETFramework", "v4.6.2");
    }

    private sealed class GreetingActivity : CodeActivity
    {
        [RequiredArgument]
        public InArgument<string> Name { get; set; } = null!;

        public InOutArgument<int> Counter { get; set; } = null!;

        public OutArgument<string> Greeting { get; set; } = null!;

        protected override void Execute(CodeActivityContext context)
        {
            var source = context.GetExtension<EntityReference>();
            Greeting.Set(context, "Hello " + Name.Get(context) + " from " + source.Name);
            Counter.Set(context, Counter.Get(context) + 4);
        }
    }

    private sealed class ThrowingActivity : CodeActivity
    {
        protected override void Execute(CodeActivityContext context) => throw new InvalidPluginExecutionException("boom");
    }

    private sealed class DoubleActivity : CodeActivity<int>
    {
        public InArgument<int> Value { get; set; } = null!;

        protected override int Execute(CodeActivityContext context) => Value.Get(context) * 2;
    }

    private sealed class ExtensionProbeActivity : CodeActivity
    {
        public OutArgument<bool> Found { get; set; } = null!;

        protected override void Execute(CodeActivityContext context) =>
            Found.Set(context, context.GetExtension<IOrganizationServiceFactory>() is not null);
    }
}
