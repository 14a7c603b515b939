using BRVT.Dti.Validation;

namespace BRVT.Dti.Tests.Validation;

public sealed class SchemaValidatorTests
{
    private const string File = "index.json";

    private static IReadOnlyList<DefinitionProblem> Validate(string? text) => SchemaValidator.Default.Validate(text, File);

    private static DefinitionProblem Single(string? text)
    {
        var problems = Validate(text);
        return Assert.Single(problems);
    }

    [Fact]
    public void Validate_ValidSmallDefinition_ReturnsNoProblems()
    {
        var problems = Validate(TestDefinitions.ValidSmall);

        Assert.Empty(problems);
    }

    [Fact]
    public async Task ValidateAsync_ValidSmallDefinition_ReturnsNoProblems()
    {
        var problems = await SchemaValidator.Default.ValidateAsync(TestDefinitions.ValidSmall, File);

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_MisspeltNodeProperty_ReportsPropertyAtItsNameWithSuggestion()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"weight\": 2,", "\"wieght\": 2,"));

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal("/nodes/1/children/2/children/0/wieght", problem.Pointer);
        Assert.Equal((98, 15), (problem.Line, problem.Column));
        Assert.Contains("Property 'wieght' is not part of a node", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'weight'?", problem.Message, StringComparison.Ordinal);
        Assert.Contains("allowed: $comment, id, code, name, maxPoints, weight", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NodeWithoutName_ReportsMissingNameAtTheNode()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"name\": \"Mức độ giải quyết đúng hạn\",", string.Empty));

        Assert.Equal("/nodes/1/children/1/name", problem.Pointer);
        Assert.Equal((81, 9), (problem.Line, problem.Column));
        Assert.StartsWith("A node needs 'name'. Add \"name\": \"…\".", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeMaxPoints_ReportsTheMinimumAtTheValue()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"maxPoints\": 30,", "\"maxPoints\": -30,"));

        Assert.Equal("/nodes/0/children/1/maxPoints", problem.Pointer);
        Assert.Equal((48, 24), (problem.Line, problem.Column));
        Assert.Equal("'maxPoints' must be at least 0, but is -30. Change it to a number ≥ 0.", problem.Message);
    }

    [Fact]
    public void Validate_WrongEnumValue_ListsTheAllowedValuesOnce()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"aggregation\": \"mean\",", "\"aggregation\": \"average\","));

        Assert.Equal("/nodes/1/children/2/aggregation", problem.Pointer);
        Assert.Equal((92, 26), (problem.Line, problem.Column));
        Assert.StartsWith("'aggregation' must be one of \"sum\", \"mean\", \"geometric\", but is \"average\".", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnumValueInWrongCase_SuggestsTheValue()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"period\": \"year\",", "\"period\": \"Year\","));

        Assert.Equal("/period", problem.Pointer);
        Assert.Contains("Did you mean \"year\"? Values are case-sensitive.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NumberWhereAStringIsExpected_ReportsStringExpected()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"version\": \"2024.1\",", "\"version\": 2024.1,"));

        Assert.Equal("/version", problem.Pointer);
        Assert.Equal((5, 14), (problem.Line, problem.Column));
        Assert.Equal("'version' must be a string in double quotes, but is the number 2024.1. Write it as \"2024.1\".", problem.Message);
    }

    [Fact]
    public void Validate_QuotedNumber_SuggestsRemovingTheQuotes()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"maxPoints\": 30,", "\"maxPoints\": \"30\","));

        Assert.Equal("/nodes/0/children/1/maxPoints", problem.Pointer);
        Assert.EndsWith("Remove the quotes: 30.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DecimalComma_SuggestsADecimalPoint()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"from\": 0.65,", "\"from\": \"0,65\","));

        Assert.Equal("/bands/1/from", problem.Pointer);
        Assert.EndsWith("with a '.' as the decimal separator: 0.65.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValueAfterVietnameseText_CountsColumnsInCharacters()
    {
        // "Tốt" is three characters but five UTF-8 bytes: the value starts at character 78, byte 80.
        var problem = Single(TestDefinitions.ValidSmallWith(
            "\"en\": \"Good\" }, \"from\": 0.8, \"to\": 1.0 }",
            "\"en\": \"Good\" }, \"from\": 0.8, \"to\": 1.5 }"));

        Assert.Equal("/bands/0/to", problem.Pointer);
        Assert.Equal((116, 78), (problem.Line, problem.Column));
        Assert.Equal("'to' must be at most 1 (the allowed range is 0..1), but is 1.5. Change it to a number ≤ 1.", problem.Message);
    }

    [Fact]
    public void Validate_TruncatedDefinition_ReportsOneErrorAtTheEnd()
    {
        var text = TestDefinitions.ValidSmall;
        var end = text.IndexOf("\"evidence\": \"Địa chỉ", StringComparison.Ordinal) + "\"evidence\": \"Địa chỉ".Length;

        var problem = Single(text[..end]);

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal((42, 31), (problem.Line, problem.Column));
        Assert.Equal("/nodes/0/children/0", problem.Pointer);
        Assert.StartsWith("The file ends before the JSON is complete", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCommaInTheMiddle_ReportsOneErrorAtTheNextProperty()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"version\": \"2024.1\",", "\"version\": \"2024.1\""));

        Assert.Equal((6, 3), (problem.Line, problem.Column));
        Assert.Equal(JsonPointerRoot, problem.Pointer);
        Assert.StartsWith("The text is not valid JSON: ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    [InlineData("// nothing but a comment\n")]
    public void Validate_EmptyText_ReportsOneErrorSayingTheFileIsEmpty(string? text)
    {
        var problem = Single(text);

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal((1, 1), (problem.Line, problem.Column));
        Assert.StartsWith("The file is empty (or holds only comments).", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RootIsAnArray_ReportsOneProblem()
    {
        var problem = Single("[]");

        Assert.Equal(JsonPointerRoot, problem.Pointer);
        Assert.Equal((1, 1), (problem.Line, problem.Column));
        Assert.StartsWith("The definition must be an object { … }, but is an array.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RatioRuleWithoutItsMeasure_ReportsTheMissingMeasureAtTheRule()
    {
        var problem = Single(TestDefinitions.ValidSmallWith(
            "{ \"type\": \"ratio\", \"numerator\": \"hs_truc_tuyen\", \"denominator\": \"hs_tiep_nhan\", \"whenZero\": \"missing\" }",
            "{ \"type\": \"ratio\", \"whenZero\": \"missing\" }"));

        Assert.Equal("/nodes/0/children/1/rule/measure", problem.Pointer);
        Assert.Equal((49, 19), (problem.Line, problem.Column));
        Assert.Equal(
            "A ratio rule needs 'measure'. Add \"measure\": \"…\". A ratio rule reads either 'measure' (optionally divided by 'of') or 'numerator' and 'denominator', not both.",
            problem.Message);
    }

    [Fact]
    public void Validate_RatioRuleWithBothForms_ReportsOneProblemAtTheRule()
    {
        var problem = Single(TestDefinitions.ValidSmallWith(
            "\"numerator\": \"hs_truc_tuyen\", \"denominator\": \"hs_tiep_nhan\", \"whenZero\"",
            "\"numerator\": \"hs_truc_tuyen\", \"denominator\": \"hs_tiep_nhan\", \"measure\": \"hs_truc_tuyen\", \"whenZero\""));

        Assert.Equal("/nodes/0/children/1/rule", problem.Pointer);
        Assert.Contains("not both", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownRuleType_PassesTheSchemaLayer()
    {
        var problems = Validate(TestDefinitions.ValidSmallWith(
            "{ \"type\": \"boolean\", \"measure\": \"co_cong_ttdt\", \"half\": false }",
            "{ \"type\": \"foo\", \"measure\": \"co_cong_ttdt\", \"anything\": [1, { \"goes\": true }] }"));

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_BuiltInRuleWithAMisspeltParameter_ReportsOnlyThatRuleTypesProblem()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"half\": false }", "\"halff\": false }"));

        Assert.Equal("/nodes/0/children/0/rule/halff", problem.Pointer);
        Assert.Equal((41, 67), (problem.Line, problem.Column));
        Assert.Equal(
            "Property 'halff' is not part of a boolean rule. Did you mean 'half'? Remove it or check its spelling (allowed: $comment, type, measure, half).",
            problem.Message);
    }

    [Fact]
    public void Validate_RuleWithoutType_ReportsOnlyTheMissingType()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("{ \"type\": \"boolean\", \"measure\"", "{ \"measure\""));

        Assert.Equal("/nodes/0/children/0/rule/type", problem.Pointer);
        Assert.StartsWith("A rule needs 'type'.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NodeWithChildrenAndRule_ReportsOneProblemAtTheNode()
    {
        var problem = Single(TestDefinitions.ValidSmallWith(
            "\"maxPoints\": 60,",
            "\"maxPoints\": 60, \"rule\": { \"type\": \"boolean\", \"measure\": \"co_cong_ttdt\" },"));

        Assert.Equal("/nodes/0", problem.Pointer);
        Assert.Equal((32, 5), (problem.Line, problem.Column));
        Assert.StartsWith("A node has either 'children' (a group of nodes) or a 'rule' (a leaf indicator), exactly one of them.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NodeWithNeitherChildrenNorRule_ReportsOneProblem()
    {
        var problem = Single(TestDefinitions.ValidSmallWith(
            "\"rule\": { \"type\": \"target\", \"measure\": \"ty_le_dung_han\", \"target\": 95, \"comparison\": \">=\", \"allOrNothing\": false }",
            "\"evidence\": \"Báo cáo\""));

        Assert.Equal("/nodes/0/children/2/rule", problem.Pointer);
        Assert.Equal((52, 9), (problem.Line, problem.Column));
        Assert.StartsWith("A node has either 'children'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChildOfASumNodeWithoutMaxPoints_ReportsTheMissingMaxPoints()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"maxPoints\": 20,", string.Empty));

        Assert.Equal("/nodes/0/children/2/maxPoints", problem.Pointer);
        Assert.Equal((52, 9), (problem.Line, problem.Column));
        Assert.StartsWith("A node under a sum parent needs 'maxPoints'. Add \"maxPoints\": <number>.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WeightUnderASumParent_ReportsTheWeight()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"maxPoints\": 20,", "\"maxPoints\": 20, \"weight\": 2,"));

        Assert.Equal("/nodes/0/children/2/weight", problem.Pointer);
        Assert.Equal((55, 28), (problem.Line, problem.Column));
        Assert.StartsWith("'weight' is only used under a \"mean\" or \"geometric\" parent", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChildOfAMeanNodeWithoutWeightOrMaxPoints_Passes()
    {
        var problems = Validate(TestDefinitions.ValidSmallWith("\"weight\": 1,", string.Empty));

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_TopLevelNodeWithoutMaxPointsUnderAMeanRoot_Passes()
    {
        var text = TestDefinitions.ValidSmallWith("\"aggregation\": \"sum\",\n  \"nodes\"", "\"aggregation\": \"mean\",\n  \"nodes\"");
        text = text.Replace("\"maxPoints\": 60,", string.Empty, StringComparison.Ordinal);

        Assert.Empty(Validate(text));
    }

    [Fact]
    public void Validate_TextGivenAsANumber_SaysWhatATextIs()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"name\": \"Thời gian xử lý hồ sơ\",", "\"name\": 7,"));

        Assert.Equal("/nodes/1/children/0/name", problem.Pointer);
        Assert.Equal((69, 19), (problem.Line, problem.Column));
        Assert.StartsWith("'name' must be a string or an object, but is the number 7. Write a text as", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MisspeltLanguageInAText_ReportsTheMissingViAndSuggestsIt()
    {
        var problems = Validate(TestDefinitions.ValidSmallWith("{ \"vi\": \"Tốt\", \"en\": \"Good\" }", "{ \"vn\": \"Tốt\", \"en\": \"Good\" }"));

        Assert.Collection(
            problems,
            missing =>
            {
                Assert.Equal("/bands/0/name/vi", missing.Pointer);
                Assert.Equal((116, 28), (missing.Line, missing.Column));
                Assert.Equal("A text needs 'vi'. Add \"vi\": \"…\".", missing.Message);
            },
            unknown =>
            {
                Assert.Equal("/bands/0/name/vn", unknown.Pointer);
                Assert.Equal((116, 30), (unknown.Line, unknown.Column));
                Assert.Contains("Did you mean 'vi'?", unknown.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Validate_BandsRuleMixingMinAndMax_ReportsTheOddBandOnly()
    {
        var problems = Validate(TestDefinitions.ValidSmallWith("{ \"max\": 10, \"points\": 5 }", "{ \"min\": 10, \"points\": 5 }"));

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("/nodes/1/children/0/rule/bands/2", p.Pointer, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NodeIdWithASlash_SaysThePatternInWords()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"id\": \"2.2\",", "\"id\": \"2/2\","));

        Assert.Equal("/nodes/1/children/1/id", problem.Pointer);
        Assert.Equal("'id' \"2/2\" is not in the required form. A node id must not contain '/' (e.g. \"7.3\" or \"cqs-online\").", problem.Message);
    }

    [Fact]
    public void Validate_DerivationOfASumWithoutField_ReportsTheMissingField()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"function\": \"mean\", \"field\": \"days\",", "\"function\": \"sum\","));

        Assert.Equal("/measures/4/derivation/field", problem.Pointer);
        Assert.StartsWith("A derivation needs 'field'.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MeasureWithFormulaAndDerivation_ReportsOneProblem()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"direction\": \"lower\",", "\"direction\": \"lower\", \"formula\": \"hs_tiep_nhan / 2\","));

        Assert.Equal("/measures/4", problem.Pointer);
        Assert.StartsWith("A measure is either computed by a 'formula' or aggregated by a 'derivation', not both.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateProperty_ReportsTheSecondOccurrence()
    {
        var problem = Single(TestDefinitions.ValidSmallWith("\"year\": 2024,", "\"year\": 2024, \"year\": 2025,"));

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal("/year", problem.Pointer);
        Assert.Equal((7, 17), (problem.Line, problem.Column));
        Assert.StartsWith("Property 'year' occurs more than once", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CommentsAndTrailingCommas_ReportsWarningsOnly()
    {
        var text = TestDefinitions.ValidSmallWith("\"period\": \"year\",", "\"period\": \"year\", // the default\n  /* another */");
        text = text.Replace("\"to\": 0.5 }\n  ],", "\"to\": 0.5 },\n  ],", StringComparison.Ordinal);

        var problems = Validate(text);

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        Assert.Equal((11, 21), (problems[0].Line, problems[0].Column));
        Assert.Contains("first of 2 comments", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("/bands", problems[1].Pointer);
        Assert.Equal((120, 81), (problems[1].Line, problems[1].Column));
    }

    [Fact]
    public void Validate_SeveralProblems_SortsThemByLineThenColumn()
    {
        var text = TestDefinitions.ValidSmallWith("\"maxPoints\": 30,", "\"maxPoints\": -30,");
        text = text.Replace("\"version\": \"2024.1\",", "\"version\": 2024.1,", StringComparison.Ordinal);
        text = text.Replace("\"missingData\": \"zero\"", "\"missingData\": \"none\"", StringComparison.Ordinal);
        text = text.Replace("\"year\": 2024,", "\"year\": 1999, \"yaer\": 1,", StringComparison.Ordinal);

        var problems = Validate(text);

        Assert.Equal(
            ["/version", "/year", "/yaer", "/nodes/0/children/1/maxPoints", "/missingData"],
            problems.Select(p => p.Pointer));
        Assert.Equal(problems.OrderBy(p => p.Line).ThenBy(p => p.Column), problems);
    }

    [Fact]
    public void Validate_HugeAndTinyNumbers_ReportsRangesWithoutThrowing()
    {
        var text = TestDefinitions.ValidSmallWith("\"year\": 2024,", "\"year\": 123456789012345678901234567890,");
        text = text.Replace("\"tieTolerance\": 0.00005", "\"tieTolerance\": -1e400", StringComparison.Ordinal);

        var problems = Validate(text);

        Assert.Equal(["/year", "/ranking/tieTolerance"], problems.Select(p => p.Pointer));
    }

    [Fact]
    public void Validate_PropertyNameInTheWrongCase_ReportsItAndTheMissingProperty()
    {
        var problems = Validate(TestDefinitions.ValidSmallWith("\"maxPoints\": 30,", "\"MaxPoints\": 30,"));

        Assert.Collection(
            problems,
            missing => Assert.Equal("/nodes/0/children/1/maxPoints", missing.Pointer),
            unknown =>
            {
                Assert.Equal("/nodes/0/children/1/MaxPoints", unknown.Pointer);
                Assert.Contains("Did you mean 'maxPoints'?", unknown.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task Validate_ConcurrentCalls_ReturnTheSameProblems()
    {
        var text = TestDefinitions.ValidSmallWith("\"maxPoints\": 30,", "\"maxPoints\": -30, \"wieght\": 1,");
        var expected = Validate(text);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Validate(text))));

        Assert.Equal(2, expected.Count);
        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void Validate_ProblemsNameTheFileGiven()
    {
        var problems = SchemaValidator.Default.Validate("{", "d/index.json");

        Assert.Equal("d/index.json", Assert.Single(problems).File);
    }

    private const string JsonPointerRoot = "";
}
