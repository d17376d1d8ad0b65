using System.Diagnostics.CodeAnalysis;

namespace System.Activities;

/// <summary>An input argument of type <typeparamref name="T"/> (stand-in).</summary>
/// <typeparam name="T">Type of the data.</typeparam>
public sealed class InArgument<T> : InArgument
{
    /// <summary>Initializes an argument without a value.</summary>
    public InArgument()
        : base(typeof(T))
    {
    }

    /// <summary>Initializes an argument whose value defaults to a constant.</summary>
    /// <param name="constValue">The constant.</param>
    public InArgument(T constValue)
        : base(typeof(T))
    {
        HasConstant = true;
        Constant = constValue;
    }

    /// <summary>Converts a constant to an argument.</summary>
    /// <param name="constValue">The constant.</param>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Mirrors System.Activities.")]
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "FromValue is the named alternate, as in System.Activities.")]
    public static implicit operator InArgument<T>(T constValue) => new(constValue);

    /// <summary>Creates an argument whose value defaults to a constant.</summary>
    /// <param name="constValue">The constant.</param>
    /// <returns>The argument.</returns>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Mirrors System.Activities.")]
    public static InArgument<T> FromValue(T constValue) => new(constValue);

    /// <summary>Gets the argument's value.</summary>
    /// <param name="context">The running activity's context.</param>
    /// <returns>The value.</returns>
    public new T Get(ActivityContext context) => RequireContext(context).GetValue(this);

    /// <summary>Sets the argument's value.</summary>
    /// <param name="context">The running activity's context.</param>
    /// <param name="value">The value.</param>
    public void Set(ActivityContext context, T value) => RequireContext(context).SetValue(this, value);
}
