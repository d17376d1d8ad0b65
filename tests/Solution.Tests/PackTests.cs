using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;

namespace LeadQualifyExtensions.Solution.Tests;

[TestClass]
public sealed class PackTests
{
    private const string RegenerateCommand = "dotnet run --project Solution/Packaging -- generate";

    [TestMethod]
    public void Pack_TwiceFromSameSource_IdenticalBytes()
    {
        var first = TestInputs.Pack();

        var second = TestInputs.Pack();

        CollectionAssert.AreEqual(first.Unmanaged, second.Unmanaged);
        CollectionAssert.AreEqual(first.Managed, second.Managed);
    }

    [TestMethod]
    public void Pack_Complete_ZipHasExactlyTheStepsDeclaredOnTheClasses()
    {
        var declared = DeclaredSteps().Order(StringComparer.Ordinal).ToList();

        var packed = ZipEditing.Xml(TestInputs.Packed.Unmanaged, "customizations.xml")
            .Descendants("SdkMessageProcessingStep")
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.IsNotEmpty(declared, "The plug-in assembly declares no steps.");
        CollectionAssert.AreEqual(declared, packed);
    }

    [TestMethod]
    public void Pack_Complete_AssemblyTypesAreEveryPluginAndActivityClass()
    {
        var expected = PublicClasses().Order(StringComparer.Ordinal).ToList();

        var packed = ZipEditing.Xml(TestInputs.Packed.Unmanaged, "customizations.xml")
            .Descendants("PluginType")
            .Select(t => ((string)t.Attribute("AssemblyQualifiedName")!).Split(',')[0])
            .Order(StringComparer.Ordinal)
            .ToList();

        CollectionAssert.AreEqual(expected, packed);
        var activities = ZipEditing.Xml(TestInputs.Packed.Unmanaged, "customizations.xml").Descendants("WorkflowActivityGroupName").ToList();
        Assert.IsNotEmpty(activities);
    }

    [TestMethod]
    public void Pack_Complete_ManifestListsAssembliesStepsAndEnvironmentVariable()
    {
        var result = TestInputs.Packed;

        var unmanaged = ZipEditing.Xml(result.Unmanaged, "solution.xml").Element("SolutionManifest")!;
        var managed = ZipEditing.Xml(result.Managed, "solution.xml").Element("SolutionManifest")!;

        Assert.AreEqual("0", (string?)unmanaged.Element("Managed"));
        Assert.AreEqual("1", (string?)managed.Element("Managed"));
        var roots = unmanaged.Element("RootComponents")!.Elements().ToList();
        Assert.AreEqual(2, roots.Count(r => (string?)r.Attribute("type") == "91" && r.Attribute("schemaName") is not null));
        Assert.AreEqual(result.Steps.Count, roots.Count(r => (string?)r.Attribute("type") == "92"));
        Assert.AreEqual("lqx_LeadQualificationPolicy", (string?)roots.Single(r => (string?)r.Attribute("type") == "380").Attribute("schemaName"));
        Assert.AreEqual($"LeadQualifyExtensions_{result.Version.Replace('.', '_')}.zip", result.UnmanagedFileName);
        Assert.AreEqual($"LeadQualifyExtensions_{result.Version.Replace('.', '_')}_managed.zip", result.ManagedFileName);
    }

