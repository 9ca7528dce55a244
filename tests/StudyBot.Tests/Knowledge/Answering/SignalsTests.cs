using StudyBot.Core.Knowledge.Answering;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>Each signal, on the question that motivated it: it is higher for the passage it should favour.</summary>
public sealed class SignalsTests : IDisposable
{
    private readonly AnsweringTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void PassageFeatures_WhatSignalsReadOfThePassage_IsWhatTheTextSays_AndAValueTypeIsReadOnceThenKept()
    {
        // Read of the passage once, at its first use, instead of for each question it is a candidate for.
        var row = _kit.Index.Features(_kit.IdOf("443"));
        var pair = _kit.Index.Features(_kit.IdOf("Can a pod run without"));
        var line = _kit.IdOf("30 minutes");
        var timeout = _kit.Index.Features(line);

        Assert.Equal(["port", "protocol", "servic"], row.TableHeaders!.Order());
        Assert.Null(timeout.TableHeaders);
        Assert.True(pair.PairAsksYesNo);
        Assert.False(timeout.PairAsksYesNo);
        var text = _kit.Index.Entry(line).Passage.Text;
        Assert.Equal(text.Split(' ').Length, timeout.Words);
        foreach (var type in Enum.GetValues<StudyBot.Core.Knowledge.AnswerType>())
        {
            var expected = StudyBot.Core.Knowledge.Lexicon.HoldsValue(type, text);
            Assert.Equal(expected, timeout.HoldsValue(type, text));
            Assert.Equal(expected, timeout.HoldsValue(type, "no value at all")); // kept: the passage's own text is not read again
        }
    }

    [Fact]
    public async Task PassageFeatures_AfterAReload_AreTheChangedTextsOwn()
    {
        using var notes = new KnowledgeTestData.TempNotes(("timeouts.md", "# Timeouts\n\nThe idle session timeout is 30 minutes.\n"));
        using var kb = KnowledgeTestData.Open(notes.Folder);
        await kb.LoadAsync(CancellationToken.None);
        const string Question = "How long until an idle session stops?";
        // A candidate's signals are printed on its second line, indented, those that are not zero.
        static bool HoldsAValue(string line) => line.StartsWith("    ", StringComparison.Ordinal) && line.Contains(" answer_type_value=1.00", StringComparison.Ordinal);
        Assert.Contains(kb.Explain(Question), HoldsAValue);

        notes.Write("timeouts.md", "# Timeouts\n\nThe idle session timeout is set by the admin.\n");
        await kb.ReloadAsync(CancellationToken.None);

        Assert.DoesNotContain(kb.Explain(Question), HoldsAValue);
    }

    [Theory]
    [InlineData("coverage", "Is UDP connectionless?", "UDP is connectionless", "Keep-alive holds")]
    [InlineData("title_coverage", "What about timeouts?", "idle session timeout", "UDP is connectionless")]
    [InlineData("path_coverage", "What about timeouts?", "Sessions are kept", "Keep-alive holds")]
    [InlineData("section_fit", "Tell me about timeouts", "idle session timeout", "Keep-alive holds")]
    [InlineData("anchor", "Are sessions kept after a timeout?", "Sessions are kept", "Keep-alive holds")]
    [InlineData("matched_share", "Does UDP retransmit lost packets?", "UDP is connectionless", "idle session timeout")]
    [InlineData("rarest_matched", "Does UDP retransmit lost packets?", "UDP is connectionless", "idle session timeout")]
    [InlineData("pair_match", "Can a pod run without a container?", "Can a pod run without", "A pod is the smallest")]
    [InlineData("negation_overlap", "Can a pod run without a container?", "Can a pod run without", "A pod is the smallest")]
    [InlineData("code_not_how", "What is a pod?", "kubectl apply", "A pod is the smallest")]
    [InlineData("code_for_how", "How do I apply a pod yaml with kubectl?", "kubectl apply", "A pod is the smallest")]
    [InlineData("subject_missing", "Does UDP hold sessions in memory?", "Sessions are kept", "UDP is connectionless")]
    [InlineData("exact_words", "Is the timeout idle?", "idle session timeout", "Sessions are kept")]
    [InlineData("link_share", "further reading", "Further reading", "Keep-alive holds")]
    [InlineData("definition_shape", "What is a pod?", "A pod is the smallest", "Create a deployment")]
    [InlineData("instruction_shape", "What is a deployment?", "Create a deployment", "A pod is the smallest")]
    [InlineData("table_row", "Which port does HTTPS use?", "443", "UDP is connectionless")]
    [InlineData("table_header_match", "Which port does HTTPS use?", "443", "Multicast")]
    [InlineData("answer_type_value", "How long until an idle session stops?", "30 minutes", "Sessions are kept")]
    [InlineData("file_fit", "What is networking?", "UDP is connectionless", "UDP is connectionless")]
    public void Signal_MotivatingQuestion_FavoursTheRightPassage(string signal, string question, string right, string other)
    {
        var favoured = _kit.Signal(question, right, signal);
        var against = _kit.Signal(question, other, signal);

        Assert.True(favoured > 0, $"{signal} of '{right}' is {favoured}");
        Assert.True(right == other || favoured > against, $"{signal}: {favoured} for '{right}', {against} for '{other}'");
    }

