using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>
/// What the Plugin Registration Tool and the platform refuse when a step is registered or a plug-in is run by hand,
/// checked against this organization (its sdkmessage rows, message handlers and tables): a typo fails here, naming the
/// fix, instead of a step that never fires or a column that is quietly dropped.
/// </summary>
internal static class StepRules
{
    // Messages bound to particular tables (their sdkmessagefilter rows); any other message accepts any table.
    private static readonly Dictionary<string, string[]> TablesOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["QualifyLead"] = ["lead"],
        ["WinOpportunity"] = ["opportunity"],
        ["LoseOpportunity"] = ["opportunity"],
    };

    // Messages without a primary table: a step names none.
    private static readonly HashSet<string> TableLess = new(["WhoAmI", "ExecuteMultiple", "ExecuteTransaction"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="ArgumentException"/> naming the fix when <paramref name="step"/> could never run as written.</summary>
    public static void Check(XrmEmulator emulator, PluginStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentException.ThrowIfNullOrEmpty(step.Message);
        CheckMessage(emulator, step.Message, nameof(step));
        var table = RegisteredStep.IsAnyEntity(step.PrimaryEntity) ? null : step.PrimaryEntity!;
        if (table is not null)
        {
            CheckMessageTable(step.Message, table, nameof(step));
            _ = KnownTable(emulator, table, nameof(step));
        }

        CheckStageAndMode(step.Stage, step.Mode, nameof(step));
        var definition = table is null ? null : emulator.Schema.Find(table);
        foreach (var column in step.FilteringAttributes)
        {
            CheckColumn(definition, column, "Filtering attribute", nameof(step));
        }

        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var image in step.Images)
        {
            if (!aliases.Add(image.EntityAlias))
            {
                throw new ArgumentException(
                    $"Two images of the step on {step.Message} use the alias '{image.EntityAlias}'; give each image its own EntityAlias.", nameof(step));
            }

            foreach (var column in image.Attributes)
            {
                CheckColumn(definition, column, $"Image '{image.EntityAlias}' column", nameof(step));
            }
        }

        if (step.PluginFactory is null && step.PluginType is { } type)
        {
            CheckConstructor(type, nameof(step));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a hand run asks for a context the platform never builds.</summary>
    public static void Check(XrmEmulator emulator, PluginRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        // The message is not checked: a hand run unit-tests one plug-in, a custom API's included, whose message this
        // organization need not know (no handler is called).
        ArgumentException.ThrowIfNullOrEmpty(run.Message);
        CheckStageAndMode(run.Stage, run.Mode, nameof(run));
        if (run.PostImages.Count > 0 && run.Stage != PipelineStage.PostOperation)
        {
            throw new ArgumentException(
                $"Post-images exist only in PostOperation (40); this run is in stage {(int)run.Stage}. Remove PostImages or use PipelineStage.PostOperation.", nameof(run));
        }

        var target = run.Target ?? (run.InputParameters.TryGetValue("Target", out var value) ? value : null);
        var table = target switch
        {
            Entity entity => entity.LogicalName,
            EntityReference reference => reference.LogicalName,
            _ => null,
        };
        if (table is not null)
        {
            CheckMessageTable(run.Message, table, nameof(run));
            var definition = KnownTable(emulator, table, nameof(run));
            foreach (var column in target is Entity row ? row.Attributes.Keys : [])
            {
                CheckColumn(definition, column, "Target column", nameof(run));
            }
        }

        foreach (var (alias, image) in run.PreImages.Concat(run.PostImages))
        {
            ArgumentNullException.ThrowIfNull(image, nameof(run));
            var definition = KnownTable(emulator, image.LogicalName, nameof(run));
            foreach (var column in image.Attributes.Keys)
            {
                CheckColumn(definition, column, $"Image '{alias}' column", nameof(run));
            }
        }
    }

    /// <summary>The message must exist in the organization: a row in sdkmessage or a handler (custom messages).</summary>
    private static void CheckMessage(XrmEmulator emulator, string message, string parameter)
    {
        var known = emulator.All("sdkmessage").Select(row => row.GetAttributeValue<string>("name")).Concat(emulator.Handlers.MessageNames).ToList();
        if (!known.Contains(message, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Message '{message}' does not exist in this organization (no sdkmessage row, no handler).{NearMiss.Hint(message, known)}", parameter);
        }
    }

    private static void CheckMessageTable(string message, string table, string parameter)
    {
        if (TablesOf.TryGetValue(message, out var tables) && !tables.Contains(table, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Message '{message}' is not available for table '{table}'; it is available for: {string.Join(", ", tables)}.", parameter);
        }

        if (TableLess.Contains(message))
        {
            throw new ArgumentException($"Message '{message}' has no primary table; register it with no table (null or \"none\").", parameter);
        }
    }

    private static TableDefinition KnownTable(XrmEmulator emulator, string table, string parameter) =>
        emulator.Schema.Find(table) ?? throw new ArgumentException(
            $"Table '{table}' does not exist in this organization.{NearMiss.Hint(table, emulator.Schema.Tables.Select(t => t.LogicalName))}"
            + " Declare your own tables first: emulator.Schema.Table(\"new_project\", t => t.PrimaryNameColumn(\"new_name\", 100, \"Name\")).",
            parameter);

    private static void CheckColumn(TableDefinition? table, string column, string what, string parameter)
    {
        // A step on any table cannot be checked column by column: the platform checks them per table too.
        if (table is not null && !table.Attributes.ContainsKey(column.Trim()))
        {
            throw new ArgumentException(
                $"{what} '{column}' is not a column of {table.LogicalName}.{NearMiss.Hint(column, table.Attributes.Keys)}", parameter);
        }
    }

    private static void CheckStageAndMode(PipelineStage stage, StepMode mode, string parameter)
    {
        if (stage is not (PipelineStage.PreValidation or PipelineStage.PreOperation or PipelineStage.PostOperation))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Stage {(int)stage} cannot host plug-in steps: use 10 (PreValidation), 20 (PreOperation) or 40 (PostOperation)."),
                parameter);
        }

        if (mode is not (StepMode.Synchronous or StepMode.Asynchronous))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Mode {(int)mode} does not exist: use 0 (Synchronous) or 1 (Asynchronous)."), parameter);
        }

        if (mode == StepMode.Asynchronous && stage != PipelineStage.PostOperation)
        {
            throw new ArgumentException("Asynchronous steps are only allowed in PostOperation (40).", parameter);
        }
    }

    // The platform's constructor choice (RegisteredStep.CreateFromType) must find one, and the type must be creatable.
    private static void CheckConstructor(Type type, string parameter)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters)
        {
            throw new ArgumentException($"Plug-in type '{type.FullName}' cannot be created (abstract, interface or open generic); register a concrete class.", parameter);
        }

        if (type.GetConstructor(flags, [typeof(string), typeof(string)]) is null
            && type.GetConstructor(flags, [typeof(string)]) is null
            && type.GetConstructor(flags, Type.EmptyTypes) is null)
        {
            throw new ArgumentException(
                $"Plug-in type '{type.FullName}' has no usable constructor: give it one taking (string unsecureConfig, string secureConfig), (string unsecureConfig) or nothing.",
                parameter);
        }
    }
}
