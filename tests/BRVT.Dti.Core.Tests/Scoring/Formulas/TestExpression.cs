using System.Globalization;
using System.Text;

namespace BRVT.Dti.Tests.Scoring.Formulas;

/// <summary>
/// A generated expression, kept as a tree so that tests know its structure: it renders itself as formula text with
/// the fewest parentheses the precedence rules allow, and <see cref="ReferenceSemantics"/> evaluates it independently
/// of the library.
/// </summary>
public abstract record TestExpression
{
    // Binding strength of the expression's outermost construct: or 1, and 2, not 3, comparison 4, + - 5, * / 6,
    // unary - + 7, atoms (numbers, variables, calls, parentheses) 8.
    public abstract int Precedence { get; }

    /// <summary>Renders the expression with the fewest parentheses the precedence rules allow.</summary>
    public string Render() => Render(full: false);

    /// <summary>Renders the expression with every operator application in parentheses.</summary>
    public string RenderFullyParenthesized() => Render(full: true);

    private string Render(bool full)
    {
        var text = new StringBuilder();
        Render(text, 0, full);
        return text.ToString();
    }

    public void Render(StringBuilder text, int required, bool full)
    {
        if (Precedence < required || (full && Precedence < 8))
        {
            text.Append('(');
            RenderBare(text, full);
            text.Append(')');
        }
        else
        {
            RenderBare(text, full);
        }
    }

    protected abstract void RenderBare(StringBuilder text, bool full);

    /// <summary>The variables in order of first appearance in the rendered text.</summary>
    public IReadOnlyList<string> Variables()
    {
        var names = new List<string>();
        Collect(names);
        return names;
    }

    public abstract void Collect(List<string> names);
}

public sealed record NumberExpression(string Text) : TestExpression
{
    public double Value => double.Parse(Text, CultureInfo.InvariantCulture);

    public override int Precedence => 8;

    protected override void RenderBare(StringBuilder text, bool full) => text.Append(Text);

    public override void Collect(List<string> names)
    {
    }
}

public sealed record VariableExpression(string Name) : TestExpression
{
    public override int Precedence => 8;

    protected override void RenderBare(StringBuilder text, bool full) => text.Append(Name);

    public override void Collect(List<string> names)
    {
        if (!names.Contains(Name))
        {
            names.Add(Name);
        }
    }
}

/// <summary>A unary operator; <see cref="Spelling"/> is one of <c>-</c>, <c>+</c>, <c>not</c> (any case) or <c>!</c>.</summary>
public sealed record UnaryExpression(string Spelling, TestExpression Operand) : TestExpression
{
    public bool IsNot => Spelling is "!" || Spelling.Equals("not", StringComparison.OrdinalIgnoreCase);

    public override int Precedence => IsNot ? 3 : 7;

    protected override void RenderBare(StringBuilder text, bool full)
    {
        text.Append(Spelling);
        if (char.IsLetter(Spelling[0]))
        {
            text.Append(' ');
        }

        Operand.Render(text, IsNot ? 3 : 7, full);
    }

    public override void Collect(List<string> names) => Operand.Collect(names);
}

/// <summary>A binary operator; <see cref="Spelling"/> is how it is written (<c>and</c>, <c>AND</c>, <c>&amp;&amp;</c>, <c>&lt;&gt;</c>…).</summary>
public sealed record BinaryExpression(string Operator, string Spelling, bool Spaced, TestExpression Left, TestExpression Right) : TestExpression
{
    public override int Precedence => Operator switch
    {
        "or" => 1,
        "and" => 2,
        "=" or "!=" or "<" or "<=" or ">" or ">=" => 4,
        "+" or "-" => 5,
        _ => 6,
    };

    protected override void RenderBare(StringBuilder text, bool full)
    {
        // Comparisons do not associate, so neither side may be a bare comparison; the others associate to the left.
        Left.Render(text, Precedence == 4 ? 5 : Precedence, full);
        var spaced = Spaced || char.IsLetter(Spelling[0]);
        text.Append(spaced ? " " : string.Empty).Append(Spelling).Append(spaced ? " " : string.Empty);
        Right.Render(text, Precedence + 1, full);
    }

    public override void Collect(List<string> names)
    {
        Left.Collect(names);
        Right.Collect(names);
    }
}

/// <summary>A function call; <see cref="Spelling"/> is the name as written (any case).</summary>
public sealed record CallExpression(string Spelling, IReadOnlyList<TestExpression> Arguments) : TestExpression
{
    public string Name => Spelling.ToLowerInvariant();

    public override int Precedence => 8;

    protected override void RenderBare(StringBuilder text, bool full)
    {
        text.Append(Spelling).Append('(');
        for (var i = 0; i < Arguments.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ");
            Arguments[i].Render(text, 0, full);
        }

        text.Append(')');
    }

    public override void Collect(List<string> names)
    {
        foreach (var argument in Arguments)
        {
            argument.Collect(names);
        }
    }
}

/// <summary>Parentheses the precedence rules do not need.</summary>
public sealed record ParenthesizedExpression(TestExpression Inner) : TestExpression
{
    public override int Precedence => 8;

    protected override void RenderBare(StringBuilder text, bool full)
    {
        text.Append('(');
        Inner.Render(text, 0, full);
        text.Append(')');
    }

    public override void Collect(List<string> names) => Inner.Collect(names);
}
