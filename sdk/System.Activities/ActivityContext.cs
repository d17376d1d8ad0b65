using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Activities;

/// <summary>Access to argument values and host extensions while an activity runs (stand-in).</summary>
public class ActivityContext
{
    private readonly Dictionary<Argument, object?> _values = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyList<object> _extensions;

    internal ActivityContext(IReadOnlyList<object> extensions)
    {
        _extensions = extensions;
        WorkflowInstanceId = Guid.NewGuid();
    }

    /// <summary>Gets the id of the running activity instance.</summary>
    public string ActivityInstanceId => "1";

    /// <summary>Gets the id of the running workflow instance.</summary>
    public Guid WorkflowInstanceId { get; }

    /// <summary>Returns the first registered extension assignable to <typeparamref name="T"/>, or null.</summary>
    /// <typeparam name="T">Extension type, usually an interface such as IWorkflowContext.</typeparam>
    /// <returns>The extension or null.</returns>
    public T GetExtension<T>()
        where T : class
    {
        foreach (var extension in _extensions)
        {
            if (extension is T match)
            {
                return match;
            }
        }

        return null!;
    }

    /// <summary>Gets the value of an input argument.</summary>
    /// <typeparam name="T">Argument type.</typeparam>
    /// <param name="argument">The argument.</param>
    /// <returns>The value, or the default of <typeparamref name="T"/> when unset.</returns>
    public T GetValue<T>(InArgument<T> argument) => Read<T>(argument);

    /// <summary>Gets the value of an output argument.</summary>
    /// <typeparam name="T">Argument type.</typeparam>
    /// <param name="argument">The argument.</param>
    /// <returns>The value, or the default of <typeparamref name="T"/> when unset.</returns>
    public T GetValue<T>(OutArgument<T> argument) => Read<T>(argument);

    /// <summary>Gets the value of an input/output argument.</summary>
    /// <typeparam name="T">Argument type.</typeparam>
    /// <param name="argument">The argument.</param>
    /// <returns>The value, or the default of <typeparamref name="T"/> when unset.</returns>
    public T GetValue<T>(InOutArgument<T> argument) => Read<T>(argument);

    /// <summary>Gets the value of an argument.</summary>
    /// <param name="argument">The argument.</param>
    /// <returns>The value, or the default of the argument type when unset.</returns>
    public object? GetValue(Argument argument)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(nameof(argument));
        }

        return _values.TryGetValue(argument, out var value) ? value : Argument.DefaultOf(argument.ArgumentType);
    }

    /// <summary>Sets the value of an input argument.</summary>
    /// <typeparam name="T">Argument type.</typeparam>
    /// <param name="argument">The argument.</param>
    /// <param name="value">The value.</param>
    public void SetValue<T>(InArgument<T> argument, T value) => SetValue((Argument)argument, value);

    /// <summary>Sets the value of an output argument.</summary>
    /// <typeparam name="T">Argument type.</typeparam>
    /// <param name="argument">The argument.</param>
    /// <param name="value">The value.</param>
    public void SetValue<T>(OutArgument<T> argument, T value) => SetValue((Argument)argument, value);

    /// <summary>Sets the value of an input/output argument.</summary>
    /// <typeparam name="T">Argument type.</typeparam>
    /// <param name="argument">The argument.</param>
    /// <param name="value">The value.</param>
    public void SetValue<T>(InOutArgument<T> argument, T value) => SetValue((Argument)argument, value);

    /// <summary>Sets the value of an argument.</summary>
    /// <param name="argument">The argument.</param>
    /// <param name="value">The value; must be assignable to the argument type.</param>
    public void SetValue(Argument argument, object? value)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(nameof(argument));
        }

        if (value is not null && !argument.ArgumentType.IsInstanceOfType(value))
        {
            throw new ArgumentException(
                "A value of type " + value.GetType().FullName + " cannot be assigned to an argument of type " + argument.ArgumentType.FullName + ".",
                nameof(value));
        }

        _values[argument] = value;
    }

    private T Read<T>(Argument argument)
    {
        var value = GetValue(argument);
        return value is null ? default! : (T)value;
    }

    /// <summary>netstandard2.0 has no ReferenceEqualityComparer; arguments are keyed by identity.</summary>
    private sealed class ReferenceEqualityComparer : IEqualityComparer<Argument>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(Argument? x, Argument? y) => ReferenceEquals(x, y);

        public int GetHashCode(Argument obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
