namespace System.Activities;

/// <summary>Base of input/output arguments (stand-in).</summary>
public abstract class InOutArgument : Argument
{
    internal InOutArgument(Type argumentType)
        : base(argumentType, ArgumentDirection.InOut)
    {
    }
}
