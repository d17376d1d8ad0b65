using System.Collections.Generic;

namespace System.Activities;

/// <summary>Context passed to <see cref="CodeActivity"/>.Execute (stand-in).</summary>
public class CodeActivityContext : ActivityContext
{
    internal CodeActivityContext(IReadOnlyList<object> extensions)
        : base(extensions)
    {
    }
}
