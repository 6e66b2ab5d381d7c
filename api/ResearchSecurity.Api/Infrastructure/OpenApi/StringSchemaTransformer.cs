using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>
/// Every string goes through <see cref="Security.SafeStringJsonConverter"/>, and the schema generator cannot see
/// through a custom converter, so it would describe each string as <c>{}</c> (any value): clients would get untyped
/// fields. The converter reads and writes plain JSON strings, so say so, nullable where the property is.
/// </summary>
internal sealed class StringSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(string) || schema.Type is not null || schema.OneOf is { Count: > 0 }) return Task.CompletedTask;
        schema.Type = IsNullable(context.JsonPropertyInfo?.AttributeProvider) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        return Task.CompletedTask;
    }

    private static bool IsNullable(ICustomAttributeProvider? member)
    {
        lock (Nullability) // NullabilityInfoContext is not thread-safe; documents can be generated concurrently.
        {
            return member switch
            {
                PropertyInfo property => Nullability.Create(property).ReadState == NullabilityState.Nullable,
                FieldInfo field => Nullability.Create(field).ReadState == NullabilityState.Nullable,
                _ => false,
            };
        }
    }
}
