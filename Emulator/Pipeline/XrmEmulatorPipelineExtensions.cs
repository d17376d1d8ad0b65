using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Solutions;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator;

/// <summary>
/// The plug-in API of <see cref="XrmEmulator"/>: register steps, read the trace log, run async jobs. The pipeline is
/// attached to the emulator's dispatch point the first time any of these is used.
/// </summary>
public static class XrmEmulatorPipelineExtensions
{
    private static readonly ConditionalWeakTable<XrmEmulator, EmulatorPipeline> Attached = [];

    extension(XrmEmulator emulator)
    {
        /// <summary>The emulator's plug-in pipeline (steps, trace log, async jobs).</summary>
        public EmulatorPipeline Plugins => Attached.GetValue(emulator, static e =>
        {
            var pipeline = new EmulatorPipeline(e);
            e.Executor.Pipeline = pipeline;
            return pipeline;
        });

        /// <summary>Every ITracingService line written by plug-ins, plus unhandled plug-in exceptions.</summary>
        public TraceLog TraceLog => emulator.Plugins.TraceLog;

        /// <summary>Every asynchronous job queued so far, with its status.</summary>
        public IReadOnlyList<AsyncJob> AsyncJobs => emulator.Plugins.AsyncJobs;

        /// <summary>Registers a step.</summary>
        public RegisteredStep RegisterStep(PluginStep step) => emulator.Plugins.RegisterStep(step);

        /// <summary>Registers <typeparamref name="TPlugin"/> on a message (constructor chosen as the platform does).</summary>
        public RegisteredStep RegisterStep<TPlugin>(
            string message, string? primaryEntity = null, PipelineStage stage = PipelineStage.PostOperation,
            StepMode mode = StepMode.Synchronous, int rank = 1, string? filteringAttributes = null,
            string? unsecureConfiguration = null, string? secureConfiguration = null, params StepImage[] images)
            where TPlugin : IPlugin =>
            emulator.Plugins.RegisterStep(new PluginStep
            {
                Message = message,
                PrimaryEntity = primaryEntity,
                Stage = stage,
                Mode = mode,
                Rank = rank,
                FilteringAttributes = SplitColumns(filteringAttributes),
                UnsecureConfiguration = unsecureConfiguration,
                SecureConfiguration = secureConfiguration,
                Images = images,
                PluginType = typeof(TPlugin),
            });

        /// <summary>Runs queued asynchronous jobs until none is left; returns how many ran.</summary>
        public int RunAsyncJobs() => emulator.Plugins.RunAsyncJobs();

        /// <summary>Runs a plug-in instance by hand (no registration); returns its context for assertions.</summary>
        public PluginExecutionContext ExecutePlugin(IPlugin plugin, PluginRun run) => emulator.Plugins.ExecutePlugin(plugin, run);

        /// <summary>Creates <typeparamref name="TPlugin"/> with the given configuration and runs it by hand.</summary>
        public PluginExecutionContext ExecutePlugin<TPlugin>(PluginRun run, string? unsecureConfiguration = null, string? secureConfiguration = null)
            where TPlugin : IPlugin =>
            emulator.Plugins.ExecutePlugin(RegisteredStep.CreateFromType(typeof(TPlugin), unsecureConfiguration, secureConfiguration), run);

        /// <summary>Imports plug-in assemblies, steps and environment variable definitions from a solution zip file.</summary>
        public SolutionImportResult ImportSolution(string zipPath) => SolutionImporter.Import(emulator, zipPath);

        /// <summary>Imports plug-in assemblies, steps and environment variable definitions from a solution zip stream.</summary>
        public SolutionImportResult ImportSolution(Stream zip) => SolutionImporter.Import(emulator, zip);
    }

    internal static string[] SplitColumns(string? columns) =>
        string.IsNullOrWhiteSpace(columns)
            ? []
            : columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