    [Theory]
    [InlineData("Is EKS fully managed?", true)]                  // "partially managed" answers it: No.
    [InlineData("which is fully managed, ECS or EKS?", false)]   // it asks which one is: "partially" is no answer.
    public void Coverage_TheOppositeWord_CountsForAYesNoQuestionOnly(string question, bool counts)
    {
        using var kit = new AnsweringTestKit("""
            # ECS

            ECS is fully managed by AWS.

            # EKS

            EKS is partially managed.
            """);

        var partially = kit.Signal(question, "EKS is partially managed", "coverage");
        var fully = kit.Signal(question, "ECS is fully managed", "coverage");

        Assert.Equal(counts, partially >= fully);
    }

    [Fact]
    public void Asks_ExerciseLineThatAsksWhatWasAsked_IsOneAndStatementsAndPairsAreZero()
    {
        // Exercise lists ("Challenges") and interview-question lists ask what a learner asks without answering it.
        using var kit = new AnsweringTestKit("""
            # Permissions

            The sticky bit lets only a file's owner delete it in a shared directory.

            ## Challenges

            1. Why would you set the *setgid* bit on a folder?**
            2. What does the sticky bit do on a shared directory?
            3. Which command lists a file's permissions?

            ## Questions

            - Can root delete a file in a sticky directory?
              - Yes, root can delete any file.
            """);

        Assert.Equal(1, kit.Signal("What does the sticky bit do?", "What does the sticky bit do", "asks"));
        Assert.Equal(1, kit.Signal("Why set setgid on a folder?", "Why would you set", "asks"));
        Assert.Equal(0, kit.Signal("What does the sticky bit do?", "The sticky bit lets", "asks"));
        Assert.Equal(0, kit.Signal("Can root delete a file in a sticky directory?", "Yes, root can delete", "asks"));
    }

    [Fact]
    public void Unknown_WordNoPassageHolds_IsMissed()
    {
        var candidate = _kit.Candidate("What is the best way to store wine in UDP?", "UDP is connectionless");

        Assert.True(candidate["unknown_missed"] > 0);
        Assert.True(candidate["matched_share"] < 1);
    }

    [Fact]
    public void TitleNamed_QuestionNamesTheWholeTitle_IsOne()
    {
        Assert.Equal(1, _kit.Signal("What are long-lived connections?", "Keep-alive holds", "title_named"));
        Assert.Equal(0, _kit.Signal("What is UDP?", "Keep-alive holds", "title_named"));
    }

    [Fact]
    public void LeadFit_PassageOpensTheTitleAsked_IsPositiveAndTopLevelFollowsTheLead()
    {
        var candidate = _kit.Candidate("What is UDP?", "UDP is connectionless");

        Assert.True(candidate["lead_fit"] > 0);
        Assert.Equal(candidate.Lead is { Depth: 0 } ? 1 : 0, candidate["lead_top_level"]);
    }

    [Fact]
    public void YesNoPairMismatch_WhatIsQuestionOnAYesNoPair_IsOne()
    {
        Assert.Equal(1, _kit.Signal("What is a pod container?", "Can a pod run without", "yes_no_pair_mismatch"));
        Assert.Equal(0, _kit.Signal("Can a pod run without a container?", "Can a pod run without", "yes_no_pair_mismatch"));
    }

    [Fact]
    public void SectionOpening_FirstPassageUnderItsTitle_IsOne()
    {
        Assert.Equal(1, _kit.Signal("sessions", "idle session timeout", "section_opening"));
        Assert.Equal(0, _kit.Signal("sessions", "Sessions are kept", "section_opening"));
    }

    [Fact]
    public void Length_LongerPassage_IsLarger()
    {
        Assert.True(_kit.Signal("pod", "A pod is the smallest", "length") > _kit.Signal("pod", "kubectl apply", "length"));
    }

    [Fact]
    public void Bm25_IsTheRetrieverScoreAsGiven()
    {
        Assert.Equal(0.25, _kit.Candidate("UDP", "UDP is connectionless", bm25: 0.25)["bm25"]);
    }

