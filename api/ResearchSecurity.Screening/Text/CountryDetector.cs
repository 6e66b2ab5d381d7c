using System.Collections.Frozen;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Finds country evidence in an affiliation. Explicit mentions (country names, US state codes) are strong; major
/// Chinese provinces and cities are weaker evidence used only when no country is named.
/// Keys are canonical token sequences (see <see cref="Tokenizer"/>), values ISO alpha-2.
/// </summary>
public static class CountryDetector
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["china"] = "cn", ["prc"] = "cn", ["p r china"] = "cn", ["pr china"] = "cn", ["people republic china"] = "cn",
        ["usa"] = "us", ["united state"] = "us", ["united state america"] = "us", ["u s a"] = "us", ["america"] = "us",
        ["uk"] = "gb", ["united kingdom"] = "gb", ["england"] = "gb", ["scotland"] = "gb", ["wale"] = "gb",
        ["russia"] = "ru", ["russian federation"] = "ru", ["iran"] = "ir", ["hong kong"] = "hk", ["macau"] = "mo",
        ["macao"] = "mo", ["taiwan"] = "tw", ["japan"] = "jp", ["korea"] = "kr", ["south korea"] = "kr",
        ["republic korea"] = "kr", ["north korea"] = "kp", ["germany"] = "de", ["france"] = "fr", ["italy"] = "it",
        ["spain"] = "es", ["portugal"] = "pt", ["netherland"] = "nl", ["belgium"] = "be", ["switzerland"] = "ch",
        ["austria"] = "at", ["sweden"] = "se", ["norway"] = "no", ["denmark"] = "dk", ["finland"] = "fi",
        ["poland"] = "pl", ["czech republic"] = "cz", ["czechia"] = "cz", ["hungary"] = "hu", ["greece"] = "gr",
        ["turkey"] = "tr", ["turkiye"] = "tr", ["israel"] = "il", ["egypt"] = "eg", ["saudi arabia"] = "sa",
        ["india"] = "in", ["pakistan"] = "pk", ["bangladesh"] = "bd", ["singapore"] = "sg", ["malaysia"] = "my",
        ["thailand"] = "th", ["vietnam"] = "vn", ["viet nam"] = "vn", ["indonesia"] = "id", ["philippine"] = "ph",
        ["australia"] = "au", ["new zealand"] = "nz", ["canada"] = "ca", ["mexico"] = "mx", ["brazil"] = "br",
        ["argentina"] = "ar", ["chile"] = "cl", ["colombia"] = "co", ["peru"] = "pe", ["south africa"] = "za",
        ["nigeria"] = "ng", ["kenya"] = "ke", ["ethiopia"] = "et", ["ireland"] = "ie", ["ukraine"] = "ua",
        ["belarus"] = "by", ["kazakhstan"] = "kz", ["iraq"] = "iq", ["syria"] = "sy", ["lebanon"] = "lb",
        ["jordan"] = "jo", ["tunisia"] = "tn", ["algeria"] = "dz", ["morocco"] = "ma", ["romania"] = "ro",
        ["bulgaria"] = "bg", ["serbia"] = "rs", ["croatia"] = "hr", ["slovenia"] = "si", ["slovakia"] = "sk",
        ["estonia"] = "ee", ["latvia"] = "lv", ["lithuania"] = "lt", ["cuba"] = "cu", ["venezuela"] = "ve",
        ["qatar"] = "qa", ["united arab emirate"] = "ae", ["uae"] = "ae", ["oman"] = "om", ["kuwait"] = "kw",
        ["armenia"] = "am", ["azerbaijan"] = "az", ["uzbekistan"] = "uz", ["kyrgyzstan"] = "kg", ["tajikistan"] = "tj",
        ["moldova"] = "md", ["afghanistan"] = "af",
        ["nepal"] = "np", ["sri lanka"] = "lk", ["myanmar"] = "mm", ["mongolia"] = "mn", ["inner mongolia"] = "cn", ["cyprus"] = "cy",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> FirstWordsOfLongerNames =
        Names.Keys.Where(k => k.Contains(' ')).Select(k => k[..k.IndexOf(' ')]).ToFrozenSet();

    /// <summary>
    /// Country names written in Chinese characters or Hangul, and the largest Japanese and Korean cities written in their
    /// own script (a Japanese address says 仙台 where an English one says Japan: 東北大学 of Sendai is not 东北大学 of
    /// Shenyang). Written as used; folded like the text (<see cref="ScriptFolding"/>).
    /// </summary>
    private static readonly (string Word, string Code)[] CharacterScriptNames = new (string Word, string Code)[]
    {
        ("中国", "cn"), ("日本", "jp"), ("韓国", "kr"), ("大韓民国", "kr"), ("ロシア", "ru"), ("イラン", "ir"),
        ("台灣", "tw"), ("臺灣", "tw"), ("香港", "hk"), ("澳門", "mo"),
        ("한국", "kr"), ("대한민국", "kr"), ("일본", "jp"), ("중국", "cn"), ("러시아", "ru"), ("이란", "ir"), ("대만", "tw"),
        ("홍콩", "hk"),
        ("東京", "jp"), ("大阪", "jp"), ("京都", "jp"), ("名古屋", "jp"), ("横浜", "jp"), ("仙台", "jp"), ("札幌", "jp"),
        ("福岡", "jp"), ("神戸", "jp"), ("広島", "jp"), ("つくば", "jp"), ("筑波", "jp"),
        ("서울", "kr"), ("부산", "kr"), ("대전", "kr"), ("대구", "kr"), ("인천", "kr"), ("포항", "kr"), ("수원", "kr"),
    }.Select(p => (TextNormalizer.CjkOnly(p.Word) is { Length: > 0 } cjk ? cjk : p.Word, p.Code)).ToArray();

    private static readonly string[] CharacterScriptWords = [.. CharacterScriptNames.Select(p => p.Word)];

    private static readonly FrozenSet<string> ChinaPlaces = new[]
    {
        "beijing", "shanghai", "tianjin", "chongqing", "guangzhou", "shenzhen", "wuhan", "nanjing", "hangzhou", "xian",
        "chengdu", "harbin", "changsha", "hefei", "jinan", "qingdao", "dalian", "shenyang", "changchun", "lanzhou",
        "kunming", "xiamen", "fuzhou", "nanchang", "zhengzhou", "taiyuan", "shijiazhuang", "guiyang", "nanning",
        "urumqi", "suzhou", "ningbo", "wuxi", "mianyang", "hebei", "shanxi", "shaanxi", "henan", "hubei", "hunan",
        "guangdong", "guangxi", "sichuan", "yunnan", "guizhou", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi",
        "shandong", "liaoning", "jilin", "heilongjiang", "gansu", "qinghai", "xinjiang", "ningxia", "hainan",
    }.ToFrozenSet();

    /// <summary>
    /// Large Russian and Iranian cities and the Russian science towns of listed institutes, weak evidence like
    /// <see cref="ChinaPlaces"/> (as the lists and BGN/PCGN spell them; Cyrillic and Persian are transliterated first).
    /// </summary>
    private static readonly FrozenDictionary<string, string> OtherPlaces = new Dictionary<string, string>
    {
        ["moscow"] = "ru", ["moskva"] = "ru", ["petersburg"] = "ru", ["peterburg"] = "ru", ["novosibirsk"] = "ru",
        ["yekaterinburg"] = "ru", ["ekaterinburg"] = "ru", ["tomsk"] = "ru", ["krasnoyarsk"] = "ru", ["vladivostok"] = "ru",
        ["irkutsk"] = "ru", ["chelyabinsk"] = "ru", ["samara"] = "ru", ["omsk"] = "ru", ["voronezh"] = "ru",
        ["volgograd"] = "ru", ["khabarovsk"] = "ru", ["dubna"] = "ru", ["chernogolovka"] = "ru", ["dolgoprudny"] = "ru",
        ["dolgoprudnyy"] = "ru", ["troitsk"] = "ru", ["zelenograd"] = "ru", ["pushchino"] = "ru", ["obninsk"] = "ru",
        ["sarov"] = "ru", ["tehran"] = "ir", ["isfahan"] = "ir", ["esfahan"] = "ir", ["shiraz"] = "ir", ["tabriz"] = "ir",
        ["mashhad"] = "ir", ["qazvin"] = "ir", ["noshahr"] = "ir",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> UsStates = new[]
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    }.ToFrozenSet();

    /// <summary>A known country or Chinese province/city word: two different ones are never typos of each other.</summary>
    public static bool IsPlace(string token) => Names.ContainsKey(token) || ChinaPlaces.Contains(token);

    /// <summary>"China" in "Renmin University of China": a country after "of" does not make another organisation.</summary>
    public static bool IsCountryWord(string token) => Names.ContainsKey(token);

    /// <summary>Explicit and inferred countries of each clause.</summary>
    public static (HashSet<string> Explicit, HashSet<string> Inferred)[] Detect(IReadOnlyList<Segment> segments)
    {
        var clauses = segments.Count == 0 ? 0 : segments[^1].Clause + 1;
        var result = new (HashSet<string>, HashSet<string>)[clauses];
        for (var c = 0; c < clauses; c++) result[c] = ([], []);
        foreach (var seg in segments)
        {
            var (exp, inf) = result[seg.Clause];
            var toks = seg.Tokens;
            for (var i = 0; i < toks.Count; i++)
            {
                for (var n = Math.Min(4, toks.Count - i); n >= 1; n--)
                {
                    // Most words start no name of several words: build the joined key only for those that do.
                    if (n > 1 && !FirstWordsOfLongerNames.Contains(toks[i].Text)) continue;
                    var key = n == 1 ? toks[i].Text : string.Join(' ', toks.Skip(i).Take(n).Select(t => t.Text));
                    if (Names.TryGetValue(key, out var code)) { exp.Add(code); i += n - 1; break; }
                }
                if (ChinaPlaces.Contains(toks[i].Text)) inf.Add("cn");
                else if (OtherPlaces.TryGetValue(toks[i].Text, out var place)) inf.Add(place);
            }
            if (IsUsStateSegment(seg.Raw)) exp.Add("us");
            if (seg.Cjk.Length > 0 || HasKana(seg.Raw)) // Chinese characters, Hangul or kana
            {
                // A mention, not the start of a longer word: 日本語 is the Japanese language, not Japan.
                var folded = CjkPlaceMention.Fold(seg.Raw);
                foreach (var (word, code) in CharacterScriptNames)
                    if (CjkPlaceMention.IsMentioned(folded, word, CharacterScriptWords)) exp.Add(code);
            }
            if (TextNormalizer.HasHan(seg.Cjk)) inf.Add("cn");
        }
        return result;
    }

    private static bool HasKana(string s)
    {
        foreach (var c in s) if (c is >= '\u3040' and <= '\u30FF') return true;
        return false;
    }

    // "CA", "CA 94305", "MA 02115-5727": a two-letter state code alone in its segment.
    private static bool IsUsStateSegment(string raw)
    {
        var s = raw.Trim();
        if (s.Length < 2 || !UsStates.Contains(s[..2])) return false;
        if (s.Length == 2) return true;
        var rest = s[2..].Trim();
        return rest.Length >= 5 && rest.All(ch => char.IsDigit(ch) || ch == '-');
    }
}
