using ResearchSecurity.Core.People;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 6: foreign talent recruitment. A declared participation (or an affiliation of kind TalentProgram) that has not
/// ended before the look-back window; and any talent program the lists in force name (e.g. §1286 Table 2) mentioned
/// anywhere in the person's record. Compensation, housing or a position offered is named in the evidence.
/// </summary>
public sealed class TalentRecruitmentRule : IRiskRule
{
    public string Code => RuleCodes.TalentRecruitment;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        var since = context.Today.AddYears(-policy.LookBackYears!.Value);
        foreach (var person in proposal.People)
        {
            var mentions = Mentions(person, context.TalentPrograms).ToList();
            foreach (var tp in person.TalentPrograms.Where(t => t.EndDate is null || t.EndDate >= since))
            {
                var listed = mentions.FirstOrDefault(m => m.Field == "talentPrograms.programName" && m.Text == tp.ProgramName)?.Program;
                yield return new FlagCandidate(Code, $"{person.Id}:declared:{tp.Id}",
                    $"{person.Name} declares participation in a foreign talent program: \"{tp.ProgramName}\"" + (listed is null ? "" : $" (listed: {listed.Name})"),
                    $"{person.Name} declared \"{tp.ProgramName}\"" + (tp.Sponsor is null ? "" : $", sponsored by \"{tp.Sponsor}\"") +
                    (tp.Compensation is null ? "." : $", with compensation offered: {tp.Compensation}."),
                    new
                    {
                        PersonId = person.Id, Person = person.Name, TalentProgramId = tp.Id, tp.ProgramName, tp.Sponsor, tp.StartDate, tp.EndDate,
                        CompensationOffered = tp.Compensation, LookBackYears = policy.LookBackYears,
                        ListedAs = listed is null ? null : new { listed.WatchlistId, listed.EntityId, listed.Name, listed.VersionNumber },
                    });
            }
            foreach (var a in person.Affiliations.Where(a => a.Kind == AffiliationKind.TalentProgram && (a.EndDate is null || a.EndDate >= since)))
            {
                yield return new FlagCandidate(Code, $"{person.Id}:affiliation:{a.Id}",
                    $"{person.Name} holds a talent-program position at \"{a.OrganisationName}\"",
                    $"{person.Name} declares an affiliation of kind talent program with \"{a.OrganisationName}\" ({a.Country ?? "country not given"}).",
                    new { PersonId = person.Id, Person = person.Name, AffiliationId = a.Id, a.OrganisationName, a.Country, a.StartDate, a.EndDate });
            }
            // Listed programs named elsewhere in the record (a declared program already has its flag above).
            foreach (var group in mentions.Where(m => m.Field != "talentPrograms.programName").GroupBy(m => m.Program.EntityId))
            {
                var program = group.First().Program;
                yield return new FlagCandidate(Code, $"{person.Id}:listed:{program.EntityId}",
                    $"{person.Name}'s record names the listed talent program \"{program.Name}\"",
                    $"\"{program.Name}\" ({program.WatchlistId} version {program.VersionNumber}) appears in {string.Join(", ", group.Select(m => m.Field).Distinct())}.",
                    new
                    {
                        PersonId = person.Id, Person = person.Name,
                        Program = new { program.WatchlistId, program.EntityId, program.Name, program.VersionNumber },
                        FoundIn = group.Select(m => new { m.Field, m.Text }).Distinct().ToList(),
                    });
            }
        }
    }

    private sealed record Mention(ListedProgram Program, string Field, string Text);

    private static IEnumerable<Mention> Mentions(PersonFact person, IReadOnlyList<ListedProgram> programs)
    {
        if (programs.Count == 0) yield break;
        var texts = person.TalentPrograms.SelectMany(t => new[] { ("talentPrograms.programName", t.ProgramName), ("talentPrograms.compensation", t.Compensation) })
            .Concat(person.Affiliations.Select(a => ("affiliations.organisationName", (string?)a.OrganisationName)))
            .Concat(person.Visits.Select(v => ("visits.sponsor", v.Sponsor)))
            .Append(("declarations.foreignFundingDetails", person.Declarations.ForeignFundingDetails));
        foreach (var (field, text) in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var words = Tokenizer.Plain.Tokenize(TextNormalizer.Clean(text)).Select(t => t.Text).ToArray();
            foreach (var program in programs)
                if (program.Patterns.Any(p => Contains(words, p))) yield return new Mention(program, field, text);
        }
    }

    private static bool Contains(string[] words, string[] pattern)
    {
        for (var i = 0; i + pattern.Length <= words.Length; i++)
        {
            var j = 0;
            while (j < pattern.Length && words[i + j] == pattern[j]) j++;
            if (j == pattern.Length) return true;
        }
        return false;
    }
}
