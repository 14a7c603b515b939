namespace BRVT.Dti.Analysis;

/// <summary>How the two nodes of a correlation are related in the structure.</summary>
public enum CorrelationRelation
{
    /// <summary>The second node is the first's parent aggregate.</summary>
    Parent,

    /// <summary>The two nodes share a parent.</summary>
    Sibling,
}
