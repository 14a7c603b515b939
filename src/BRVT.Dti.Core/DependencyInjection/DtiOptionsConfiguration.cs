namespace BRVT.Dti.DependencyInjection;

/// <summary>One <c>configure</c> callback given to <c>AddDti</c>, applied when the engine is first resolved.</summary>
internal sealed class DtiOptionsConfiguration(Action<DtiOptions> configure)
{
    public void Configure(DtiOptions options) => configure(options);
}
