using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>The pipeline stage a step runs in (sdkmessageprocessingstep.stage).</summary>
public enum PipelineStage
{
    /// <summary>10: before the security checks, outside the transaction for a top-level call.</summary>
    PreValidation = 10,

    /// <summary>20: inside the transaction, before the core operation.</summary>
    PreOperation = 20,

    /// <summary>40: inside the transaction (synchronous) or after commit (asynchronous).</summary>
    PostOperation = 40,
}

/// <summary>Execution mode of a step (sdkmessageprocessingstep.mode).</summary>
public enum StepMode
{
    /// <summary>0: runs inside the request.</summary>
    Synchronous = 0,

    /// <summary>1: queued, runs after the request has committed (PostOperation only).</summary>
    Asynchronous = 1,
}

/// <summary>Which image(s) an image registration produces (sdkmessageprocessingstepimage.imagetype).</summary>
public enum StepImageType
{
    /// <summary>0: the record before the core operation.</summary>
    PreImage = 0,

    /// <summary>1: the record after the core operation (PostOperation only).</summary>
    PostImage = 1,

    /// <summary>2: both images under the same alias.</summary>
    Both = 2,
}

/// <summary>An entity image registered on a step.</summary>
public sealed class StepImage
{
    /// <summary>Creates an image registration.</summary>
    /// <param name="alias">The key under which the plug-in finds the image (EntityAlias).</param>
    /// <param name="imageType">Pre, post or both.</param>
    /// <param name="attributes">Columns the image holds; none = all columns.</param>
    public StepImage(string alias, StepImageType imageType, params string[] attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        EntityAlias = alias;
        Name = alias;
        ImageType = imageType;
        Attributes = attributes ?? [];
    }

    /// <summary>Registration name of the image (defaults to the alias).</summary>
    public string Name { get; init; }

    /// <summary>The key in PreEntityImages / PostEntityImages.</summary>
    public string EntityAlias { get; }

    /// <summary>Pre, post or both.</summary>
    public StepImageType ImageType { get; }

    /// <summary>Columns the image holds; empty = all columns.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>The request parameter the image is taken from (Target, EntityMoniker, ...); null = the message's default.</summary>
    public string? MessagePropertyName { get; init; }
}

/// <summary>
/// A plug-in step registration, as sdkmessageprocessingstep holds it. Register it with the emulator (in code) or let the
/// solution importer build it from customizations.xml.
/// </summary>
public sealed record PluginStep
{
    /// <summary>Step id (sdkmessageprocessingstepid).</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Step name; defaults to "&lt;plug-in type&gt;: &lt;Message&gt; of &lt;entity&gt;".</summary>
    public string? Name { get; init; }

    /// <summary>Message name, e.g. <c>Update</c>, <c>QualifyLead</c> or a custom API's unique name.</summary>
    public required string Message { get; init; }

    /// <summary>Primary entity logical name; null, empty or <c>none</c> = any entity (and entity-less messages).</summary>
    public string? PrimaryEntity { get; init; }

    /// <summary>Stage (10, 20, 40).</summary>
    public PipelineStage Stage { get; init; } = PipelineStage.PostOperation;

    /// <summary>Synchronous or asynchronous (asynchronous only in PostOperation).</summary>
    public StepMode Mode { get; init; } = StepMode.Synchronous;

    /// <summary>Execution order within the stage; lower runs first, ties keep registration order.</summary>
    public int Rank { get; init; } = 1;

    /// <summary>Update only: the step runs only if Target contains one of these columns; empty = always.</summary>
    public IReadOnlyCollection<string> FilteringAttributes { get; init; } = [];

    /// <summary>Images the plug-in receives.</summary>
    public IReadOnlyList<StepImage> Images { get; init; } = [];

    /// <summary>Unsecure configuration passed to the plug-in constructor.</summary>
    public string? UnsecureConfiguration { get; init; }

    /// <summary>Secure configuration passed to the plug-in constructor.</summary>
    public string? SecureConfiguration { get; init; }

    /// <summary>The plug-in class (implements <see cref="IPlugin"/>); used when <see cref="PluginFactory"/> is null.</summary>
    public Type? PluginType { get; init; }

    /// <summary>Creates the plug-in from (unsecure, secure) configuration; called once per step.</summary>
    public Func<string?, string?, IPlugin>? PluginFactory { get; init; }

    /// <summary>Display name of the plug-in type (for traces); defaults to <see cref="PluginType"/>'s full name.</summary>
    public string? PluginTypeName { get; init; }

    /// <summary>
    /// The user the step runs as (sdkmessageprocessingstep.impersonatinguserid, "Run in User's Context"): the context's
    /// UserId, so CreateOrganizationService(context.UserId) acts with that user's rights; InitiatingUserId stays the
    /// caller. Null: the calling user.
    /// </summary>
    public Guid? ImpersonatingUserId { get; init; }
}