    [TestMethod]
    public void Pack_Complete_ServerExportEncodingAndEntryOrder()
    {
        var entries = ZipEditing.Entries(TestInputs.Packed.Unmanaged);

        var names = entries.Keys.ToList();
        Assert.AreEqual("customizations.xml", names[0]);
        Assert.AreEqual("solution.xml", names[1]);
        Assert.AreEqual("[Content_Types].xml", names[^1]);
        Assert.AreEqual((byte)'<', entries["solution.xml"][0]);
        Assert.AreEqual((byte)'<', entries["customizations.xml"][0]);
        Assert.IsTrue(names.All(n => !n.EndsWith('/') && !n.Contains('\\', StringComparison.Ordinal)));
        Assert.IsTrue(names.Any(n => n.StartsWith("environmentvariabledefinitions/lqx_LeadQualificationPolicy/", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Pack_EnvironmentVariable_DefaultValueIsThePolicyJson()
    {
        var definition = ZipEditing.Xml(
            TestInputs.Packed.Unmanaged, "environmentvariabledefinitions/lqx_LeadQualificationPolicy/environmentvariabledefinition.xml");

        var json = System.Text.Json.JsonDocument.Parse((string)definition.Element("defaultvalue")!);

        Assert.AreEqual("100000003", (string?)definition.Element("type"));
        Assert.AreEqual(3, json.RootElement.GetProperty("requiredFields").GetArrayLength());
        Assert.IsTrue(json.RootElement.GetProperty("protectClosedLeads").GetBoolean());
    }

    [TestMethod]
    public void Pack_Default_CompleteZipsWithBothQualifyLeadStepsUnderThePublishedId()
    {
        var result = TestInputs.Packed;

        var qualifyLead = result.Steps.Where(s => s.Declaration.Message == "QualifyLead").ToList();

        Assert.AreEqual($"LeadQualifyExtensions_{result.Version.Replace('.', '_')}.zip", result.UnmanagedFileName);
        Assert.AreEqual($"LeadQualifyExtensions_{result.Version.Replace('.', '_')}_managed.zip", result.ManagedFileName);
        Assert.HasCount(2, qualifyLead);
        Assert.IsTrue(qualifyLead.All(s => s.MessageId == new Guid("644c3365-b36c-431e-b76b-5c3e48adee55")));
        Assert.AreEqual(SolutionPacker.Registrations(TestInputs.Assemblies, TestInputs.Messages).Count, result.Steps.Count);
    }

    [TestMethod]
    public void Pack_MessageIdMissingFromTable_RefusesNamingStepAndMessage()
    {
        var withoutQualifyLead = new MessageTable(TestInputs.Messages.Entries.Where(e => e.Name != "QualifyLead"));

        var error = Assert.ThrowsExactly<PackagingException>(
            () => SolutionPacker.Pack(new PackRequest(TestInputs.Workspace.SourceFolder, TestInputs.Assemblies, withoutQualifyLead)));

        Assert.Contains("'QualifyLead'", error.Message);
        Assert.Contains("Solution/sdkmessages.json", error.Message);
    }

    [TestMethod]
    public void Verify_CompletePackages_Ok()
    {
        var options = TestInputs.VerifyOptions(Baseline.FromSourceFolder(TestInputs.Workspace.SourceFolder));

        var unmanaged = SolutionVerifier.Verify(TestInputs.Packed.UnmanagedFileName, TestInputs.Packed.Unmanaged, options);
        var managed = SolutionVerifier.Verify(TestInputs.Packed.ManagedFileName, TestInputs.Packed.Managed, options);

        Assert.IsTrue(unmanaged.IsOk, unmanaged.ToString());
        Assert.IsTrue(managed.IsOk, managed.ToString());
    }

    [TestMethod]
    public void SourceFolder_CommittedGeneratedFiles_MatchCurrentAssemblies()
    {
        var generated = TestInputs.Packed.GeneratedSourceFiles;
        var source = TestInputs.Workspace.SourceFolder;

        var committed = SolutionPacker.ExistingGeneratedFiles(source);

        var problems = new List<string>();
        problems.AddRange(generated.Keys.Except(committed).Select(f => "missing " + f));
        problems.AddRange(committed.Except(generated.Keys).Select(f => "stale " + f));
        problems.AddRange(generated.Keys.Intersect(committed).Where(f => Text(generated[f]) != Text(File.ReadAllBytes(Path.Combine(source, f)))).Select(f => "differs " + f));
        Assert.IsEmpty(problems, $"Solution/src is out of date with the built assemblies ({string.Join(", ", problems)}). Regenerate it with: {RegenerateCommand}");
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').ReplaceLineEndings("\n");

    private static string Describe(XElement step) =>
        string.Join(
            "|",
            ((string)step.Element("PluginTypeName")!).Split(',')[0],
            ((string)step.Attribute("Name")!).Split(": ")[1].Split(" of ")[0],
            (string?)step.Element("PrimaryEntity"),
            (string?)step.Element("Stage"),
            (string?)step.Element("Mode"),
            (string?)step.Element("Rank"),
            (string?)step.Element("FilteringAttributes"),
            string.Join(
                ";",
                step.Descendants("SdkMessageProcessingStepImage")
                    .Select(i => $"{(string?)i.Element("ImageType")}:{(string?)i.Element("EntityAlias")}:{(string?)i.Element("Attributes")}")));

    /// <summary>The steps as the attributes say, read here independently of the packer with a bare MetadataLoadContext.</summary>
    private static List<string> DeclaredSteps() => WithTypes(DeclaredSteps);

    private static List<string> DeclaredSteps(List<Type> types)
    {
        var result = new List<string>();
        foreach (var type in types)
        {
            foreach (var attribute in type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "PluginStepAttribute"))
            {
                object? Named(string name) => attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();
                string List(string name) => Named(name) is ReadOnlyCollection<CustomAttributeTypedArgument> values ? string.Join(",", values.Select(v => (string)v.Value!)) : string.Empty;
                var images = new List<string>();
                if (Named("PreImage") is string pre)
                {
                    images.Add($"0:{pre}:{List("PreImageAttributes")}");
                }

                if (Named("PostImage") is string post)
                {
                    images.Add($"1:{post}:{List("PostImageAttributes")}");
                }

                result.Add(string.Join(
                    "|",
                    type.FullName,
                    attribute.ConstructorArguments[0].Value,
                    attribute.ConstructorArguments[1].Value,
                    attribute.ConstructorArguments[2].Value,
                    Named("Mode") ?? 0,
                    Named("Rank") ?? 1,
                    List("FilteringAttributes"),
                    string.Join(";", images)));
            }
        }

        return result;
    }

    private static List<string> PublicClasses() => WithTypes(types => types
            .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract)
            .Where(t => t.GetInterfaces().Any(i => i.FullName == "Microsoft.Xrm.Sdk.IPlugin") || IsActivity(t))
            .Select(t => t.FullName!)
            .ToList());

    private static bool IsActivity(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == "System.Activities.CodeActivity")
            {
                return true;
            }
        }

        return false;
    }

    private static T WithTypes<T>(Func<List<Type>, T> read)
    {
        using var context = new MetadataLoadContext(new PathAssemblyResolver(TestInputs.ReferencePaths), "mscorlib");
        return read(TestInputs.Assemblies.SelectMany(a => context.LoadFromByteArray(a.Bytes).GetTypes()).ToList());
    }
}
