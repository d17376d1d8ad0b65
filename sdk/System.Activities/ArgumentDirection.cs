namespace System.Activities;

/// <summary>Direction of data flow of an argument.</summary>
public enum ArgumentDirection
{
    /// <summary>Input.</summary>
    In = 0,

    /// <summary>Output.</summary>
    Out = 1,

    /// <summary>Input and output.</summary>
    InOut = 2,
}
