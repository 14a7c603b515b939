namespace BRVT.Dti.Reporting.Model;

/// <summary>A classification band with its display name and colour.</summary>
/// <param name="Id">The band identifier.</param>
/// <param name="Name">The display name.</param>
/// <param name="From">The lower bound of the share, inclusive.</param>
/// <param name="To">The upper bound of the share.</param>
/// <param name="Colour">The colour of the band in charts, as <c>#rrggbb</c>.</param>
/// <param name="Order">0 for the best band, then downwards.</param>
internal sealed record BandInfo(string Id, string Name, double From, double To, string Colour, int Order);
