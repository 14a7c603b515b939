namespace BRVT.Dti.Sources.Excel.Tests.Workbooks;

/// <summary>A cell value the test workbook writer can store in each of the ways Excel does.</summary>
public abstract record TestCell
{
    public static TestCell Error(string code) => new ErrorCell(code);

    public static TestCell Uncalculated(string formula) => new FormulaCell(formula, null);

    public static TestCell Calculated(string formula, double cached) => new FormulaCell(formula, cached);

    public static TestCell Inline(string text) => new InlineCell(text);

    public static TestCell Rich(params string[] runs) => new RichCell(runs);

    public sealed record ErrorCell(string Code) : TestCell;

    public sealed record FormulaCell(string Expression, double? Cached) : TestCell;

    public sealed record InlineCell(string Text) : TestCell;

    public sealed record RichCell(string[] Runs) : TestCell;
}
