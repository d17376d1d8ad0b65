using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Workflows;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Workflows.Tests;

/// <summary>The activities as they ship: the workflow assembly inside the packed solution zip, with its plug-ins imported.</summary>
[TestClass]
public sealed class PackedSolutionTests
{
    [TestMethod]
    public void PackedSolution_QualifyLeadWithPolicyFromZip_RunsWithImportedPluginsOneLevelDeeper()
    {
        var support = new TestSupport();
        var import = support.Emulator.ImportSolution(NewestUnmanagedZip());
        var workflows = import.Assemblies.Single(a => a.GetName().Name == "LeadQualifyExtensions.Workflows");
        var lead = new EntityReference("lead", support.Service.Create(new Entity("lead")
        {
            ["lastname"] = "Lovelace",
            ["companyname"] = "Contoso",
            ["budgetamount"] = new Money(1000m),
            ["purchasetimeframe"] = new OptionSetValue(1),
            ["purchaseprocess"] = new OptionSetValue(1),
        }));
        support.Emulator.TraceLog.Clear();

        var result = support.Emulator.RunActivity(workflows, "QualifyLeadWithPolicy", new WorkflowRunOptions
        {
            Inputs = new Dictionary<string, object?> { ["Lead"] = lead },
        });

        Assert.IsNotNull(result.Output<EntityReference>("Opportunity"));
        var leadUpdates = support.Emulator.TraceLog.Entries.Where(e => e.Message == "Update" && e.PrimaryEntity == "lead").ToList();
        Assert.IsNotEmpty(leadUpdates, "The imported plug-ins' Update steps on lead fire for QualifyLead's lead update.");
        Assert.IsTrue(leadUpdates.All(e => e.Depth == 3), "Process depth 1, QualifyLead depth 2, its lead update depth 3.");
    }

    private static string NewestUnmanagedZip()
    {
        var folder = typeof(PackedSolutionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SolutionArtifacts").Value!;
        return Directory.GetFiles(folder, "LeadQualifyExtensions_*.zip")
            .Where(f => !f.EndsWith("_managed.zip", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();
    }
}
