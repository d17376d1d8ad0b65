namespace System.Activities;

/// <summary>Data flowing into or out of an activity (stand-in). Values live in the <see cref="ActivityContext"/>.</summary>
public abstract class Argument
{
    // The real Argument.UnspecifiedEvaluationOrder is a static readonly field whose value the reference
    // assembly does not carry; activities never read it, so it is not reproduced.
    private const int Unspecified = -1;

    /// <summary>Name of the result argument of an <see cref="ActivityWithResult"/>.</summary>
    public const string ResultValue = "Result";

    private int _evaluationOrder = Unspecified;

    internal Argument(Type argumentType, ArgumentDirection direction)
    {
        ArgumentType = argumentType;
        Direction = direction;
    }

    /// <summary>Gets the type of the data.</summary>
    public Type ArgumentType { get; }

    /// <summary>Gets the direction of the data flow.</summary>
    public ArgumentDirection Direction { get; }

    /// <summary>Gets or sets the evaluation order (ignored by the stand-in runner).</summary>
    public int EvaluationOrder
    {
        get => _evaluationOrder;
        set
        {
            if (value < 0 && value != Unspecified)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            _evaluationOrder = value;
        }
    }

    /// <summary>Gets whether the argument was built from a constant value.</summary>
    internal bool HasConstant { get; private protected set; }

    /// <summary>Gets the constant value the argument was built from.</summary>
    internal object? Constant { get; private protected set; }

    /// <summary>Creates an argument of the given type and direction.</summary>
    /// <param name="type">Type of the data.</param>
    /// <param name="direction">Direction of the data flow.</param>
    /// <returns>An InArgument&lt;T&gt;, OutArgument&lt;T&gt; or InOutArgument&lt;T&gt;.</returns>
    public static Argument Create(Type type, ArgumentDirection direction)
    {
        if (type is null)
        {
            throw new ArgumentNullException(nameof(type));
        }

        var generic = direction switch
        {
            ArgumentDirection.In => typeof(InArgument<>),
            ArgumentDirection.Out => typeof(OutArgument<>),
            ArgumentDirection.InOut => typeof(InOutArgument<>),
            _ => throw new ArgumentOutOfRangeException(nameof(direction)),
        };
        return (Argument)Activator.CreateInstance(generic.MakeGenericType(type))!;
    }

    /// <summary>Gets the argument's value.</summary>
    /// <param name="context">The running activity's context.</param>
    /// <returns>The value.</returns>
    public object? Get(ActivityContext context) => RequireContext(context).GetValue(this);

    /// <summary>Gets the argument's value as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">Expected type.</typeparam>
    /// <param name="context">The running activity's context.</param>
    /// <returns>The value.</returns>
    public T Get<T>(ActivityContext context)
    {
        var value = Get(context);
        return value is null ? default! : (T)value;
    }

    /// <summary>Sets the argument's value.</summary>
    /// <param name="context">The running activity's context.</param>
    /// <param name="value">The value.</param>
    public void Set(ActivityContext context, object? value) => RequireContext(context).SetValue(this, value);

    internal static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    private protected static ActivityContext RequireContext(ActivityContext context) =>
        context ?? throw new ArgumentNullException(nameof(context));
}
