using System.Collections.Frozen;

namespace ResearchSecurity.Screening.Text;

/// <summary>Word lists that encode how organisation names are written, not which organisations exist.</summary>
public static class Lexicon
{
    /// <summary>Abbreviations seen in affiliations, mapped to the full word (compared after lower-casing, dot removed).</summary>
    public static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>
    {
        ["univ"] = "university", ["uni"] = "university", ["universit"] = "university", ["unversity"] = "university",
        ["inst"] = "institute", ["institut"] = "institute", ["instit"] = "institute", ["institution"] = "institute",
        ["tech"] = "technology", ["technol"] = "technology", ["techn"] = "technology",
        ["acad"] = "academy", ["sci"] = "science", ["scie"] = "science",
        ["natl"] = "national", ["nat"] = "national", ["nat'l"] = "national",
        ["eng"] = "engineering", ["engn"] = "engineering", ["engin"] = "engineering", ["engg"] = "engineering",
        ["coll"] = "college", ["lab"] = "laboratory", ["labs"] = "laboratory", ["lab."] = "laboratory",
        ["dept"] = "department", ["dep"] = "department", ["res"] = "research", ["ctr"] = "center", ["cent"] = "center",
        ["hosp"] = "hospital", ["med"] = "medical", ["aeronaut"] = "aeronautic", ["astronaut"] = "astronautic",
        ["telecommun"] = "telecommunication", ["polytech"] = "polytechnic", ["polytechnical"] = "polytechnic",
        ["corp"] = "corporation", ["co"] = "company", ["ltd"] = "limited", ["grp"] = "group", ["mil"] = "military",
        ["def"] = "defense", ["elect"] = "electronic", ["electr"] = "electronic", ["comm"] = "communication",
    }.ToFrozenDictionary();

    /// <summary>Spelling variants and demonyms folded to one form (British/American, adjective/country).</summary>
    public static readonly FrozenDictionary<string, string> Variants = new Dictionary<string, string>
    {
        ["centre"] = "center", ["defence"] = "defense", ["organisation"] = "organization", ["programme"] = "program",
        ["chinese"] = "china", ["russian"] = "russia", ["iranian"] = "iran", ["korean"] = "korea",
        ["armoured"] = "armored", ["labour"] = "labor", ["aeronautical"] = "aeronautic", ["astronautical"] = "astronautic",
        ["peoples"] = "people", ["naval"] = "navy",
    }.ToFrozenDictionary();

    /// <summary>Words dropped before matching ("of" is remembered on the next token, see <see cref="Token.AfterOf"/>).</summary>
    public static readonly FrozenSet<string> StopWords = new[]
    {
        "the", "and", "of", "for", "at", "in", "on", "an", "de", "del", "la", "des", "di", "du", "da", "und", "y", "et",
    }.ToFrozenSet();

    /// <summary>
    /// Organisation-type and topical words: weak evidence on their own. They also mark where an organisation name
    /// ends, so "X University of Y" is a different body from "X University".
    /// </summary>
    public static readonly FrozenSet<string> OrgTypeWords = new[]
    {
        "university", "institute", "academy", "college", "school", "polytechnic", "corporation", "company", "group",
        "limited", "center", "laboratory", "hospital", "faculty", "department", "inc", "llc", "plc", "gmbh",
    }.ToFrozenSet();

    public static readonly FrozenSet<string> GenericWords = new[]
    {
        "university", "institute", "academy", "college", "school", "polytechnic", "corporation", "company", "group",
        "limited", "center", "laboratory", "hospital", "faculty", "department", "inc", "llc", "plc", "gmbh",
        "technology", "science", "engineering", "national", "research", "state", "key", "china", "people", "republic",
        "industry", "international", "medical", "medicine", "normal", "technical", "applied", "advanced", "information",
        "electronic", "system", "material", "physic", "chemistry", "chemical", "development",
        "new", "high", "central", "general", "joint", "main", "first", "second", "third", "affiliated", "province",
        "city", "ministry", "education", "holding", "co", "ltd", "branch", "division", "office", "program", "pla", "capf",
    }.ToFrozenSet();

    /// <summary>
    /// Legal-form prefixes that inputs usually leave out, like "Co., Ltd." at the end of company names
    /// (Russian state institutions: "Federal State Budgetary Institution of Science ...").
    /// </summary>
    public static readonly IReadOnlyList<string> LegalPrefixes =
    [
        "Federal State Budgetary Institution of Science", "Federal State Budgetary Educational Institution of Higher Education",
        "Federal State Budgetary Educational Institution of Higher Professional Education",
        "Federal State Autonomous Educational Institution of Higher Education", "Federal State Budgetary Institution",
        "Federal State Unitary Enterprise", "Federal State Institution", "Open Joint Stock Company", "Public Joint Stock Company",
        "Joint Stock Company",
    ];

    /// <summary>
    /// Words that, right before a listed name, make it another organisation: compass words ("South China University ..."
    /// vs "China University ...") and "National" ("National Sun Yat-sen University" is not "Sun Yat-sen University").
    /// </summary>
    public static readonly FrozenSet<string> NameModifiers = new[]
    {
        "national",
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern",
        "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern", "central", "upper", "lower",
    }.ToFrozenSet();
}
