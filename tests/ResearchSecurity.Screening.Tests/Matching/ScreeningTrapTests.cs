using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Tests.Support;

namespace ResearchSecurity.Screening.Tests.Matching;

/// <summary>The classic traps of affiliation matching, with realistic strings, against the real development lists.</summary>
[Collection(EngineCollection.Name)]
public sealed class ScreeningTrapTests(EngineFixture fixture)
{
    private const string Aspi = "china-defence-universities";
    private const string Us1286 = "us_dod_section_1286";

    private IReadOnlyList<ScreeningMatch> Screen(string text) => fixture.Engine.Screen(text, new DateOnly(2026, 1, 1));

    private static bool Names(IEnumerable<ScreeningMatch> hits, string startsWith) =>
        hits.Any(h => h.Name.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public void Screen_NorthwesternUniversityEvanston_DoesNotHitNorthwesternPolytechnical()
    {
        var hits = Screen("Department of Chemistry, Northwestern University, Evanston, IL 60208, USA");
        Assert.Empty(hits);
    }

    [Fact]
    public void Screen_NorthwesternPolytechnicalUniversity_HitsBothLists()
    {
        var hits = Screen("School of Aeronautics, Northwestern Polytechnical University, Xi'an 710072, China");
        Assert.Contains(hits, h => h.ListId == Aspi && h.Name.StartsWith("Northwestern Polytechnical University", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Name == "Northwestern Polytechnical University");
    }

    [Fact]
    public void Screen_NanjingUniversity_DoesNotHitNanjingUniversityOfAeronautics()
    {
        var hits = Screen("School of Chemistry and Chemical Engineering, Nanjing University, Nanjing 210023, China");
        Assert.False(Names(hits, "Nanjing University of Aeronautics"));
    }

    [Fact]
    public void Screen_NanjingUniversityOfAeronautics_LongerNameWinsOverShorter()
    {
        var hits = Screen("College of Automation Engineering, Nanjing University of Aeronautics and Astronautics, Nanjing, China");
        Assert.True(Names(hits, "Nanjing University of Aeronautics and Astronautics"));
        Assert.DoesNotContain(hits, h => h.Name.StartsWith("Nanjing University (", StringComparison.Ordinal) || h.Name == "Nanjing University");
    }

    [Fact]
    public void Screen_TianjinUniversityOfTechnology_DoesNotHitTianjinUniversity()
    {
        var hits = Screen("School of Materials Science and Engineering, Tianjin University of Technology, Tianjin 300384, China");
        Assert.DoesNotContain(hits, h => h.Name.StartsWith("Tianjin University (", StringComparison.Ordinal) || h.Name == "Tianjin University");
    }

    [Fact]
    public void Screen_TianjinUniversity_HitsTianjinUniversity()
    {
        var hits = Screen("School of Chemical Engineering and Technology, Tianjin University, Tianjin 300072, China");
        Assert.Contains(hits, h => h.ListId == Aspi && h.Name.StartsWith("Tianjin University (", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_AbbreviatedHarbinEngUniv_HitsHarbinEngineeringUniversity()
    {
        var hits = Screen("Coll. of Power & Energy Eng., Harbin Eng. Univ., Harbin, China");
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Name == "Harbin Engineering University");
    }

    [Fact]
    public void Screen_AbbreviatedInstTechAcadSci_ExpandsAbbreviations()
    {
        var hits = Screen("Sch. of Astronautics, Harbin Inst. of Tech., Harbin 150001, P.R. China");
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Name == "Harbin Institute of Technology");
    }

    [Fact]
    public void Screen_ChineseScriptNudt_HitsNationalUniversityOfDefenseTechnology()
    {
        var hits = Screen("国防科技大学 计算机学院, 长沙");
        var hit = Assert.Single(hits, h => h.ListId == Aspi);
        Assert.StartsWith("National University of Defense Technology", hit.Name);
        Assert.Equal(NameKind.ChineseScript, hit.Explanation.MatchedNameKind);
    }

    [Fact]
    public void Screen_HangzhouDianziInInput_HitsListTypoHangzhao()
    {
        var hits = Screen("School of Automation, Hangzhou Dianzi University, Hangzhou 310018, China");
        var hit = Assert.Single(hits, h => h.ListId == Us1286);
        Assert.Equal("Hangzhao Dianzi University", hit.Name);
        // Scored directly against the misspelt listed name, the typo is visible and costs a little.
        var direct = fixture.Engine.Compare("Hangzhou Dianzi University", "Hangzhao Dianzi University");
        Assert.InRange(direct, 0.8, 0.99);
    }

    [Fact]
    public void Screen_TypoInInput_StillHitsListedName()
    {
        var hits = Screen("School of Energy, Harbin Institute of Technolgy, Harbin, China");
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Name == "Harbin Institute of Technology");
    }

    [Fact]
    public void Screen_ShortPlaceNamesOneLetterApart_AreNotTypos()
    {
        // Henan University is not Hunan University: five-letter words never match with an edit.
        var hits = Screen("School of Life Sciences, Henan University, Kaifeng, China");
        Assert.False(Names(hits, "Hunan University"));
    }

    [Fact]
    public void Screen_UsAddressWithChineseEntityAlias_DoesNotConfirmHit()
    {
        // A real US school shares an English alias with Northwestern Polytechnical University.
        var hits = Screen("Department of Computer Science, Northwestern Polytechnic University, Fremont, CA 94539, USA");
        Assert.Empty(hits);
    }

    [Fact]
    public void Screen_SameAliasWithChineseAddress_Hits()
    {
        var hits = Screen("Northwestern Polytechnic University, Xi'an, Shaanxi, China");
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Explanation.CountryAgreement == CountryAgreement.Agrees);
    }

    [Fact]
    public void Screen_UnlistedCasInstitute_DoesNotHit()
    {
        var hits = Screen("Institute of Chemistry, Chinese Academy of Sciences, Beijing 100190, China");
        Assert.Empty(hits);
        var abbreviated = Screen("Key Laboratory of Photochemistry, Institute of Chemistry, CAS, Beijing, China");
        Assert.Empty(abbreviated);
    }

    [Fact]
    public void Screen_ListedCasInstitute_HitsThatInstitute()
    {
        var hits = Screen("State Key Laboratory of Robotics, Shenyang Institute of Automation, Chinese Academy of Sciences, Shenyang 110016, China");
        var hit = Assert.Single(hits);
        Assert.Equal("Chinese Academy of Sciences - Shenyang Institute of Automation", hit.Name);
    }

    [Fact]
    public void Screen_ListedCasInstituteOfPhysics_Hits()
    {
        var hits = Screen("Beijing National Laboratory for Condensed Matter Physics, Institute of Physics, Chinese Academy of Sciences, Beijing, China");
        Assert.Contains(hits, h => h.Name == "Chinese Academy of Sciences – Institute of Physics");
    }

    [Fact]
    public void Screen_ListedCasInstituteWithoutAcademy_DoesNotHit()
    {
        // Both parts of "Chinese Academy of Sciences - Shenyang Institute of Automation" must be present.
        var hits = Screen("Shenyang Institute of Automation Co., Ltd., Shenyang, China");
        Assert.Empty(hits);
    }

    [Fact]
    public void Screen_HtmlEntitiesAndAmpersand_AreDecoded()
    {
        var hits = Screen("School of Science, Beijing University of Posts &amp; Telecommunications, Beijing, China");
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Name == "Beijing University of Posts and Telecommunications");
        var apostrophe = Screen("School of Physics, Xi&#x0027;an Jiaotong University, Xi&#x0027;an, China");
        Assert.Contains(apostrophe, h => h.ListId == Aspi && h.Name.StartsWith("Xi'an Jiaotong University", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_XianJiaotongInInput_HitsListTypoJiatong()
    {
        var hits = Screen("School of Energy and Power Engineering, Xi’an Jiaotong University, Xi’an, China");
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Name == "Xi’an Jiatong University");
    }

    [Fact]
    public void Screen_GluedWords_AreSplit()
    {
        var hits = Screen("Department of Physics, Universityof Science and Technology of China, Hefei, China");
        Assert.Contains(hits, h => h.ListId == Aspi && h.Name.StartsWith("University of Science and Technology of China", StringComparison.Ordinal));
        var camel = Screen("HarbinInstitute of Technology, Harbin, China");
        Assert.Contains(camel, h => h.ListId == Us1286 && h.Name == "Harbin Institute of Technology");
    }

    [Fact]
    public void Screen_JoinedPinyin_MatchesSpacedListName()
    {
        var hits = Screen("School of Medicine, Shanghai Jiaotong University, Shanghai, China");
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Name == "Shanghai Jiao Tong University");
    }

    [Fact]
    public void Screen_DiacriticsAndNfkc_AreNormalised()
    {
        var hits = Screen("Ｚｈｅｊｉａｎｇ Ｕｎｉｖｅｒｓｉｔｙ, Hangzhou, China");
        Assert.Contains(hits, h => h.ListId == Aspi && h.Name.StartsWith("Zhejiang University (", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_WordOrderUniversityOfX_HitsXUniversity()
    {
        var hits = Screen("University of Tsinghua, Beijing, China");
        var hit = Assert.Single(hits, h => h.ListId == Aspi);
        Assert.StartsWith("Tsinghua University", hit.Name);
        Assert.Contains(hit.Explanation.Features, f => f.Feature == "word order");
    }

    [Fact]
    public void Screen_AcronymWithSupport_Hits()
    {
        var hits = Screen("College of Computer, NUDT, Changsha 410073, Hunan, China");
        Assert.Contains(hits, h => h.ListId == Us1286 && h.Name == "National University of Defense Technology");
    }

    [Fact]
    public void Screen_InstitutionalEmailDomain_HitsByAcronym()
    {
        var hits = Screen("Corresponding author: li.wei@nudt.edu.cn");
        var hit = Assert.Single(hits, h => h.ListId == Us1286);
        Assert.Equal("National University of Defense Technology", hit.Name);
        Assert.Contains(hit.Explanation.Features, f => f.Detail.Contains("domain", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_SameLabelUnderOtherCountryDomain_DoesNotHit()
    {
        Assert.Empty(Screen("Corresponding author: j.smith@nudt.ac.uk"));
    }

    [Fact]
    public void Screen_AcronymWithoutSupport_DoesNotHit()
    {
        var hits = Screen("AMS Department, Stony Brook, NY 11794, USA");
        Assert.Empty(hits);
    }

    [Fact]
    public void Screen_GenericWordsOnly_DoNotMatchInsideOtherNames()
    {
        // "Information Engineering University" is made of generic words; a school of that name elsewhere is not it.
        var hits = Screen("School of Information Engineering, Zhengzhou University, Zhengzhou, China");
        Assert.DoesNotContain(hits, h => h.Name.StartsWith("Information Engineering University", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_Hit_ExplanationCarriesContributionsTokensAndCountry()
    {
        var hit = Screen("Department of Applied Physics, Beihang University, Beijing 100191, China")
            .First(h => h.ListId == Us1286 && h.Name == "Beijing University of Aeronautics and Astronautics");
        Assert.Equal("Beijing University of Aeronautics and Astronautics", hit.Name);
        Assert.Equal("Beihang University", hit.MatchedName);
        Assert.Equal("Beihang University", hit.Segment);
        Assert.Contains("beihang", hit.Explanation.MatchedTokens);
        Assert.Contains("cn", hit.Explanation.TextCountries);
        var aspi = Screen("Department of Applied Physics, Beihang University, Beijing 100191, China").First(h => h.ListId == Aspi);
        Assert.Equal(CountryAgreement.Agrees, aspi.Explanation.CountryAgreement);
        Assert.Empty(aspi.Explanation.UnmatchedTokens); // the segment is exactly the name
        Assert.Contains(hit.Explanation.Features, f => f.Feature == "country");
        Assert.False(string.IsNullOrEmpty(hit.Explanation.EntityContentHash));
        var json = System.Text.Json.JsonSerializer.Serialize(aspi);
        Assert.Contains("\"CountryAgreement\":\"Agrees\"", json);
    }

    [Fact]
    public void Screen_ListedSubsidiary_ShowsParentPath()
    {
        var hits = Screen("AVIC Heavy Machinery Company Limited, Guiyang, China");
        var hit = Assert.Single(hits, h => h.EntityId == "us-1260h-avic-heavy-machinery-company-limited");
        Assert.Contains(" > ", hit.Explanation.ParentPath);
    }

    [Fact]
    public void Screen_DefenceLaboratoryOfListedUniversity_ResolvesToEntryWithPath()
    {
        var hit = Assert.Single(Screen("State Key Laboratory for Powder Metallurgy, Changsha 410083, China"));
        Assert.StartsWith("Central South University", hit.Name);
        Assert.Equal(NameKind.Child, hit.Explanation.MatchedNameKind);
        Assert.Equal("major defence laboratories: State Key Laboratory for Powder Metallurgy", hit.Explanation.ParentPath);
        Assert.True(hit.Score < 1.0);
    }

    [Fact]
    public void Screen_NationalPrefixedNamesakeWithoutCountry_DoesNotHit()
    {
        Assert.Empty(Screen("Department of Physics, National Tsing Hua University, Hsinchu 30013"));
        Assert.Empty(Screen("Institute of Marine Biology, National Sun Yat-sen University, Kaohsiung 80424"));
    }

    [Fact]
    public void Screen_EmptyText_ReturnsNoHits()
    {
        Assert.Empty(Screen("   "));
    }

    [Fact]
    public void Compare_AbbreviatedAndFullName_ScoresHigh()
    {
        Assert.True(fixture.Engine.Compare("Harbin Eng. Univ.", "Harbin Engineering University") >= 0.9);
    }

    [Fact]
    public void Compare_ShorterContainedDifferentUniversity_IsNoMatch()
    {
        Assert.False(fixture.Engine.IsSameOrganisation(fixture.Engine.Compare("Northwestern University", "Northwestern Polytechnical University")));
        Assert.False(fixture.Engine.IsSameOrganisation(fixture.Engine.Compare("Tianjin University of Technology", "Tianjin University")));
    }

    [Fact]
    public void Screen_ParentName_DoesNotRaiseItsListedSubsidiaries()
    {
        var hits = Screen("Aviation Industry Corporation of China, Beijing, China");
        Assert.Contains(hits, h => h.Name.StartsWith("Aviation Industry Corporation of China", StringComparison.Ordinal));
        Assert.DoesNotContain(hits, h => h.Name.StartsWith("AVIC ", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_ListedSubsidiary_ExplanationShowsOwnershipPath()
    {
        var hit = Assert.Single(Screen("AVIC Shenyang Aircraft Company Limited, Shenyang, China"), h => h.Name.StartsWith("AVIC Shenyang", StringComparison.Ordinal));
        Assert.Contains("Aviation Industry Corporation of China", hit.Explanation.ParentPath);
    }

    [Fact]
    public void Screen_LaboratoryNamedUnderAParent_HitsParentWeakerWithPath()
    {
        var hit = Assert.Single(Screen("Institute of Chemical Defense, Beijing, China"), h => h.ListId == Aspi);
        Assert.StartsWith("Academy of Military Science", hit.Name);
        Assert.True(hit.Score < 1.0);
        Assert.False(string.IsNullOrEmpty(hit.Explanation.ParentPath));
    }

    [Fact]
    public void Screen_MisspeltGenericWord_HitExplainedAsTypo()
    {
        var hit = Assert.Single(Screen("Xidian Univresity, Xi'an, China"), h => h.ListId == Aspi);
        Assert.Contains(hit.Explanation.Features, f => f.Feature == "typo" && f.Detail.Contains("university", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_TraditionalScript_HitSaysCharactersWereFolded()
    {
        var hit = Assert.Single(Screen("西北工業大學"), h => h.ListId == Aspi);
        Assert.Contains(hit.Explanation.Features, f => f.Detail.Contains("Traditional", StringComparison.Ordinal));
    }

    [Fact]
    public void Screen_LoneLetterOfAChineseLabName_RaisesNothing()
    {
        Assert.Empty(Screen("Laboratory B, Department of Physics, Springfield"));
    }

    [Theory]
    [InlineData("SiemensAG", "Siemens AG")]
    [InlineData("Siemens Aktiengesellschaft", "Siemens AG")]
    [InlineData("ACHIM DEVELOPMENT, OOO", "LLC Achim Development")]
    [InlineData("Huawei Technologies Co., Ltd.", "Huawei Technologies Company Limited")]
    [InlineData("AVIC", "Aviation Industry Corporation of China")]
    public void Compare_LegalFormGlueAndAcronymVariants_AreSameOrganisation(string a, string b)
    {
        Assert.True(fixture.Engine.IsSameOrganisation(fixture.Engine.Compare(a, b)), $"{a} | {b}: {fixture.Engine.Compare(a, b)}");
    }

    [Theory]
    [InlineData("CCCC Second Navigation Engineering Bureau Co., Ltd.", "CCCC Third Navigation Engineering Bureau Co., Ltd.")]
    [InlineData("Nanjing University", "Nanjing Normal University")]
    [InlineData("Xidian University", "Defense S&T Key Laboratory of Antennas and Microwave Technology at Xidian University")]
    public void Compare_LookAlikesAndMembers_AreNoMatch(string a, string b)
    {
        Assert.False(fixture.Engine.IsSameOrganisation(fixture.Engine.Compare(a, b)), $"{a} | {b}: {fixture.Engine.Compare(a, b)}");
    }

    [Fact]
    public void Screen_JapaneseKanjiFormOfChineseUniversity_Hits()
    {
        // Japanese writes 浜 where Chinese writes 滨 (Traditional 濱).
        var hit = Assert.Single(Screen("哈爾浜工程大学"), h => h.ListId == Aspi);
        Assert.StartsWith("Harbin Engineering University", hit.Name);
    }
}
