using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.People;

public sealed record TalentProgramDetails(
    string ProgramName, string? Sponsor, DateOnly? StartDate, DateOnly? EndDate, string? Compensation);

/// <summary>A declared participation in a foreign talent-recruitment program (a red flag on its own).</summary>
public sealed class TalentProgramParticipation : Entity
{
    private TalentProgramParticipation() { }

    internal TalentProgramParticipation(Guid personId, TalentProgramDetails details)
    {
        PersonId = personId;
        Apply(details);
    }

    public Guid PersonId { get; private set; }
    public string ProgramName { get; private set; } = string.Empty;
    public string ProgramNameNormalized { get; private set; } = string.Empty;
    public string? Sponsor { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public string? Compensation { get; private set; }

    public TalentProgramDetails Details => new(ProgramName, Sponsor, StartDate, EndDate, Compensation);

    internal bool Apply(TalentProgramDetails d)
    {
        if (d == Details) return false;
        ProgramName = d.ProgramName;
        ProgramNameNormalized = SearchText.Normalize(d.ProgramName);
        Sponsor = d.Sponsor;
        StartDate = d.StartDate;
        EndDate = d.EndDate;
        Compensation = d.Compensation;
        return true;
    }
}
