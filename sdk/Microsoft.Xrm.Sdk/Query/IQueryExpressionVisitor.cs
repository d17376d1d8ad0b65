namespace Microsoft.Xrm.Sdk.Query;

public interface IQueryExpressionVisitor
{
    Microsoft.Xrm.Sdk.Query.QueryExpression Visit(Microsoft.Xrm.Sdk.Query.QueryExpression query);
}
