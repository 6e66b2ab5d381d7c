using System.Text;
using ICU4N.Text;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Tests.Text;

/// <summary>The shipped Traditional->Simplified table is exactly what ICU's transform gives today (see Text/Data/README.md).</summary>
public sealed class ScriptFoldingTableTests
{
    [Fact]
    public void ShippedFoldingTable_EqualsIcuTraditionalSimplifiedTransform()
    {
        var generated = Generate();
        if (Environment.GetEnvironmentVariable("RS_REGENERATE_FOLDING") is { Length: > 0 } path)
            File.WriteAllText(path, string.Concat(generated.OrderBy(p => p.Key).Select(p => $"{p.Key}\t{p.Value}\n")), new UTF8Encoding(false));
        Assert.True(generated.Count > 2000, "ICU gave too few foldings");
        Assert.Equal(generated.OrderBy(p => p.Key), ScriptFolding.Table.OrderBy(p => p.Key));
    }

    [Fact]
    public void Fold_TraditionalUniversityName_GivesSimplified()
    {
        Assert.Equal("西北工业大学", ScriptFolding.Fold("西北工業大學"));
        Assert.Equal("北京航空航天大学", ScriptFolding.Fold("北京航空航天大學"));
    }

    private static Dictionary<char, char> Generate()
    {
        var source = new StringBuilder();
        void Range(char a, char b) { for (var c = a; c <= b; c++) source.Append(c).Append(' '); }
        Range('\u4E00', '\u9FFF');
        Range('\u3400', '\u4DBF');
        Range('\uF900', '\uFAFF');
        var from = source.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var to = Transliterator.GetInstance("Traditional-Simplified").Transliterate(source.ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(from.Length, to.Length);
        var table = new Dictionary<char, char>();
        for (var i = 0; i < from.Length; i++)
            if (to[i].Length == 1 && to[i][0] != from[i][0]) table[from[i][0]] = to[i][0];
        return table;
    }
}
