using System;

namespace LeadQualifyExtensions.Plugins.Registration;

/// <summary>
/// Declares one step on which Dataverse runs the plug-in class. The solution packer reads these attributes
/// from the built assembly to write the solution's steps and images, and <see cref="PluginBase"/> reads the
/// same attributes at run time to match the executing step: one declaration, three readers.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PluginStepAttribute : Attribute
{
    /// <summary>Declares a step on <paramref name="message"/> of <paramref name="primaryEntity"/> in <paramref name="stage"/>.</summary>
    public PluginStepAttribute(string message, string primaryEntity, Stage stage)
    {
        Message = message;
        PrimaryEntity = primaryEntity;
        Stage = stage;
    }

    /// <summary>The SDK message name, e.g. QualifyLead or Update.</summary>
    public string Message { get; }

    /// <summary>The table logical name the step is filtered on.</summary>
    public string PrimaryEntity { get; }

    /// <summary>The pipeline stage.</summary>
    public Stage Stage { get; }

    /// <summary>Synchronous (default) or asynchronous; asynchronous only in <see cref="Stage.PostOperation"/>.</summary>
    public ExecutionMode Mode { get; set; } = ExecutionMode.Synchronous;

    /// <summary>Execution order among steps of the same message and stage.</summary>
    public int Rank { get; set; } = 1;

    /// <summary>Columns whose change triggers the step; Update only. Empty means every column.</summary>
    public string[] FilteringAttributes { get; set; } = [];

    /// <summary>Alias of the pre-image, or null for none.</summary>
    public string? PreImage { get; set; }

    /// <summary>Columns of the pre-image.</summary>
    public string[] PreImageAttributes { get; set; } = [];

    /// <summary>Alias of the post-image (post-operation only), or null for none.</summary>
    public string? PostImage { get; set; }

    /// <summary>Columns of the post-image.</summary>
    public string[] PostImageAttributes { get; set; } = [];

    /// <summary>Unsecure configuration passed to the plug-in's constructor.</summary>
    public string? Configuration { get; set; }

    /// <summary>What the step does, for administrators reading the solution.</summary>
    public string? Description { get; set; }

    /// <summary>True when this declaration is the step the platform is executing.</summary>
    internal bool Matches(string message, string primaryEntity, int stage, int mode) =>
        string.Equals(Message, message, StringComparison.Ordinal)
        && string.Equals(PrimaryEntity, primaryEntity, StringComparison.Ordinal)
        && (int)Stage == stage
        && (int)Mode == mode;
}
