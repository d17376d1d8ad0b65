using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.Loader;
using System.Text;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Solutions;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Pipeline;

[TestClass]
public sealed class SolutionImportTests
{
    private const string CreateMessageId = "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8";
    private const string UpdateMessageId = "20bebb1b-ea3e-db11-86a7-000a3a5473e8";
    private const string CreateStepId = "{0f3a6c1e-7b2d-4c9e-8a1f-5d6e7f809a1b}";
    private const string UpdateStepId = "{1e4b7d2f-8c3e-4daf-9b20-6e7f8091ab2c}";
    private const string PluginTypeId = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    [TestMethod]
    public void Import_ZipWithStep_StepRunsFromTheZippedAssembly()
    {
        var emulator = new XrmEmulator();

        var result = emulator.ImportSolution(BuildZip());
        var id = emulator.GetOrganizationService().Create(TestSupport.Lead());

        Assert.HasCount(2, result.Steps);
        Assert.AreEqual("stamped:from-zip", emulator.Get("lead", id)!.GetAttributeValue<string>("description"));
        Assert.AreEqual("stamp Create stage=20 secure=<null> images=0", emulator.TraceLog.Entries.Single().Text);
    }

    [TestMethod]
    public void Import_ZipAssembly_LoadedIntoOwnContextOnceAndSharingTheSdk()
    {
        var first = new XrmEmulator().ImportSolution(BuildZip());
        var second = new XrmEmulator().ImportSolution(BuildZip());

        var assembly = first.Assemblies.Single();
        Assert.AreSame(assembly, second.Assemblies.Single());
        Assert.AreNotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(assembly));
        var zippedType = first.Steps[0].Step.PluginType!;
        Assert.AreNotSame(typeof(StampDescriptionPlugin), zippedType);
        Assert.IsTrue(typeof(IPlugin).IsAssignableFrom(zippedType), "Microsoft.Xrm.Sdk must come from the host.");
    }

    [TestMethod]
    public void Import_StepFromZip_BehavesLikeTheSameStepRegisteredInCode()
    {
        var fromZip = new XrmEmulator();
        fromZip.ImportSolution(BuildZip());
        var inCode = new XrmEmulator();
        inCode.RegisterStep<StampDescriptionPlugin>("Create", "lead", PipelineStage.PreOperation, unsecureConfiguration: "from-zip");
        inCode.RegisterStep<StampDescriptionPlugin>(
            "Update", "lead", PipelineStage.PreOperation, unsecureConfiguration: "from-zip", filteringAttributes: "firstname",
            images: new StepImage("PreImage", StepImageType.PreImage, "firstname"));

        var zipResult = Run(fromZip);
        var codeResult = Run(inCode);

        Assert.AreEqual(codeResult, zipResult);
        Assert.AreEqual("stamped:from-zip", zipResult.Description);
    }

    [TestMethod]
    public void Import_UpdateStepWithImageAndFilter_ReadFromCustomizations()
    {
        var emulator = new XrmEmulator();

        var update = emulator.ImportSolution(BuildZip()).Steps.Single(s => s.Step.Message == "Update").Step;

        Assert.AreEqual("lead", update.PrimaryEntity);
        Assert.AreEqual(PipelineStage.PreOperation, update.Stage);
        Assert.AreEqual(2, update.Rank);
        CollectionAssert.AreEqual(new[] { "firstname" }, update.FilteringAttributes.ToArray());
        var image = update.Images.Single();
        Assert.AreEqual(("PreImage", StepImageType.PreImage, "Target"), (image.EntityAlias, image.ImageType, image.MessagePropertyName));
        CollectionAssert.AreEqual(new[] { "firstname" }, image.Attributes.ToArray());
    }

    [TestMethod]
    public void Import_EnvironmentVariableDefinition_CreatesRowWithDefault()
    {
        var emulator = new XrmEmulator();

        var result = emulator.ImportSolution(BuildZip());

        CollectionAssert.AreEqual(new[] { "lqx_Threshold" }, result.EnvironmentVariables.ToArray());
        var row = emulator.All("environmentvariabledefinition").Single();
        Assert.AreEqual("lqx_Threshold", row.GetAttributeValue<string>("schemaname"));
        Assert.AreEqual("Threshold", row.GetAttributeValue<string>("displayname"));
        Assert.AreEqual("42", row.GetAttributeValue<string>("defaultvalue"));
        Assert.AreEqual(100000001, row.GetAttributeValue<OptionSetValue>("type").Value);
    }

    [TestMethod]
    public void Import_Twice_ReplacesStepsAndUpgradesVariables()
    {
        var emulator = new XrmEmulator();
        emulator.ImportSolution(BuildZip());

        emulator.ImportSolution(BuildZip(defaultValue: "43"));
        emulator.GetOrganizationService().Create(TestSupport.Lead());

        Assert.HasCount(2, emulator.Plugins.Steps);
        Assert.HasCount(1, emulator.TraceLog.Entries);
        Assert.AreEqual("43", emulator.All("environmentvariabledefinition").Single().GetAttributeValue<string>("defaultvalue"));
    }

    [TestMethod]
    public void Import_UnknownMessageId_IsRejected()
    {
        var emulator = new XrmEmulator();
        var zip = BuildZip(createMessageId: "00000000-0000-0000-0000-000000000001");

        Assert.ThrowsExactly<InvalidDataException>(() => emulator.ImportSolution(zip));
    }

    [TestMethod]
    public void PluginAssemblyLoader_SameBytes_ReturnsTheCachedAssembly()
    {
        var bytes = File.ReadAllBytes(typeof(StampDescriptionPlugin).Assembly.Location);

        var first = PluginAssemblyLoader.Load(bytes);
        var second = PluginAssemblyLoader.Load((byte[])bytes.Clone());

        Assert.AreSame(first, second);
    }

    private static (string? Description, string Traces) Run(XrmEmulator emulator)
    {
        var service = emulator.GetOrganizationService();
        var id = service.Create(TestSupport.Lead());
        service.Update(new Entity("lead", id) { ["lastname"] = "Filtered out" });
        service.Update(new Entity("lead", id) { ["firstname"] = "Grace" });
        var traces = string.Join("|", emulator.TraceLog.Entries.Select(e => $"{e.Message}/{e.Stage}/{e.Text}"));
        return (emulator.Get("lead", id)!.GetAttributeValue<string>("description"), traces);
    }

    private static MemoryStream BuildZip(string createMessageId = CreateMessageId, string defaultValue = "42")
    {
        var assembly = typeof(StampDescriptionPlugin).Assembly;
        var typeName = typeof(StampDescriptionPlugin).FullName;
        var qualified = typeof(StampDescriptionPlugin).AssemblyQualifiedName;
        const string dllPath = "/PluginAssemblies/Tests-7C1D2E3F/Tests.dll";
        var customizations = $"""
            <ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <Entities />
              <SolutionPluginAssemblies>
                <PluginAssembly FullName="{assembly.FullName}" PluginAssemblyId="1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" CustomizationLevel="1">
                  <IsolationMode>2</IsolationMode>
                  <SourceType>0</SourceType>
                  <IntroducedVersion>1.0.0.0</IntroducedVersion>
                  <FileName>{dllPath}</FileName>
                  <PluginTypes>
                    <PluginType AssemblyQualifiedName="{qualified}" PluginTypeId="{PluginTypeId}" Name="{typeName}">
                      <FriendlyName>Stamp</FriendlyName>
                    </PluginType>
                  </PluginTypes>
                </PluginAssembly>
              </SolutionPluginAssemblies>
              <SdkMessageProcessingSteps>
                <SdkMessageProcessingStep Name="Stamp: Create of lead" SdkMessageProcessingStepId="{CreateStepId}">
                  <SdkMessageId>{createMessageId}</SdkMessageId>
                  <PluginTypeName>{qualified}</PluginTypeName>
                  <PluginTypeId>{PluginTypeId}</PluginTypeId>
                  <PrimaryEntity>lead</PrimaryEntity>
                  <AsyncAutoDelete>0</AsyncAutoDelete>
                  <Configuration>from-zip</Configuration>
                  <Description>Stamp</Description>
                  <FilteringAttributes></FilteringAttributes>
                  <InvocationSource>0</InvocationSource>
                  <Mode>0</Mode>
                  <Rank>1</Rank>
                  <EventHandlerTypeCode>4602</EventHandlerTypeCode>
                  <Stage>20</Stage>
                  <IsCustomizable>1</IsCustomizable>
                  <IsHidden>0</IsHidden>
                  <SupportedDeployment>0</SupportedDeployment>
                  <IntroducedVersion>1.0.0.0</IntroducedVersion>
                </SdkMessageProcessingStep>
                <SdkMessageProcessingStep Name="Stamp: Update of lead" SdkMessageProcessingStepId="{UpdateStepId}">
                  <SdkMessageId>{UpdateMessageId}</SdkMessageId>
                  <PluginTypeName>{qualified}</PluginTypeName>
                  <PluginTypeId>{PluginTypeId}</PluginTypeId>
                  <PrimaryEntity>lead</PrimaryEntity>
                  <AsyncAutoDelete>0</AsyncAutoDelete>
                  <Configuration>from-zip</Configuration>
                  <FilteringAttributes>firstname</FilteringAttributes>
                  <Mode>0</Mode>
                  <Rank>2</Rank>
                  <Stage>20</Stage>
                  <SdkMessageProcessingStepImages>
                    <SdkMessageProcessingStepImage Name="PreImage">
                      <SdkMessageProcessingStepImageId>{Guid.Empty:B}</SdkMessageProcessingStepImageId>
                      <Attributes>firstname</Attributes>
                      <EntityAlias>PreImage</EntityAlias>
                      <ImageType>0</ImageType>
                      <MessagePropertyName>Target</MessagePropertyName>
                      <IsCustomizable>1</IsCustomizable>
                    </SdkMessageProcessingStepImage>
                  </SdkMessageProcessingStepImages>
                </SdkMessageProcessingStep>
              </SdkMessageProcessingSteps>
            </ImportExportXml>
            """;
        var variable = $"""
            <environmentvariabledefinition schemaname="lqx_Threshold">
              <defaultvalue>{defaultValue}</defaultvalue>
              <displayname default="Threshold">
                <label description="Threshold" languagecode="1033" />
              </displayname>
              <introducedversion>1.0.0.0</introducedversion>
              <iscustomizable>1</iscustomizable>
              <isrequired>0</isrequired>
              <secretstore>0</secretstore>
              <type>100000001</type>
            </environmentvariabledefinition>
            """;
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "customizations.xml", Encoding.UTF8.GetBytes(customizations));
            Write(archive, dllPath.TrimStart('/'), File.ReadAllBytes(assembly.Location));
            Write(archive, "environmentvariabledefinitions/lqx_Threshold/environmentvariabledefinition.xml", Encoding.UTF8.GetBytes(variable));
        }

        stream.Position = 0;
        return stream;
    }

    private static void Write(ZipArchive archive, string path, byte[] content)
    {
        using var entry = archive.CreateEntry(path).Open();
        entry.Write(content);
    }

    [TestMethod]
    public void PluginContext_Net462ServiceModelReference_ResolvesToTheHostsFaultException()
    {
        // A net462 plug-in's catch (FaultException<OrganizationServiceFault>) references System.ServiceModel 4.0.0.0.
        var name = new System.Reflection.AssemblyName("System.ServiceModel, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089");

        var serviceModel = AssemblyLoadContext.Default.LoadFromAssemblyName(name);
        var faultType = serviceModel.GetType("System.ServiceModel.FaultException`1", throwOnError: true);

        Assert.AreSame(typeof(System.ServiceModel.FaultException<>), faultType);
    }
}
