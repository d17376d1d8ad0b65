using System;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.Emulated;

/// <summary>
/// A fresh emulator with every plug-in registered exactly as its PluginStep attributes declare, plus the policy
/// definition as the solution ships it. (The packed-solution import is covered by the solution's own tests.)
/// </summary>
internal static class EmulatedOrganization
{
    public static XrmEmulator Create(string? policyValue = null)
    {
        var emulator = new XrmEmulator();
        Register<QualificationPolicyEnforcer>(emulator);
        Register<QualifiedRecordsLinker>(emulator);
        Register<DisqualifyGuard>(emulator);
        Register<LeadReactivation>(emulator);
        Register<ClosedLeadDeleteGuard>(emulator);
        var definition = new Entity(EnvironmentVariableDefinition.EntityName, Guid.NewGuid());
        definition[EnvironmentVariableDefinition.Fields.SchemaName] = EnvironmentVariableNames.LeadQualificationPolicy;
        definition[EnvironmentVariableDefinition.Fields.DefaultValue] = QualificationPolicy.DefaultJson;
        emulator.Seed(definition);
        if (policyValue is not null)
        {
            var value = new Entity(EnvironmentVariableValue.EntityName, Guid.NewGuid());
            value[EnvironmentVariableValue.Fields.DefinitionId] = definition.ToEntityReference();
            value[EnvironmentVariableValue.Fields.Value] = policyValue;
            emulator.Seed(value);
        }

        return emulator;
    }

    private static void Register<TPlugin>(XrmEmulator emulator)
        where TPlugin : IPlugin
    {
        foreach (var step in typeof(TPlugin).GetCustomAttributes<PluginStepAttribute>())
        {
            var images = step.PreImage is null
                ? Array.Empty<StepImage>()
                : [new StepImage(step.PreImage, StepImageType.PreImage, step.PreImageAttributes)];
            emulator.RegisterStep(new PluginStep
            {
                Message = step.Message,
                PrimaryEntity = step.PrimaryEntity,
                Stage = (PipelineStage)(int)step.Stage,
                Mode = (StepMode)(int)step.Mode,
                Rank = step.Rank,
                FilteringAttributes = step.FilteringAttributes.ToArray(),
                Images = images,
                PluginType = typeof(TPlugin),
            });
        }
    }
}
