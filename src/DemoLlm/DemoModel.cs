namespace Cockpit.DemoLlm;

/// <summary>The one model the demo serves, and how it says what it is.</summary>
public static class DemoModel
{
    public const string Name = "cockpit-demo";

    /// <summary>Sent as <c>system_fingerprint</c> of every answer, so a request viewer can label it.</summary>
    public const string Fingerprint = "cockpit-demo: not a language model";

    /// <summary>The answer to anything that is not a requirement-extraction prompt.</summary>
    public const string Disclaimer =
        "I am cockpit-demo, Cockpit's demo LLM. I am not a language model: I answer requirement-extraction prompts " +
        "with the shall, must and should sentences of the text, and anything else with this sentence. " +
        "Set LLM_BASE_URL to use a real model.";

    /// <summary>What a prompt containing <see cref="Directives.Repeat"/> gets, every time, word for word.</summary>
    public const string RepeatedAnswer =
        "I am cockpit-demo and I was told to repeat myself, so here is the same answer, without the JSON you asked for.";
}
