using System.Collections.Frozen;

namespace BRVT.Dti.Scoring.Formulas;

/// <summary>The functions of the formula language; names are case-insensitive.</summary>
internal static class FunctionCatalog
{
    private static readonly FunctionSignature[] Signatures =
    [
        new("min", "min(a, b, …)", 1, int.MaxValue, OpCode.Min),
        new("max", "max(a, b, …)", 1, int.MaxValue, OpCode.Max),
        new("clamp", "clamp(x, lo, hi)", 3, 3, OpCode.Clamp),
        new("if", "if(condition, then, else)", 3, 3, OpCode.If),
        new("abs", "abs(x)", 1, 1, OpCode.Abs),
        new("round", "round(x) or round(x, digits)", 1, 2, OpCode.Round, OpCode.RoundDigits),
        new("floor", "floor(x)", 1, 1, OpCode.Floor),
        new("ceil", "ceil(x)", 1, 1, OpCode.Ceiling),
        new("sqrt", "sqrt(x)", 1, 1, OpCode.Sqrt),
        new("coalesce", "coalesce(x, default)", 2, 2, OpCode.Coalesce),
        new("missing", "missing(x)", 1, 1, OpCode.Missing),
    ];

    private static readonly FrozenDictionary<string, FunctionSignature> ByName =
        Signatures.ToFrozenDictionary(signature => signature.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of all functions, comma-separated, for error messages.</summary>
    public static string Names { get; } = string.Join(", ", Signatures.Select(signature => signature.Name));

    /// <summary>Finds a function by name, ignoring case.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="signature">The function, when found.</param>
    /// <returns><see langword="true"/> when the function exists.</returns>
    public static bool TryFind(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FunctionSignature? signature) =>
        ByName.TryGetValue(name, out signature);
}
