using System;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Sales.Bpf;

/// <summary>Handlers of RetrieveProcessInstances, RetrieveActivePath and SetProcess (lead-semantics §5.5).</summary>
internal static class BpfMessages
{
    /// <summary>
    /// RetrieveProcessInstances: every BPF instance bound to (EntityLogicalName, EntityId), newest first, each with the
    /// active stage id in <c>processstageid</c> and the process name in <c>name</c>.
    /// </summary>
    public static OrganizationResponse RetrieveProcessInstances(ISalesContext context, OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var id = Required<Guid>(request, "EntityId");
        var entity = Required<string>(request, "EntityLogicalName");
        if (id == Guid.Empty)
        {
            throw SalesFaults.MissingParameter(request.RequestName ?? SalesNames.RetrieveProcessInstances, "EntityId");
        }

        if (Metadata.MetadataCatalog.Find(entity) is null)
        {
            throw Faults.UnknownTable(entity);
        }

        var processes = new EntityCollection();
        foreach (var instance in BpfRules.InstancesFor(context, entity, id))
        {
            var copy = EntityCloner.Clone(instance);
            if (instance.GetAttributeValue<EntityReference>(BpfRules.ActiveStage) is { } stage)
            {
                copy["processstageid"] = stage.Id;
            }

            processes.Entities.Add(copy);
        }

        var response = new RetrieveProcessInstancesResponse();
        response.Results["Processes"] = processes;
        return response;
    }

    /// <summary>RetrieveActivePath: the processstage rows of the instance's process in path order.</summary>
    public static OrganizationResponse RetrieveActivePath(ISalesContext context, OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = Required<Guid>(request, "ProcessInstanceId");
        var (definition, _) = FindInstance(context, instanceId);
        var stages = new EntityCollection { EntityName = "processstage" };
        foreach (var stage in definition.Stages)
        {
            var row = context.Find("processstage", stage.Id);
            var copy = row is null ? new Entity("processstage", stage.Id) : EntityCloner.Clone(row);
            definition.FillStageRow(copy, stage);
            stages.Entities.Add(copy);
        }

        var response = new RetrieveActivePathResponse();
        response.Results["ProcessStages"] = stages;
        return response;
    }

    /// <summary>
    /// SetProcess: makes NewProcessInstance (or the record's existing instance of NewProcess, or a new one) the record's
    /// active instance. Active = newest by modifiedon, so the chosen instance is touched through a core write.
    /// </summary>
    public static OrganizationResponse SetProcess(ISalesContext context, OrganizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var target = Required<EntityReference>(request, "Target");
        var process = Required<EntityReference>(request, "NewProcess");
        var definition = BpfCatalog.Find(process.Id);
        if (definition is null || !definition.Bindings.TryGetValue(target.LogicalName, out var column))
        {
            throw SalesFaults.InvalidParameter("NewProcess", SalesFaults.Format(
                "{0} is not a business process flow for '{1}'.", process.Id, target.LogicalName));
        }

        if (context.Find(target.LogicalName, target.Id) is null)
        {
            throw Faults.RecordNotFound(target.LogicalName, target.Id);
        }

        Entity? chosen = null;
        if (request.Parameters.TryGetValue("NewProcessInstance", out var value) && value is EntityReference wanted)
        {
            // ProcessInstanceNotFound (doc) for an instance that is not one of the record's instances of NewProcess.
            chosen = context.Find(definition.InstanceTable, wanted.Id);
            if (chosen is null || chosen.GetAttributeValue<EntityReference>(column)?.Id != target.Id)
            {
                throw SalesFaults.InstanceNotFound(wanted.Id, target.LogicalName);
            }
        }
        else
        {
            foreach (var instance in BpfRules.InstancesFor(context, target.LogicalName, target.Id))
            {
                if (instance.GetAttributeValue<EntityReference>(BpfRules.Process)?.Id == definition.ProcessId)
                {
                    chosen = instance;
                    break;
                }
            }
        }

        if (chosen is null)
        {
            var stage = definition.FirstStageOn(target.LogicalName)!;
            context.Execute(new CreateRequest { Target = BpfRules.NewInstance(definition, target.LogicalName, target.Id, stage) });
        }
        else
        {
            context.WriteCore(new Entity(chosen.LogicalName, chosen.Id) { ["name"] = chosen.GetAttributeValue<string>("name") ?? definition.Name });
        }

        return new SetProcessResponse();
    }

    private static (BpfDefinition Definition, Entity Instance) FindInstance(ISalesContext context, Guid instanceId)
    {
        foreach (var definition in BpfCatalog.All)
        {
            if (context.Find(definition.InstanceTable, instanceId) is { } instance)
            {
                return (definition, instance);
            }
        }

        throw Faults.RecordNotFound("businessprocessflowinstance", instanceId);
    }

    private static T Required<T>(OrganizationRequest request, string name)
    {
        if (!request.Parameters.TryGetValue(name, out var value) || value is null)
        {
            throw SalesFaults.MissingParameter(request.RequestName ?? string.Empty, name);
        }

        return value is T typed ? typed : throw SalesFaults.InvalidParameter(name, "expected " + typeof(T).Name + ".");
    }
}
