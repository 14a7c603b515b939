namespace BRVT.Dti.Scoring.Formulas;

/// <summary>
/// A parsed formula of the safe formula language: parsed once, evaluated many times, per value or column-wise.
/// </summary>
/// <remarks>
/// <para>
/// The language has numbers (<c>12</c>, <c>3.5</c>, <c>.5</c>, <c>1e3</c>; invariant culture), variables (measure ids,
/// case-sensitive), <c>+ - * /</c>, unary <c>-</c> and <c>+</c>, the comparisons <c>= == != &lt;&gt; &lt; &lt;= &gt; &gt;=</c>
/// (which cannot be chained), <c>and or not</c> (also <c>&amp;&amp; || !</c>), parentheses and the functions
/// <c>min</c>, <c>max</c>, <c>clamp</c>, <c>if</c>, <c>abs</c>, <c>round</c>, <c>floor</c>, <c>ceil</c>, <c>sqrt</c>,
/// <c>coalesce</c> and <c>missing</c>. Function names and keywords are case-insensitive.
/// </para>
/// <para>
/// Booleans are 1 and 0; a value is true when it is non-zero and not NaN. A missing value is NaN and propagates
/// through every operation except <c>coalesce(x, d)</c> (d when x is missing) and <c>missing(x)</c> (1 when x is
/// missing, else 0); <c>if(c, a, b)</c> is NaN when c is missing. Division by zero, the square root of a negative
/// number, any overflow to infinity and <c>clamp</c> with <c>lo &gt; hi</c> are NaN; infinite input values are read
/// as NaN; so every result is finite or NaN. <c>round</c> rounds halves away from zero; its digits are truncated
/// and must lie in 0..15 (a constant outside that range is a parse error, a computed one gives NaN).
/// </para>
/// <para>
/// Evaluation runs a compiled postfix program on a small stack machine: no reflection, no code generation, no I/O.
/// Instances are immutable and thread-safe: any number of threads may evaluate one formula at once.
/// </para>
/// </remarks>
public sealed class Formula
{
    private readonly FormulaProgram program;

    internal Formula(string text, IReadOnlyList<string> variables, FormulaProgram program)
    {
        Text = text;
        Variables = variables;
        this.program = program;
    }

    /// <summary>The formula as a program for the stack machine.</summary>
    internal FormulaProgram Program => program;

    /// <summary>The text the formula was parsed from.</summary>
    public string Text { get; }

