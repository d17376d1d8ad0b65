using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Packaging;

/// <summary>What a plug-in type is to the platform.</summary>
public enum PluginTypeKind
{
    /// <summary>A class implementing Microsoft.Xrm.Sdk.IPlugin.</summary>
    Plugin,

    /// <summary>A class deriving System.Activities.CodeActivity.</summary>
    WorkflowActivity,
}

/// <summary>One step as declared by a PluginStepAttribute, with the platform's numbers.</summary>
public sealed record StepDeclaration(
    string Message,
    string PrimaryEntity,
    int Stage,
    int Mode,
    int Rank,
    IReadOnlyList<string> FilteringAttributes,
    string? PreImage,
    IReadOnlyList<string> PreImageAttributes,
    string? PostImage,
    IReadOnlyList<string> PostImageAttributes,
    string? Configuration,
    string? Description);

/// <summary>A plug-in or workflow-activity class found in an assembly.</summary>
public sealed record PluginTypeInfo(
    string FullName,
    PluginTypeKind Kind,
    string? ActivityName,
    string? ActivityGroup,
    string? Description,
    IReadOnlyList<StepDeclaration> Steps);

/// <summary>What the packer knows about one built assembly, read from its metadata.</summary>
public sealed record AssemblyInfo(
    string SimpleName,
    string FullName,
    Version Version,
    string PublicKeyToken,
    string? TargetFramework,
    IReadOnlyList<PluginTypeInfo> Types)
{
    /// <summary>The simple name without dots, as the platform names the assembly's folder and file.</summary>
    public string FileStem => SimpleName.Replace(".", string.Empty, StringComparison.Ordinal);

    /// <summary>Whether the assembly carries a public key (strong name).</summary>
    public bool IsStrongNamed => PublicKeyToken.Length > 0;
}

/// <summary>A step ready to be written: the declaration, its type and its resolved ids.</summary>
public sealed record StepRegistration(
    AssemblyInfo Assembly,
    PluginTypeInfo Type,
    StepDeclaration Declaration,
    Guid StepId,
    Guid? MessageId)
{
    /// <summary>The Plug-in Registration Tool's naming convention.</summary>
    public string Name => $"{Type.FullName}: {Declaration.Message} of {Declaration.PrimaryEntity}";
}
