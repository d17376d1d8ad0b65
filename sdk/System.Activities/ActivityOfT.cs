namespace System.Activities;

/// <summary>An activity whose result is of type <typeparamref name="TResult"/> (stand-in).</summary>
/// <typeparam name="TResult">Result type.</typeparam>
public abstract class Activity<TResult> : ActivityWithResult
{
    /// <summary>Initializes a new activity.</summary>
    protected Activity()
    {
    }

    /// <summary>Gets or sets the argument that receives the result.</summary>
    public new OutArgument<TResult>? Result { get; set; }

    internal override Type ResultTypeCore => typeof(TResult);

    internal override OutArgument? ResultCore
    {
        get => Result;
        set => Result = (OutArgument<TResult>?)value;
    }
}
