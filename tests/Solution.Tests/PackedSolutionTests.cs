using System;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.Solution.Tests;

[TestClass]
public sealed class PackedSolutionTests
{
    private const string PolicyDefault =
        """{"requiredFields":["budgetamount","purchasetimeframe","purchaseprocess"],"account":"asRequested","contact":"asRequested","opportunity":"asRequested","reuseExisting":true,"matchExisting":true,"blockDisqualifyWithOpportunity":true,"finishProcessWithoutOpportunity":false,"protectClosedLeads":true}""";

    [TestMethod]
    public void EnvironmentVariables_PackedZip_PolicyDefinitionWithExactDefaultJson()
    {
        var solution = PackedSolution.Read(TestInputs.Packed.Unmanaged);

        var policy = solution.EnvironmentVariables.Single();

        Assert.AreEqual("lqx_LeadQualificationPolicy", policy.SchemaName);
        Assert.AreEqual(100000003, policy.Type);
        Assert.AreEqual(PolicyDefault, policy.DefaultValue);
        Assert.AreEqual("Lead qualification policy", policy.DisplayName);
    }

    [TestMethod]
    public void WorkspacePack_WithExplicitInputs_SameBytesAsPackRequest()
    {
        var paths = TestInputs.Assemblies.Select(a => a.Info.SimpleName).ToList();
        var assemblyPaths = TestInputs.Workspace.MappedAssemblyPaths();

        var result = TestInputs.Workspace.Pack(assemblyPaths, TestInputs.ReferencePaths);

        Assert.HasCount(paths.Count, assemblyPaths);
        Assert.AreEqual(TestInputs.Packed.Steps.Count, result.Steps.Count);
    }

    [TestMethod]
    public void Registrations_SameStepDeclaredTwice_ThrowsAskingForAnotherRank()
    {
        var step = new StepDeclaration("Update", "lead", 20, 0, 1, [], null, [], null, [], null, null);
        var type = new PluginTypeInfo("A.B", PluginTypeKind.Plugin, null, null, null, [step, step with { FilteringAttributes = ["x"] }]);
        var assembly = new AssemblyInfo("A", "A, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef", new Version(1, 0, 0, 0), "0123456789abcdef", null, [type]);

        var exception = Assert.ThrowsExactly<PackagingException>(
            () => SolutionPacker.Registrations([new AssemblyInput(assembly, [])], TestInputs.Messages));

        Assert.Contains("rank", exception.Message);
    }

    [TestMethod]
    public void ReferencePaths_NuGetRoot_FindsNet462ReferenceAssemblies()
    {
        var folder = ReferencePaths.FindNet462ReferenceAssemblies();

        Assert.IsNotNull(folder);
        Assert.IsTrue(File.Exists(Path.Combine(folder, "mscorlib.dll")));
    }
}
