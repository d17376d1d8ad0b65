using System.Activities.Hosting;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace System.Activities;

/// <summary>
/// Runs one code activity synchronously on the calling thread (stand-in), as the .NET Framework
/// WorkflowInvoker does: inputs are bound to In/InOut argument properties by property name, the activity's
/// Execute runs, and the values of Out/InOut argument properties are returned by property name.
/// Exceptions thrown by the activity propagate unchanged.
/// </summary>
public sealed class WorkflowInvoker
{
    private readonly Activity _workflow;

    /// <summary>Initializes an invoker for one activity.</summary>
    /// <param name="workflow">The activity to run.</param>
    public WorkflowInvoker(Activity workflow)
    {
        _workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
    }

    /// <summary>Gets the extensions offered to the activity (add IWorkflowContext, IOrganizationServiceFactory, ...).</summary>
    public WorkflowInstanceExtensionManager Extensions { get; } = new();

    /// <summary>Runs an activity without inputs or extensions.</summary>
    /// <param name="workflow">The activity.</param>
    /// <returns>Output argument values by property name.</returns>
    public static IDictionary<string, object> Invoke(Activity workflow) => new WorkflowInvoker(workflow).Invoke();

    /// <summary>Runs an activity without extensions.</summary>
    /// <param name="workflow">The activity.</param>
    /// <param name="inputs">Input argument values by property name.</param>
    /// <returns>Output argument values by property name.</returns>
    public static IDictionary<string, object> Invoke(Activity workflow, IDictionary<string, object> inputs) =>
        new WorkflowInvoker(workflow).Invoke(inputs);

    /// <summary>Runs an activity with a result without inputs or extensions.</summary>
    /// <typeparam name="TResult">Result type.</typeparam>
    /// <param name="workflow">The activity.</param>
    /// <returns>The result.</returns>
    public static TResult Invoke<TResult>(Activity<TResult> workflow) => Invoke(workflow, new Dictionary<string, object>());

    /// <summary>Runs an activity with a result without extensions.</summary>
    /// <typeparam name="TResult">Result type.</typeparam>
    /// <param name="workflow">The activity.</param>
    /// <param name="inputs">Input argument values by property name.</param>
    /// <returns>The result.</returns>
    public static TResult Invoke<TResult>(Activity<TResult> workflow, IDictionary<string, object> inputs)
    {
        var outputs = Invoke((Activity)workflow, inputs);
        return outputs.TryGetValue(Argument.ResultValue, out var result) && result is not null ? (TResult)result : default!;
    }

    /// <summary>Runs the activity without inputs.</summary>
    /// <returns>Output argument values by property name.</returns>
    public IDictionary<string, object> Invoke() => Invoke(new Dictionary<string, object>());

    /// <summary>Runs the activity.</summary>
    /// <param name="inputs">Input argument values by property name.</param>
    /// <returns>Output argument values by property name (unset outputs hold the type's default).</returns>
    /// <exception cref="ArgumentException">An input names no input argument, has the wrong type, or a [RequiredArgument] input is missing.</exception>
    public IDictionary<string, object> Invoke(IDictionary<string, object> inputs)
    {
        if (inputs is null)
        {
            throw new ArgumentNullException(nameof(inputs));
        }

        var arguments = BindArguments(_workflow);
        foreach (var name in inputs.Keys)
        {
            if (!arguments.Any(a => a.Name == name && a.Argument.Direction != ArgumentDirection.Out))
            {
                throw new ArgumentException("The activity " + _workflow.DisplayName + " has no input argument named '" + name + "'.", nameof(inputs));
            }
        }

        var context = new CodeActivityContext(Extensions.CreateExtensionsForRun());
        foreach (var (name, argument, required) in arguments)
        {
            if (argument.Direction == ArgumentDirection.Out)
            {
                continue;
            }

            if (inputs.TryGetValue(name, out var value))
            {
                context.SetValue(argument, value);
            }
            else if (argument.HasConstant)
            {
                context.SetValue(argument, argument.Constant);
            }
            else if (required)
            {
                throw new ArgumentException("The required input argument '" + name + "' of " + _workflow.DisplayName + " was not supplied.", nameof(inputs));
            }
        }

        _workflow.ExecuteCore(context);

        var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, argument, _) in arguments)
        {
            if (argument.Direction != ArgumentDirection.In)
            {
                outputs[name] = context.GetValue(argument)!;
            }
        }

        return outputs;
    }

    /// <summary>
    /// Finds the public argument properties (most derived declaration per name) and, like the real runtime,
    /// gives every unset one a fresh argument so the activity can read and write it.
    /// </summary>
    private static List<(string Name, Argument Argument, bool Required)> BindArguments(Activity activity)
    {
        var properties = activity.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(Argument).IsAssignableFrom(p.PropertyType) && p.CanRead && p.GetIndexParameters().Length == 0)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => Depth(p.DeclaringType!)).First());

        var bound = new List<(string, Argument, bool)>();
        foreach (var property in properties)
        {
            var argument = (Argument?)property.GetValue(activity);
            if (argument is null)
            {
                var created = CreateFor(property.PropertyType);
                if (created is null || !property.CanWrite)
                {
                    continue;
                }

                property.SetValue(activity, created);
                argument = created;
            }

            bound.Add((property.Name, argument, property.IsDefined(typeof(RequiredArgumentAttribute), inherit: true)));
        }

        return bound;
    }

    private static Argument? CreateFor(Type propertyType)
    {
        if (!propertyType.IsGenericType)
        {
            return null;
        }

        var definition = propertyType.GetGenericTypeDefinition();
        var direction = definition == typeof(InArgument<>) ? ArgumentDirection.In
            : definition == typeof(OutArgument<>) ? ArgumentDirection.Out
            : definition == typeof(InOutArgument<>) ? ArgumentDirection.InOut
            : (ArgumentDirection?)null;
        return direction is null ? null : Argument.Create(propertyType.GetGenericArguments()[0], direction.Value);
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var current = type; current is not null; current = current.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
