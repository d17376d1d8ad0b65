using System;
using System.Activities;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using LeadQualifyExtensions.Emulator.Workflows;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator;

/// <summary>The custom workflow activity API of <see cref="XrmEmulator"/> (see <see cref="WorkflowHost"/>).</summary>
public static class XrmEmulatorWorkflowExtensions
{
    private static readonly ConditionalWeakTable<XrmEmulator, WorkflowHost> Hosts = [];

    extension(XrmEmulator emulator)
    {
        /// <summary>The emulator's workflow host (runs, trace of each run).</summary>
        public WorkflowHost Workflows => Hosts.GetValue(emulator, static e => new WorkflowHost(e));

        /// <summary>Runs <paramref name="activity"/> as a process step; see <see cref="WorkflowHost.Run(Activity, WorkflowRunOptions)"/>.</summary>
        public WorkflowRunResult RunActivity(Activity activity, WorkflowRunOptions options) => emulator.Workflows.Run(activity, options);

        /// <summary>Runs the activity <paramref name="typeName"/> of <paramref name="assembly"/> as a process step.</summary>
        public WorkflowRunResult RunActivity(Assembly assembly, string typeName, WorkflowRunOptions options) =>
            emulator.Workflows.Run(assembly, typeName, options);

        /// <summary>Runs <paramref name="activity"/> as a process step started by <paramref name="userId"/> (null = administrator).</summary>
        public WorkflowRunResult RunActivity(
            Activity activity, IReadOnlyDictionary<string, object?>? inputs = null, EntityReference? primaryEntity = null,
            WorkflowRunMode mode = WorkflowRunMode.Background, Guid? userId = null) =>
            emulator.Workflows.Run(activity, new WorkflowRunOptions
            {
                Inputs = inputs ?? new Dictionary<string, object?>(StringComparer.Ordinal),
                PrimaryEntity = primaryEntity,
                Mode = mode,
                UserId = userId,
            });
    }
}
