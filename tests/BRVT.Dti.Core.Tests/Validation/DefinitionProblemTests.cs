using System.Globalization;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Tests.Validation;

public sealed class DefinitionProblemTests
{
    [Fact]
    public void ToString_Error_FormatsLikeACompilerMessage()
    {
        var problem = new DefinitionProblem(ProblemSeverity.Error, "index.json", 12, 7, "/nodes/0/weight", "Fix it.");

        Assert.Equal("index.json(12,7): error at /nodes/0/weight: Fix it.", problem.ToString());
    }

    [Fact]
    public void ToString_WarningAtTheRoot_ShowsRootInWords()
    {
        var problem = new DefinitionProblem(ProblemSeverity.Warning, "a.json", 1, 1, "", "Note.");

        Assert.Equal("a.json(1,1): warning at (root): Note.", problem.ToString());
    }

    [Fact]
    public void ToString_UnderAVietnameseCulture_StaysInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
            var problem = new DefinitionProblem(ProblemSeverity.Error, "f", 1234, 5678, "/x", "m");

            Assert.Equal("f(1234,5678): error at /x: m", problem.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Equality_SameValues_AreEqual()
    {
        Assert.Equal(
            new DefinitionProblem(ProblemSeverity.Error, "f", 1, 2, "/a", "m"),
            new DefinitionProblem(ProblemSeverity.Error, "f", 1, 2, "/a", "m"));
    }
}
