using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A serializable, settable <see cref="IPluginExecutionContext"/> (the context Dataverse sends to service
/// endpoints; also usable by hosts that run plug-ins).
/// </summary>
[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[KnownType("GetKnownParameterTypes")]
public sealed class RemoteExecutionContext : IPluginExecutionContext, IExecutionContext, IExtensibleDataObject
{
    // DataContractSerializer needs writable members; the public collection properties are get-only.
    [DataMember(Name = "InputParameters")]
    private ParameterCollection _inputParameters = new();

    [DataMember(Name = "OutputParameters")]
    private ParameterCollection _outputParameters = new();

    [DataMember(Name = "SharedVariables")]
    private ParameterCollection _sharedVariables = new();

    [DataMember(Name = "PreEntityImages")]
    private EntityImageCollection _preEntityImages = new();

    [DataMember(Name = "PostEntityImages")]
    private EntityImageCollection _postEntityImages = new();

    [DataMember]
    public Guid BusinessUnitId { get; set; }

    [DataMember]
    public Guid CorrelationId { get; set; }

    [DataMember]
    public int Depth { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember(IsRequired = false)]
    public Guid InitiatingUserAzureActiveDirectoryObjectId { get; set; }

    [DataMember]
    public Guid InitiatingUserId { get; set; }

    public ParameterCollection InputParameters => _inputParameters ??= new ParameterCollection();

    [DataMember]
    public bool IsExecutingOffline { get; set; }

    [DataMember]
    public bool IsInTransaction { get; set; }

    [DataMember]
    public bool IsOfflinePlayback { get; set; }

    [DataMember]
    public int IsolationMode { get; set; }

    [DataMember]
    public string MessageName { get; set; } = null!;

    [DataMember]
    public int Mode { get; set; }

    [DataMember]
    public DateTime OperationCreatedOn { get; set; }

    [DataMember]
    public Guid OperationId { get; set; }

    [DataMember]
    public Guid OrganizationId { get; set; }

    [DataMember]
    public string OrganizationName { get; set; } = null!;

    public ParameterCollection OutputParameters => _outputParameters ??= new ParameterCollection();

    [DataMember]
    public EntityReference? OwningExtension { get; set; }

    [DataMember]
    public RemoteExecutionContext? ParentContext { get; set; }

    public EntityImageCollection PostEntityImages => _postEntityImages ??= new EntityImageCollection();

    public EntityImageCollection PreEntityImages => _preEntityImages ??= new EntityImageCollection();

    [DataMember]
    public Guid PrimaryEntityId { get; set; }

    [DataMember]
    public string PrimaryEntityName { get; set; } = null!;

    [DataMember]
    public Guid? RequestId { get; set; }

    [DataMember]
    public string? SecondaryEntityName { get; set; }

    public ParameterCollection SharedVariables => _sharedVariables ??= new ParameterCollection();

    [DataMember]
    public int Stage { get; set; }

    [DataMember(IsRequired = false)]
    public Guid UserAzureActiveDirectoryObjectId { get; set; }

    [DataMember]
    public Guid UserId { get; set; }

    IPluginExecutionContext? IPluginExecutionContext.ParentContext => ParentContext;

    private static IEnumerable<Type> GetKnownParameterTypes()
    {
        return KnownTypes.ParameterTypes();
    }
}
