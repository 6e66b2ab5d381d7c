using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// A message's subject and plain-text body. They carry only what every recipient of the kind may see — the proposal's
/// title and counts for reviewers and the proposal's own investigator, never the names of people, the text of hits or
/// who filed an approach report — and a link to the page where the recipient, signed in, sees the rest.
/// </summary>
public sealed record NotificationText(string Subject, string Body, string Link)
{
    private const string Prefix = "[Research Security] ";

    public static async Task<NotificationText> ComposeAsync(ResearchSecurityDbContext db, NotificationEvent evt, NotificationOptions options, CancellationToken ct)
    {
        var web = options.WebBaseUrl.TrimEnd('/');
        var proposal = evt.ProposalId is { } id
            ? await db.Proposals.AsNoTracking().IgnoreAutoIncludes().Where(p => p.Id == id).Select(p => new { p.Title, p.Status }).FirstOrDefaultAsync(ct)
            : null;
        var title = proposal?.Title ?? "(a proposal)";
        var review = $"{web}/Review/Proposal/{evt.ProposalId}";
        var own = $"{web}/Proposals/Details/{evt.ProposalId}";
        var n = evt.Count;
        (string Subject, string Body, string Link) text = evt.Kind switch
        {
            NotificationKind.HitsOnQueue => new($"{Prefix}{Plural(n, "screening hit")} on \"{title}\"",
                $"The proposal \"{title}\" is in the review queue with {Plural(n, "active screening hit")}.", review),
            NotificationKind.FlagRaised => new($"{Prefix}{Plural(n, "red flag")} raised on \"{title}\"",
                $"The risk rules raised {Plural(n, "new red flag")} on the proposal \"{title}\".", review),
            NotificationKind.DecisionMade => new($"{Prefix}Decision on \"{title}\"",
                $"The review of your proposal \"{title}\" is decided: {Describe(proposal?.Status)}.", own),
            NotificationKind.InformationRequested => new($"{Prefix}A question about \"{title}\"",
                $"A research-integrity reviewer asks for information about your proposal \"{title}\". The review waits for your answer.", own),
            NotificationKind.InformationAnswered => new($"{Prefix}Answer received on \"{title}\"",
                $"The investigator answered your question about the proposal \"{title}\".", review),
            NotificationKind.ApprovedProposalNewHits => new($"{Prefix}New hits on approved \"{title}\"",
                $"A list change raised {Plural(n, "new screening hit")} on the approved proposal \"{title}\". It may need to be reviewed again.", review),
            NotificationKind.ApproachReported => new($"{Prefix}A suspicious approach was reported",
                "A member of staff reported a suspicious approach. It waits for triage in the approach reports.", $"{web}/Approaches/Report/{evt.SubjectId}"),
            _ => throw new ArgumentOutOfRangeException(nameof(evt), evt.Kind, "Unknown notification kind."),
        };
        return new NotificationText(text.Subject, $"{text.Body}\n\nOpen it (sign-in required): {text.Link}\n", text.Link);
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Describe(ProposalStatus? s) => s switch
    {
        ProposalStatus.Approved => "approved",
        ProposalStatus.ApprovedWithConditions => "approved with conditions",
        ProposalStatus.Rejected => "not approved",
        _ => "see the proposal",
    };
}
