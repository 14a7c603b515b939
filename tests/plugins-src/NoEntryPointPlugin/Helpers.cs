namespace BRVT.Dti.TestPlugins;

/// <summary>Another public type, so the message lists more than one.</summary>
public static class Helpers
{
    public static int Answer => 42;
}
