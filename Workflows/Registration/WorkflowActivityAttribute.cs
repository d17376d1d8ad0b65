using System;

namespace LeadQualifyExtensions.Workflows.Registration;

/// <summary>
/// Declares how a custom workflow activity appears in the process designer. The solution packer reads it
/// from the built assembly to write the activity's plug-in type (name, friendly name, group).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class WorkflowActivityAttribute : Attribute
{
    /// <summary>The designer group every activity of this package appears under.</summary>
    public const string LeadQualificationGroup = "Lead Qualification";

    /// <summary>Declares the activity's designer name.</summary>
    // Stryker disable once Block : equivalent: the solution packer reads the attribute's constructor argument from metadata and never constructs it.
    public WorkflowActivityAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The menu item text in the process designer.</summary>
    public string Name { get; }

    /// <summary>The designer sub-menu.</summary>
    public string Group { get; set; } = LeadQualificationGroup;

    /// <summary>What the activity does, for administrators.</summary>
    public string? Description { get; set; }
}
