namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>What each tag of the document groups, as a client developer reads it. A tag missing here fails the document.</summary>
internal static class ApiTags
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Proposals"] = "Joint-research proposals: partners, members and inline funding; drafts are edited by their investigator, then submitted for screening and review.",
        ["People"] = "People on proposals: affiliations, talent programmes, visits and foreign-funding declarations. Each is screened against the watchlists.",
        ["Funding"] = "Funding sources of proposals. Also readable by the grant-management integration with a client-credentials token (scope `funding.read`).",
        ["Reference"] = "Reference data every signed-in caller may read, such as the technology areas and which of them are sensitive.",
        ["Reviews"] = "The integrity review of a submitted proposal: the queue, claiming, hit dispositions, information requests, escalation and two-person decisions.",
        ["Audit"] = "The tamper-evident audit trail: events, chain verification and a proposal's full trail as an export.",
        ["Users"] = "Sign-in users and their roles. Granting a privileged role needs a second administrator's confirmation.",
        ["Watchlists"] = "Lists of military-linked institutions screened against: registration, versioned uploads, diffs and activation.",
        ["Jobs"] = "Background jobs (screening, re-screening, list refreshes) and their progress.",
        ["Screening"] = "Screening runs and hits of a proposal against the watchlists in force.",
        ["Risk"] = "A proposal's risk score, the factors behind it and the flags reviewers can dismiss.",
        ["Registers"] = "The registers an office reports from — proposals, visiting researchers, funding sources, screening hits, decisions — as Excel workbooks with the list filters.",
        ["Imports"] = "Bulk import of visiting researchers from a spreadsheet: the template, a row-by-row preview, the import and the rows with errors.",
        ["Approach reports"] = "Suspicious approaches reported by any member of staff — who approached, how, what they asked for — triaged by research-integrity reviewers; the reported party is screened and is evidence for the risk rules.",
        ["Notifications"] = "Each user's notification preferences (immediate, daily digest, off) and the administrators' signed webhook subscriptions.",
        ["Risk policies"] = "Versioned risk policies (weights and thresholds): upload, diff and activation.",
    };
}
