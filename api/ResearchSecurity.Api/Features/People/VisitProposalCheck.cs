using ResearchSecurity.Api.Features.Proposals;

namespace ResearchSecurity.Api.Features.People;

internal static class VisitProposalCheck
{
    /// <summary>A visit may name a proposal, which must exist and be visible to the caller.</summary>
    public static async Task<ValidationProblem?> CheckAsync(PersonRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var ids = (request.Visits ?? []).Where(v => v.ProposalId is not null).Select(v => v.ProposalId!.Value).Distinct().ToList();
        if (ids.Count == 0) return null;
        var known = await db.Proposals.IgnoreAutoIncludes().VisibleTo(user, db).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var errors = request.Visits!.Select((v, i) => (v, i)).Where(x => x.v.ProposalId is { } id && !known.Contains(id))
            .ToDictionary(x => $"visits[{x.i}].proposalId", x => new[] { $"No proposal {x.v.ProposalId} is visible to you." });
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}
