namespace ResearchSecurity.Core.Screening;

/// <summary>The kinds of record screened on their own. The names are stored in runs and hits: never rename them.</summary>
public static class SubjectTypes
{
    public const string Partner = "PartnerOrganisation";
    public const string Affiliation = "Affiliation";
    public const string TalentProgram = "TalentProgramParticipation";
    public const string Visit = "Visit";
    public const string Person = "Person";
    public const string FundingSource = "FundingSource";
    /// <summary>The party named in a suspicious-approach report.</summary>
    public const string ApproachReport = "ApproachReport";

    /// <summary>The order a full re-screen walks the subjects in; the resume checkpoint refers to it (append only).</summary>
    public static readonly IReadOnlyList<string> All = [Partner, Affiliation, TalentProgram, Visit, Person, FundingSource, ApproachReport];
}

/// <summary>Field names stored on hits.</summary>
public static class ScreenedFields
{
    public const string Name = "name";
    public const string Address = "address";
    public const string OrganisationName = "organisationName";
    public const string ProgramName = "programName";
    public const string Sponsor = "sponsor";
    public const string EmailDomain = "emailDomain";
    public const string ForeignFundingDetails = "foreignFundingDetails";
    public const string FunderName = "funderName";
    public const string Payer = "payer";
    public const string ApproacherOrganisation = "approacherOrganisation";
    public const string ApproacherName = "approacherName";
}

/// <summary>One name-bearing field of a subject, with the country the record states (evidence for the engine).</summary>
public sealed record ScreenedField(string Field, string Text, string? CountryHint);

/// <summary>A record to screen: what it is, whom it belongs to, and its name-bearing fields.</summary>
public sealed record ScreeningSubject(string Type, Guid Id, Guid? ProposalId, Guid? PersonId, IReadOnlyList<ScreenedField> Fields)
{
    public SubjectKey Key => new(Type, Id);
}

public readonly record struct SubjectKey(string Type, Guid Id);