    [Fact]
    public void SemanticSignals_FromTheSimilarities_RankAndGapToTheBest()
    {
        var similarities = new float[_kit.Index.Count];
        var best = _kit.IdOf("idle session timeout");
        similarities[best] = 0.9f;
        similarities[_kit.IdOf("Sessions are kept")] = 0.6f;

        var top = _kit.Candidate("how long until it stops", "idle session timeout", similarities);
        var second = _kit.Candidate("how long until it stops", "Sessions are kept", similarities);

        Assert.Equal(0.9, top["semantic"], 3);
        Assert.Equal(1.0, top["semantic_rank"]);
        Assert.Equal(0.5, second["semantic_rank"]);
        Assert.Equal(0, top["semantic_gap"], 3);
        Assert.Equal(-0.3, second["semantic_gap"], 3);
    }

    [Fact]
    public void AdaptedSemantic_IsTheCosineOfThePassageAndTheAdaptedQuestion()
    {
        // "How do I turn it off?" moved by the fitted adapter toward the passage that answers it: the signal is the
        // cosine of that moved vector and the passage's cached one, next to the plain cosine.
        var embedder = new WordHashEmbedder();
        _kit.Index.Semantic = new SemanticIndex(embedder, embedder.Embed(_kit.Index.ReadAll().Select(e => SemanticIndex.TextOf(e.Passage)).ToList()));
        var target = _kit.IdOf("idle session timeout");
        var adapted = embedder.Embed([SemanticIndex.TextOf(_kit.Index.Entry(target).Passage)])[0];
        var similarities = new float[_kit.Index.Count];

        var moved = _kit.Candidate("how long until it stops", "idle session timeout", similarities, adaptedQuery: adapted);
        var other = _kit.Candidate("how long until it stops", "Keep-alive holds", similarities, adaptedQuery: adapted);
        var unadapted = _kit.Candidate("how long until it stops", "idle session timeout", similarities);

        Assert.Equal(1.0, moved["adapted_semantic"], 3);
        Assert.InRange(other["adapted_semantic"], -1.0, 0.9);
        Assert.Equal(0, unadapted["adapted_semantic"]);
    }

    [Fact]
    public void SemanticSignals_LexicalPath_AreZero()
    {
        var candidate = _kit.Candidate("how long until it stops", "idle session timeout");

        Assert.All(Signals.SemanticNames.Where(n => Signals.IndexOf(n) >= 0), n => Assert.Equal(0, candidate[n]));
    }

    [Fact]
    public void Names_EverySignalIsComputedAndUnique()
    {
        Assert.Equal(Signals.Names.Length, Signals.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Signals.Names.Length, _kit.Candidate("UDP", "UDP is connectionless").Features.Length);
    }

    [Fact]
    public void Decision_UnknownNameAndCoverage_AreRead()
    {
        var ranking = _kit.Index.Search(s => StudyBot.Core.Knowledge.AnswerComposer.Rank(_kit.Index, s, "Who painted the Mona Lisa in Paris?", AnswerModel.Current));

        Assert.Equal(1, ranking.DecisionSignals[Array.IndexOf(Signals.DecisionNames, "unknown_name")]);
        Assert.True(ranking.DecisionSignals[Array.IndexOf(Signals.DecisionNames, "unknown_share")] > 0.5);
    }

    [Fact]
    public void Order_BestFirst_APassageThatIsOnlyAQuestionAfterEveryOther()
    {
        const string notes = """
            # Selling stock

            - Employees can sell their stock once the lockup ends.
            - Career ladder (when above 10 engineers) - Are career ladders well-defined?
            - When you create a table it lands in a schema. So how does postgres know which one?
            - 🚧 What are the restrictions on selling stock at an IPO? What is a lockup period?
            """;
        using var kit = new AnsweringTestKit(notes, "stock.md");
        const string question = "when can employees sell stock after an IPO?";
        var open = kit.Candidate(question, "What are the restrictions");
        var answer = kit.Candidate(question, "once the lockup ends");
        var ladder = kit.Candidate(question, "Career ladder");
        var schema = kit.Candidate(question, "lands in a schema");
        (open.Score, answer.Score, ladder.Score, schema.Score) = (9, 2, 5, 5);
        var ranked = new List<Signals.Candidate> { answer, open, schema, ladder };

        Signals.Order(kit.Index, ranked);

        // The two that end by asking but say something first keep their place by score (ties in the notes' order).
        Assert.Equal([ladder, schema, answer, open], ranked);
    }
}
