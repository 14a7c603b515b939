using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis;

/// <summary>Short ways to write small matrices and structures in tests.</summary>
internal static class Matrices
{
    /// <summary>Units u1…un and the given columns.</summary>
    public static IndicatorMatrix Of(params (string Code, double[] Values)[] columns) =>
        IndicatorMatrix.Create(
            [.. Enumerable.Range(1, columns[0].Values.Length).Select(i => $"u{i}")],
            [.. columns.Select(c => c.Code)],
            [.. columns.Select(c => c.Values)]);

    /// <summary>Units u1…un, the given columns and one text attribute.</summary>
    public static IndicatorMatrix WithGroup(string attribute, string?[] groups, params (string Code, double[] Values)[] columns) =>
        IndicatorMatrix.Create(
            [.. Enumerable.Range(1, groups.Length).Select(i => $"u{i}")],
            [.. columns.Select(c => c.Code)],
            [.. columns.Select(c => c.Values)],
            [KeyValuePair.Create(attribute, (IReadOnlyList<string?>)groups)]);

    /// <summary>One index "I" over the given indicators.</summary>
    public static CompositeStructure Flat(params CompositeNode[] indicators) =>
        CompositeStructure.Create([.. indicators, CompositeNode.Aggregate("I", 2, null)]);

    /// <summary>One index "I" over indicators of weight 1 and direction 1.</summary>
    public static CompositeStructure Flat(params string[] indicators) =>
        Flat([.. indicators.Select(c => CompositeNode.Indicator(c, "I"))]);
}
