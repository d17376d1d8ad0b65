using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>The start of a LINQ query: a table of the context (<see cref="Client.OrganizationServiceContext.CreateQuery(string)"/>).</summary>
internal interface IQueryRoot
{
    string EntityLogicalName { get; }

    Type ElementType { get; }
}

/// <summary>A LINQ query over one table; enumerating it translates the expression and runs it through the context.</summary>
internal sealed class Query<T> : IOrderedQueryable<T>, IQueryRoot
{
    private readonly QueryProvider _provider;

    public Query(QueryProvider provider, string entityLogicalName)
    {
        _provider = provider;
        EntityLogicalName = entityLogicalName;
        Expression = Expression.Constant(this);
    }

    public Query(QueryProvider provider, Expression expression)
    {
        _provider = provider;
        EntityLogicalName = string.Empty;
        Expression = expression;
    }

    public string EntityLogicalName { get; }

    public Type ElementType => typeof(T);

    public Expression Expression { get; }

    public IQueryProvider Provider => _provider;

    public IEnumerator<T> GetEnumerator() => _provider.ExecuteSequence<T>(Expression).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
