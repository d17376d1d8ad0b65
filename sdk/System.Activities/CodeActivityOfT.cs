namespace System.Activities;

/// <summary>An activity whose body is the <see cref="Execute"/> method and that returns a result (stand-in).</summary>
/// <typeparam name="TResult">Result type.</typeparam>
public abstract class CodeActivity<TResult> : Activity<TResult>
{
    /// <summary>Initializes a new activity.</summary>
    protected CodeActivity()
    {
    }

    /// <summary>Runs the activity.</summary>
    /// <param name="context">Execution context: argument values and extensions.</param>
    /// <returns>The result, stored in <see cref="Activity{TResult}.Result"/>.</returns>
    protected abstract TResult Execute(CodeActivityContext context);

    internal override void ExecuteCore(CodeActivityContext context)
    {
        var value = Execute(context);
        if (Result is not null)
        {
            context.SetValue(Result, value);
        }
    }
}
