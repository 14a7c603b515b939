using BRVT.Dti.Scoring;

namespace BRVT.Dti.Compilation;

/// <summary>A compiled leaf: its node, its rule's kernel and the measure ordinals the kernel reads.</summary>
internal sealed record PlanLeaf(int Node, string RuleName, IRuleKernel Kernel, int[] Inputs);
