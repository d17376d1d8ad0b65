namespace System.Activities;

/// <summary>An output argument of type <typeparamref name="T"/> (stand-in).</summary>
/// <typeparam name="T">Type of the data.</typeparam>
public sealed class OutArgument<T> : OutArgument
{
    /// <summary>Initializes an argument.</summary>
    public OutArgument()
        : base(typeof(T))
    {
    }

    /// <summary>Gets the argument's value.</summary>
    /// <param name="context">The running activity's context.</param>
    /// <returns>The value.</returns>
    public new T Get(ActivityContext context) => RequireContext(context).GetValue(this);

    /// <summary>Sets the argument's value.</summary>
    /// <param name="context">The running activity's context.</param>
    /// <param name="value">The value.</param>
    public void Set(ActivityContext context, T value) => RequireContext(context).SetValue(this, value);
}
