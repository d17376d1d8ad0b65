using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>
/// One hand-run plug-in execution (no registration, no other steps): the context values a unit test wants to control.
/// Use with <c>emulator.ExecutePlugin(...)</c>; the plug-in's service calls still go through the emulator's dispatch.
/// </summary>
public sealed class PluginRun
{
    /// <summary>Message name (default Create).</summary>
    public string Message { get; init; } = "Create";

    /// <summary>Stage (default PreOperation).</summary>
    public PipelineStage Stage { get; init; } = PipelineStage.PreOperation;

    /// <summary>Mode (default synchronous).</summary>
    public StepMode Mode { get; init; } = StepMode.Synchronous;

    /// <summary>Shortcut for <c>InputParameters["Target"]</c> (Entity or EntityReference).</summary>
    public object? Target { get; init; }

    /// <summary>Input parameters (Target is added from <see cref="Target"/>).</summary>
    public ParameterCollection InputParameters { get; init; } = new();

    /// <summary>Output parameters (normally only filled in PostOperation).</summary>
    public ParameterCollection OutputParameters { get; init; } = new();

    /// <summary>Shared variables.</summary>
    public ParameterCollection SharedVariables { get; init; } = new();

    /// <summary>Pre-images by alias.</summary>
    public IReadOnlyDictionary<string, Entity> PreImages { get; init; } = new Dictionary<string, Entity>();

    /// <summary>Post-images by alias.</summary>
    public IReadOnlyDictionary<string, Entity> PostImages { get; init; } = new Dictionary<string, Entity>();

    /// <summary>The calling user (default: the emulator's administrator).</summary>
    public Guid? UserId { get; init; }

    /// <summary>Context depth (default 1).</summary>
    public int Depth { get; init; } = 1;

    /// <summary>Parent context (default none).</summary>
    public IPluginExecutionContext? ParentContext { get; init; }
}
