using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Api.Features.Risk;

/// <summary>
/// POST the policy document as the JSON body. A document that does not validate answers 422 with the errors keyed by
/// field (<c>rules.talent-recruitment.lookBackYears</c>) and changes nothing — the version in force stays. The same
/// bytes as a stored version answer 200 with that version. A new version is stored, not yet in force (activate it).
/// </summary>
public static class UploadRiskPolicy
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(UploadRiskPolicy))
            .WithSummary("Upload a risk policy")
            .WithDescription("A new risk-policy version (weights and thresholds), not yet in force. An invalid policy is refused with 422; the same document as a stored version answers 200 with that version.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.RiskPoliciesManage)
            .Accepts<RiskPolicyDocument>("application/json");

    public static async Task<Results<Created<RiskPolicyVersionResponse>, Ok<RiskPolicyVersionResponse>, ProblemHttpResult>> Handle(
        HttpRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var hash = RiskPolicies.Hash(bytes);
        if (await db.RiskPolicyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DocumentHash == hash, ct) is { } same)
            return TypedResults.Ok(same.ToResponse(withDocument: true));

        var (document, errors) = bytes.Length == 0
            ? (null, new Dictionary<string, string[]> { ["document"] = ["Send the policy document as the JSON body."] })
            : RiskPolicyValidator.Parse(bytes);
        if (document is null)
        {
            db.Audit(AuditEventType.RiskPolicyRejected, nameof(RiskPolicyVersion), null, null,
                AuditChanges.Of(null, new { DocumentHash = hash, Errors = errors }), $"{errors.Count} error(s).");
            await db.SaveChangesAsync(ct);
            return TypedResults.Problem(title: "The risk policy was rejected", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: $"{errors.Count} error(s); the policy in force stays in force.",
                extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }
        var number = (await db.RiskPolicyVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = RiskPolicyVersion.Create(number, document, System.Text.Encoding.UTF8.GetString(bytes), hash, user.Id, db.Clock.GetUtcNow());
        db.RiskPolicyVersions.Add(version);
        db.Audit(AuditEventType.RiskPolicyUploaded, nameof(RiskPolicyVersion), version.Id, null,
            AuditChanges.Of(null, new { version.Number, version.PolicyId, version.DocumentHash }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/risk-policies/{number}", version.ToResponse(withDocument: true));
    }
}
