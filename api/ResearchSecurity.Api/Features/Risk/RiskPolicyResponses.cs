using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Api.Features.Risk;

public sealed record RiskPolicyVersionResponse(Guid Id, int Number, string PolicyId, string Name, string Status, string DocumentHash, string UploadedBy,
    DateTimeOffset UploadedAt, string? ActivatedBy, DateTimeOffset? ActivatedAt, System.Text.Json.JsonElement? Document);

public static class RiskPolicyMapping
{
    public static RiskPolicyVersionResponse ToResponse(this RiskPolicyVersion v, bool withDocument = false) => new(v.Id, v.Number, v.PolicyId, v.Name,
        v.Status.ToString().ToLowerInvariant(), v.DocumentHash, v.UploadedBy, v.UploadedAt, v.ActivatedBy, v.ActivatedAt,
        withDocument ? RiskProjection.Parse(v.Document) : null);
}
