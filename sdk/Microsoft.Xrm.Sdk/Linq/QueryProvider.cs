using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>Builds <see cref="Query{T}"/> objects and runs them: translate to a QueryExpression, retrieve, shape the rows.</summary>
internal sealed class QueryProvider(OrganizationServiceContext context) : IQueryProvider
{
    public IQueryable CreateQuery(Expression expression)
    {
        var elementType = ElementTypeOf(expression.Type);
        return (IQueryable)Activator.CreateInstance(typeof(Query<>).MakeGenericType(elementType), this, expression)!;
    }

    public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new Query<TElement>(this, expression);

    public object? Execute(Expression expression) => new QueryRunner(context).Run(QueryTranslator.Translate(expression));

    // FirstOrDefault of a value-type projection with no row returns the type's default, not a null cast.
    public TResult Execute<TResult>(Expression expression) => Execute(expression) is { } result ? (TResult)result : default!;

    internal IEnumerable<T> ExecuteSequence<T>(Expression expression) => ((IEnumerable<object?>)Execute(expression)!).Cast<T>();

    private static Type ElementTypeOf(Type sequenceType)
    {
        var enumerable = sequenceType.IsGenericType && sequenceType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? sequenceType
            : sequenceType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? sequenceType;
    }
}
