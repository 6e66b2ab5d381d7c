using ResearchSecurity.Api.Features.People;

namespace ResearchSecurity.Api.Features.Proposals;

internal static class ProposalMembersCheck
{
    /// <summary>Every person named on a proposal must exist and be visible to the caller.</summary>
    public static async Task<ValidationProblem?> CheckAsync(ProposalRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (request.Members is not { Count: > 0 } members) return null;
        var ids = members.Select(m => m.PersonId!.Value).ToList();
        var known = await db.People.VisibleTo(user).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var errors = members.Select((m, i) => (m, i)).Where(x => !known.Contains(x.m.PersonId!.Value))
            .ToDictionary(x => $"members[{x.i}].personId", x => new[] { $"No person {x.m.PersonId} is registered (or visible to you)." });
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}