    /// <summary>The distinct variables (measure ids) the formula reads, in order of first appearance; case-sensitive.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Parses a formula. Never throws for any text: problems are returned as errors.</summary>
    /// <param name="text">The formula's text.</param>
    /// <param name="limits">Bounds on its size; <see cref="FormulaLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The formula, or the errors, each with its 1-based column and a message that says how to fix it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static FormulaParseResult Parse(string text, FormulaLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FormulaParser.Parse(text, limits ?? FormulaLimits.Default);
    }

    /// <summary>Evaluates the formula for one set of values, without allocating.</summary>
    /// <param name="variables">One value per variable, in the order of <see cref="Variables"/>; NaN when missing.</param>
    /// <returns>The result, finite or NaN (missing).</returns>
    /// <exception cref="ArgumentException">The number of values differs from the number of variables.</exception>
    public double Evaluate(ReadOnlySpan<double> variables)
    {
        if (variables.Length != Variables.Count)
        {
            throw new ArgumentException(CountMismatch(variables.Length), nameof(variables));
        }

        return ScalarEvaluator.Evaluate(program, variables);
    }

    /// <summary>
    /// Evaluates the formula for many rows at once, column-wise, without allocating per row. The results are
    /// bit-identical to calling <see cref="Evaluate(ReadOnlySpan{double})"/> on each row.
    /// </summary>
    /// <param name="columns">
    /// One column per variable, in the order of <see cref="Variables"/>, each holding one value per row (NaN when
    /// missing). <paramref name="results"/> may be one of the columns.
    /// </param>
    /// <param name="results">Receives one result per row, finite or NaN; its length is the number of rows.</param>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> or one of its columns is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The number of columns differs from the number of variables, or a column's length differs from the number of rows.
    /// </exception>
    public void Evaluate(IReadOnlyList<double[]> columns, Span<double> results)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != Variables.Count)
        {
            throw new ArgumentException(CountMismatch(columns.Count), nameof(columns));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(columns[i], nameof(columns));
            if (columns[i].Length != results.Length)
            {
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Column {i} ('{Variables[i]}') has {columns[i].Length} values, but there are {results.Length} rows."),
                    nameof(columns));
            }
        }

        ColumnEvaluator.Evaluate(program, columns, results);
    }

    /// <summary>
    /// Whether the formula is a single comparison of a variable with a finite number (<c>online = 1</c>,
    /// <c>days &lt;= 15</c>), which callers may evaluate directly: it holds where the variable's value is finite and
    /// the comparison is true, and is false or missing everywhere else.
    /// </summary>
    internal bool TryComparison(out int variable, out OpCode op, out double constant)
    {
        var code = program.Instructions;
        (variable, op, constant) = (0, OpCode.Constant, 0);
        if (code.Length != 3 || code[0].Op != OpCode.Load || code[1].Op != OpCode.Constant || !double.IsFinite(code[1].Value)
            || code[2].Op is not (OpCode.Equal or OpCode.NotEqual or OpCode.Less or OpCode.LessOrEqual or OpCode.Greater or OpCode.GreaterOrEqual))
        {
            return false;
        }

        (variable, op, constant) = (code[0].Variable, code[2].Op, code[1].Value);
        return true;
    }

    /// <summary>Evaluates the formula for the first rows of some columns, reading them in place (bit-identical to the scalar evaluation).</summary>
    /// <param name="columns">Columns at least as long as <paramref name="results"/>.</param>
    /// <param name="fields">The column of each variable, in the order of <see cref="Variables"/>.</param>
    /// <param name="offset">Where row 0 is in the columns.</param>
    /// <param name="results">Receives one result per row.</param>
    internal void EvaluateFields(IReadOnlyList<double[]> columns, int[] fields, int offset, Span<double> results) =>
        ColumnEvaluator.Evaluate(program, columns, fields, offset, results);

    /// <summary>Evaluates the formula for every unit of a rule kernel's inputs, reading the columns in place.</summary>
    /// <param name="inputs">One column per variable, in the order of <see cref="Variables"/>.</param>
    /// <param name="results">Receives one result per unit.</param>
    internal void EvaluateInputs(RuleInputs inputs, Span<double> results)
    {
        if (inputs.ColumnCount != Variables.Count || inputs.UnitCount != results.Length)
        {
            throw new ArgumentException(CountMismatch(inputs.ColumnCount), nameof(inputs));
        }

        ColumnEvaluator.Evaluate(program, inputs, results);
    }

    /// <summary>
    /// Walks the formula's structure, innermost parts first, handing each number, variable, operation and call to
    /// <paramref name="folder"/> with its operands already folded, and returns what the folder builds for the whole
    /// formula. Lets outside code translate or analyse a formula (e.g. into SQL) without seeing how it is compiled.
    /// </summary>
    /// <typeparam name="T">What the folder builds for each part.</typeparam>
    /// <param name="folder">The folder; see <see cref="IFormulaFolder{T}"/> for the shape in which parts arrive.</param>
    /// <returns>The folder's result for the whole formula.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Runs without recursion, in time and memory linear in the formula's size; any exception the folder throws
    /// propagates unchanged. Thread-safe as far as the folder is.
    /// </remarks>
    public T Fold<T>(IFormulaFolder<T> folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return FormulaFolding.Fold(program, Variables, folder);
    }

    /// <summary>Returns the formula's text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    private string CountMismatch(int given) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"The formula '{Text}' has {Variables.Count} variable(s) ({string.Join(", ", Variables)}), but {given} value(s) were given.");
}
