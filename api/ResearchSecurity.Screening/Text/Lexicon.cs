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
        ["ukrainian"] = "ukraine", ["belarusian"] = "belarus", ["bulgarian"] = "bulgaria", ["polish"] = "poland",
        ["latvian"] = "latvia", ["lithuanian"] = "lithuania", ["estonian"] = "estonia", ["armenian"] = "armenia",
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
        "Federal State Unitary Enterprise", "Federal State Institution", "Federal Research Center", "Open Joint Stock Company", "Public Joint Stock Company",
        "Joint Stock Company",
    ];

    /// <summary>
    /// Subjects that follow an organisation type in a name ("University [of] Technology", "Institute [of] Science"): right
    /// after a listed "X University" they make another body, with or without the "of".
    /// </summary>
    public static readonly FrozenSet<string> SubjectWords = new[]
    {
        "technology", "science", "engineering", "medicine", "medical", "chemical", "chemistry", "physic", "information",
        "electronic", "material", "aeronautic", "astronautic", "telecommunication", "communication", "commerce", "finance",
        "economic", "agriculture", "agricultural", "forestry", "mining", "petroleum", "art", "law", "education", "sport",
    }.ToFrozenSet();

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

    /// <summary>
    /// Chinese organisation-type and topical words, the counterparts of <see cref="GenericWords"/> (大学 university,
    /// 研究所 institute, 重点实验室 key laboratory, 教育部 Ministry of Education, 有限公司 Co., Ltd. ...), Simplified forms
    /// (text is folded first). A Chinese name left with fewer than two characters once these are removed says too little
    /// to stand alone ("教育部重点实验室").
    /// </summary>
    public static readonly IReadOnlyList<string> CjkGenericWords =
    [
        "中国人民解放军", "股份有限公司", "有限责任公司", "有限公司", "重点实验室", "实验室", "研究院", "研究所", "研究中心", "大学",
        "学院", "学校", "中心", "集团", "公司", "总公司", "教育部", "国防科工局", "国家", "重点", "中国", "科学", "技术", "科技",
        "工程", "工业", "研究", "类",
    ];

    /// <summary>
    /// "National" before a Chinese-script name, the counterpart of <see cref="NameModifiers"/>: 國立清華大學 (Hsinchu) is
    /// not 清华大学, nor is 국립청화대학.
    /// </summary>
    public static readonly IReadOnlyList<string> CjkNameModifiers = ["国立", "국립"];

    /// <summary>
    /// Korean organisation-type words written in Hangul without a Chinese counterpart above (대학교 university, 연구소
    /// institute, 공과대학 college of engineering, 과학기술원 institute of science and technology; 국방 national defence,
    /// which heads Korea's own 국방부, 국방과학연구소, 국방대학교, so the reading 국방대학 of 国防大学 says nothing alone).
    /// </summary>
    public static readonly IReadOnlyList<string> HangulGenericWords =
    [
        "대학교", "대학원", "연구소", "연구원", "공과대학", "과학기술원", "기술원", "한국", "국립", "국방",
    ];
}
