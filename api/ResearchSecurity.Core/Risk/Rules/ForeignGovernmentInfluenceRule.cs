namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 8: Japan's deemed-export "specific categories". Any yes among the foreign-government questions is a
/// deemed-export review flag naming the answer.
/// </summary>
public sealed class ForeignGovernmentInfluenceRule : IRiskRule
{
    public string Code => RuleCodes.ForeignGovernmentInfluence;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        foreach (var person in proposal.People)
        {
            var d = person.Declarations;
            var answers = new (string Field, bool? Answer, string Question)[]
            {
                ("employedUnderForeignGovernmentDirection", d.EmployedUnderForeignGovernmentDirection,
                    "employed by, or under contract with, a party acting under a foreign government's direction"),
                ("foreignGovernmentIncomeAtLeast25Percent", d.ForeignGovernmentIncomeAtLeast25Percent,
                    "receives 25 % or more of income from a foreign government"),
                ("actingOnForeignGovernmentInstruction", d.ActingOnForeignGovernmentInstruction,
                    "acts on a foreign government's instructions"),
            };
            foreach (var (field, answer, question) in answers.Where(a => a.Answer == true))
            {
                yield return new FlagCandidate(Code, $"{person.Id}:{field}",
                    $"Deemed-export review: {person.Name} {question}",
                    $"{person.Name} answered yes to the specific-category question \"{question}\"" +
                    (policy.Decision is null ? "." : $"; this policy calls for: {policy.Decision}."),
                    new { PersonId = person.Id, Person = person.Name, Declaration = $"declarations.{field}", Answer = true, Question = question });
            }
        }
    }
}
