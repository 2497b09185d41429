namespace Cockpit.DemoLlm;

/// <summary>
/// Words a prompt (usually the document a job reads) can carry to make the demo misbehave on purpose, so budget,
/// retry and loop tests run against real processes without a special build of the demo.
/// </summary>
public enum Directive
{
    None,

    /// <summary><c>cockpit-demo:fail</c>: every call answers 500 with an OpenAI-style error.</summary>
    Fail,

    /// <summary><c>cockpit-demo:fail-once</c>: the first call with this exact request answers 500, later ones succeed.</summary>
    FailOnce,

    /// <summary><c>cockpit-demo:repeat</c>: the same answer, without the asked-for JSON, every time.</summary>
    Repeat,
}
