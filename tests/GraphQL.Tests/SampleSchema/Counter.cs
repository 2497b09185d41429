namespace Cockpit.GraphQL.Tests.SampleSchema;

/// <summary>What the test mutation changes, so a test can prove a refused request changed nothing.</summary>
public sealed class Counter
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public int Increment() => Interlocked.Increment(ref _value);
}
