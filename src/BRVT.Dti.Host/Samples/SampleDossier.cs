namespace BRVT.Dti.Host.Samples;

/// <summary>One administrative-procedure dossier (hồ sơ thủ tục hành chính) as the province's system records it.</summary>
internal readonly record struct SampleDossier(
    string UnitId,
    string Period,
    string Procedure,
    DateOnly Received,
    bool Online,
    bool Resolved,
    bool OnTime,
    bool Evaluated,
    bool Satisfied);
