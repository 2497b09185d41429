using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Tests.Pure;

public class RequirementExtractorTests
{
    [Theory]
    [InlineData("The system shall log every login.", "high")]
    [InlineData("Users MUST change their password every year.", "high")]
    [InlineData("The page should load within two seconds.", "medium")]
    [InlineData("It should be fast and it must be correct.", "high")]
    [InlineData("Shall we begin?", "high")]
    public void Sentences_with_shall_must_or_should_are_requirements_with_their_priority(string sentence, string priority) =>
        RequirementExtractor.PriorityOf(sentence).ShouldBe(priority);

    [Theory]
    [InlineData("A shallow copy is enough.")]
    [InlineData("Mustard is served on the side.")]
    [InlineData("The shoulder of the road is narrow.")]
    [InlineData("Marshall approved the budget.")]
    [InlineData("The system logs every login.")]
    public void Keywords_count_only_as_whole_words(string sentence) =>
        RequirementExtractor.IsRequirement(sentence).ShouldBeFalse();

    [Fact]
    public void Extracts_requirements_in_order_with_ids_priorities_and_sources()
    {
        var documents = new[]
        {
            new SourceDocument("spec.md", """
                # Login

                The system shall log every login. A shallow check is not enough. The page should load quickly!

                - Users must change passwords yearly
                - Nothing to see here
                """),
            new SourceDocument(SourceDocument.PromptName, "Extract the requirements. The answer must be complete."),
        };

        var requirements = RequirementExtractor.Extract(documents);

        requirements.ShouldBe(
        [
            new ExtractedRequirement("REQ-001", "The system shall log every login.", "high", "spec.md"),
            new ExtractedRequirement("REQ-002", "The page should load quickly!", "medium", "spec.md"),
            new ExtractedRequirement("REQ-003", "Users must change passwords yearly", "high", "spec.md"),
            new ExtractedRequirement("REQ-004", "The answer must be complete.", "high", "prompt"),
        ]);
    }

    [Fact]
    public void A_sentence_repeated_across_documents_is_one_requirement_from_its_first_source()
    {
        var requirements = RequirementExtractor.Extract(
        [
            new SourceDocument("a.txt", "The API must use TLS."),
            new SourceDocument("b.txt", "The  api must use   TLS. Logs should rotate."),
        ]);

        requirements.Select(r => (r.Id, r.Source)).ShouldBe([("REQ-001", "a.txt"), ("REQ-002", "b.txt")]);
    }

    [Fact]
    public void Csv_cells_are_separate_statements_and_quoted_commas_stay_inside_a_cell()
    {
        var requirements = RequirementExtractor.Extract(
        [
            new SourceDocument("reqs.csv", "id,text\n1,\"The export shall include headers, footers and totals\"\n2,Reports should be paged\n"),
        ]);

        requirements.Select(r => r.Text).ShouldBe(["The export shall include headers, footers and totals", "Reports should be paged"]);
    }

    [Fact]
    public void Lines_of_one_paragraph_join_into_one_sentence_and_abbreviations_do_not_split_it()
    {
        var sentences = SentenceSplitter.Split("The service must answer\nwithin 2 s, e.g. for search. Next sentence.");

        sentences.ShouldBe(["The service must answer within 2 s, e.g. for search.", "Next sentence."]);
    }

    [Fact]
    public void Ids_have_at_least_three_digits() =>
        (RequirementExtractor.FormatId(7), RequirementExtractor.FormatId(1234)).ShouldBe(("REQ-007", "REQ-1234"));
}
