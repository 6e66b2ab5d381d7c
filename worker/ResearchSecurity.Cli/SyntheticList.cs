using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Cli;

/// <summary>
/// Generates a large list of plausible organisation names ("Qinlan Shaoru Institute of Optical Materials") from
/// random pinyin-like syllables, so list-size growth can be measured without real data.
/// </summary>
internal static class SyntheticList
{
    private static readonly string[] Syllables = ["an", "bei", "chang", "da", "feng", "guang", "hai", "hua", "jia", "jin", "kun", "lan", "long", "ming", "nan", "ning", "qing", "rui", "shan", "shao", "tai", "tian", "wei", "xin", "yang", "yun", "zhen", "zhou", "ru", "qin", "lu", "mei"];
    private static readonly string[] Types = ["University", "Institute", "Academy", "Research Center", "Laboratory", "Company Limited", "Group Corporation", "College"];
    private static readonly string[] Fields = ["Optical Materials", "Aeronautics", "Electronic Systems", "Precision Machinery", "Marine Engineering", "Radar Technology", "Applied Chemistry", "Energy Research", "Information Security", "Space Technology"];

    public static Watchlist Generate(int count, int seed)
    {
        var rng = new Random(seed);
        string Word() => Capital(Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)]);
        var entities = new List<WatchlistEntity>(count);
        for (var i = 0; i < count; i++)
        {
            var name = rng.Next(3) switch
            {
                0 => $"{Word()} {Word()} {Types[rng.Next(Types.Length)]}",
                1 => $"{Word()} {Types[rng.Next(Types.Length)]} of {Fields[rng.Next(Fields.Length)]}",
                _ => $"{Word()} {Word()} {Fields[rng.Next(Fields.Length)]} {Types[rng.Next(Types.Length)]}",
            };
            entities.Add(new WatchlistEntity { ListId = "synthetic", EntityId = "syn-" + i, Name = name, Countries = ["cn"] });
        }
        return new Watchlist("synthetic", "Synthetic benchmark list", "generated", entities);
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
