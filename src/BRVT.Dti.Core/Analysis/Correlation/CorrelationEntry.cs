namespace BRVT.Dti.Analysis;

/// <summary>The correlation of one node's scores with its parent's or a sibling's, over the units with both.</summary>
/// <param name="Code">The node.</param>
/// <param name="Other">The parent or sibling.</param>
/// <param name="Relation">Parent or sibling.</param>
/// <param name="Pearson">Pearson's r (NaN with fewer than two pairs or no spread).</param>
/// <param name="Spearman">Spearman's ρ: Pearson's r of the ranks, ties sharing their mean rank.</param>
/// <param name="Count">The number of units with both values.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CorrelationEntry(string Code, string Other, CorrelationRelation Relation, double Pearson, double Spearman, int Count);
