using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>Writes the plug-in assembly and step elements of customizations.xml in the order a server export uses.</summary>
public static class CustomizationsXml
{
    /// <summary>The XML Schema instance namespace, declared on every root.</summary>
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The zip path of the assembly's DLL, without the leading slash.</summary>
    public static string AssemblyPath(AssemblyInfo assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var id = ComponentIds.Assembly(assembly.SimpleName).ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
        return $"PluginAssemblies/{assembly.FileStem}-{id}/{assembly.FileStem}.dll";
    }

    /// <summary>The &lt;PluginAssembly&gt; element with a plug-in type for every plug-in and activity class.</summary>
    public static XElement PluginAssembly(AssemblyInfo assembly, string version)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return new XElement(
            "PluginAssembly",
            new XAttribute("FullName", assembly.FullName),
            new XAttribute("PluginAssemblyId", Format(ComponentIds.Assembly(assembly.SimpleName))),
            new XAttribute("CustomizationLevel", "1"),
            new XElement("IsolationMode", "2"),
            new XElement("SourceType", "0"),
            new XElement("IntroducedVersion", version),
            new XElement("FileName", "/" + AssemblyPath(assembly)),
            new XElement("PluginTypes", assembly.Types.Select(t => PluginType(assembly, t))));
    }

    /// <summary>The &lt;SdkMessageProcessingStep&gt; element with its images.</summary>
    public static XElement Step(StepRegistration step, string version)
    {
        ArgumentNullException.ThrowIfNull(step);
        var declaration = step.Declaration;
        if (step.MessageId is not { } messageId)
        {
            throw new PackagingException($"Step '{step.Name}' has no SDK message id; resolve '{declaration.Message}' first.");
        }

        return new XElement(
            "SdkMessageProcessingStep",
            new XAttribute("Name", step.Name),
            new XAttribute("SdkMessageProcessingStepId", Braced(step.StepId)),
            new XElement("SdkMessageId", Format(messageId)),
            new XElement("PluginTypeName", $"{step.Type.FullName}, {step.Assembly.FullName}"),
            new XElement("PluginTypeId", Format(ComponentIds.PluginType(step.Type.FullName))),
            new XElement("PrimaryEntity", declaration.PrimaryEntity),
            new XElement("AsyncAutoDelete", declaration.Mode == 1 ? "1" : "0"),
            declaration.Configuration is null ? null : new XElement("Configuration", declaration.Configuration),
            new XElement("Description", declaration.Description ?? step.Name),
            new XElement("FilteringAttributes", string.Join(",", declaration.FilteringAttributes)),
            new XElement("InvocationSource", "0"),
            new XElement("Mode", Number(declaration.Mode)),
            new XElement("Rank", Number(declaration.Rank)),
            new XElement("EventHandlerTypeCode", "4602"),
            new XElement("Stage", Number(declaration.Stage)),
            new XElement("IsCustomizable", "1"),
            new XElement("IsHidden", "0"),
            new XElement("SupportedDeployment", "0"),
            new XElement("IntroducedVersion", version),
            ImagesElement(step));
    }

    /// <summary>A GUID as exports write plug-in ids: lower case, no braces.</summary>
    public static string Format(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>A GUID as exports write step and image ids: lower case, in braces.</summary>
    public static string Braced(Guid id) => id.ToString("B", CultureInfo.InvariantCulture);

    private static XElement PluginType(AssemblyInfo assembly, PluginTypeInfo type)
    {
        var isActivity = type.Kind == PluginTypeKind.WorkflowActivity;
        return new XElement(
            "PluginType",
            new XAttribute("AssemblyQualifiedName", $"{type.FullName}, {assembly.FullName}"),
            new XAttribute("PluginTypeId", Format(ComponentIds.PluginType(type.FullName))),
            new XAttribute("Name", isActivity ? type.ActivityName ?? type.FullName : type.FullName),
            type.Description is null ? null : new XElement("Description", type.Description),
            new XElement("FriendlyName", isActivity ? type.ActivityName ?? type.FullName : type.FullName),
            isActivity ? new XElement("WorkflowActivityGroupName", type.ActivityGroup) : null);
    }

    private static XElement ImagesElement(StepRegistration step)
    {
        var images = Images(step).ToList();

        // No children at all (not even indentation) so that an empty list is written as an empty element.
        return images.Count == 0 ? new XElement("SdkMessageProcessingStepImages") : new XElement("SdkMessageProcessingStepImages", images);
    }

    private static IEnumerable<XElement> Images(StepRegistration step)
    {
        var declaration = step.Declaration;
        if (declaration.PreImage is { } pre)
        {
            yield return Image(step, pre, declaration.PreImageAttributes, imageType: 0);
        }

        if (declaration.PostImage is { } post)
        {
            yield return Image(step, post, declaration.PostImageAttributes, imageType: 1);
        }
    }

    private static XElement Image(StepRegistration step, string alias, IReadOnlyList<string> attributes, int imageType) =>
        new(
            "SdkMessageProcessingStepImage",
            new XAttribute("Name", alias),
            new XElement("SdkMessageProcessingStepImageId", Braced(ComponentIds.Image(step.StepId, alias))),
            new XElement("Attributes", string.Join(",", attributes)),
            new XElement("EntityAlias", alias),
            new XElement("ImageType", Number(imageType)),
            new XElement("MessagePropertyName", Messages.ImagePropertyName(step.Declaration.Message)),
            new XElement("IsCustomizable", "1"));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
