using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge.Answering;

public sealed class QuestionAnalyzerTests : IDisposable
{
    private readonly AnsweringTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Theory]
    [InlineData("Is UDP connectionless?", true)]
    [InlineData("If I delete the branch after merging, will the pull request close?", true)]
    [InlineData("our team is small — do we still need it?", true)]
    [InlineData("we run two servers - does the timeout apply to both?", true)]
    [InlineData("What is UDP, and does it retransmit?", false)]
    [InlineData("How long is the session timeout?", false)]
    [InlineData("Explain keep-alive", false)]
    [InlineData("sftp is basically plain ftp with encryption bolted on, right?", true)]
    [InlineData("relays count as digital actuators right - high signal turns it on, low turns it off?", true)]
    [InlineData("the default timeout is 30 minutes, isn't it?", true)]
    [InlineData("the key never leaves the device, no?", true)]
    [InlineData("which side is right?", false)]
    [InlineData("tcp retries no matter what?", false)]
    [InlineData("did a commit -a without looking, how can i check what actually went in", false)]
    [InlineData("deleted the wrong branch - how to get it back?", false)]
    [InlineData("Can I use S3, which is cheap, for backups?", true)]
    [InlineData("Is it faster, and why?", true)]
    [InlineData("can someone explain pulse width modulation in simple terms, my notes just say PWM", false)]
    [InlineData("could you please summarise the laws of software evolution?", false)]
    [InlineData("Can you explain a pod without a container?", false)]
    [InlineData("Can you run a pod without a container?", true)]
    [InlineData("in tests can I just listen on port 0?", true)]
    [InlineData("if two columns correlate strongly does that prove one causes the other?", true)]
    [InlineData("when I rename a table, does its id sequence get renamed along with it?", true)]
    [InlineData("with end-to-end encryption can the service provider still read the messages?", true)]
    [InlineData("ok to run ldd on a random binary someone sent me?", true)]
    [InlineData("open/closed is the first SOLID principle?", true)]
    [InlineData("dead sea effect means the best engineers tend to stick around the longest?", true)]
    [InlineData("liskov is the 3rd of the SOLID principles right", true)]
    [InlineData("if an rsync transfer dies halfway can it pick up where it left off?", true)]
    [InlineData("so docker also takes care of running the containers for us?", true)]
    [InlineData("So what is a unit-like struct even useful for?", false)]
    [InlineData("When does the liveness probe restart a container?", false)]
    [InlineData("in javascript when should I use === instead of ==?", false)]
    [InlineData("when a program calls execve, does that spawn a new process or what happens to the caller?", false)]
    [InlineData("bit trick to check if a number is a power of 2?", false)]
    [InlineData("default port for smtp?", false)]
    [InlineData("is tcp or udp faster?", false)]                                   // a choice between two rivals.
    [InlineData("Is Redis or Memcached better for sessions?", false)]
    [InlineData("is it better to rebase or merge?", false)]
    [InlineData("does kubectl rollout work on daemonsets too, or only deployments?", true)] // about the first.
    [InlineData("is the file stored on the client or the server?", false)]          // which of two, the question ends with the second.
    [InlineData("is a switch layer 2 or 3?", false)]
    [InlineData("Is a security policy meant to be independent of any particular technology or product?", true)] // "any A or B": both at once.
    [InlineData("is SNS push or pull based, compared with SQS?", true)]             // the second is not the question's end: left as it was.
    [InlineData("can a process catch or ignore SIGKILL?", true)]                    // only "is/are": a modal asks whether either can be done.
    [InlineData("is udp faster than tcp?", true)]
    [InlineData("should i use async/await or callbacks?", false)]                 // advice between two: which.
    [InlineData("should we optimise for the lowest possible latency or for throughput?", false)]
    [InlineData("should I run node as root or not?", true)]                       // "or not" asks yes or no.
    [InlineData("should I run node as root in docker?", true)]
    [InlineData("isnt git able to track empty directories?", true)]              // chat's contraction without its apostrophe.
    [InlineData("doesnt git track empty directories?", true)]
    public void IsYesNo_OpeningClauseOrDash_FindsTheAskingClause(string question, bool expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.IsYesNo(question));
    }

    [Theory]
    [InlineData("How long until an idle session stops?", "Duration")]
    [InlineData("how many containers does a pod have at least?", "Count")]
    [InlineData("Which port does HTTPS use?", "Port")]
    [InlineData("What is the maximum message size?", "Limit")]
    [InlineData("Is it encrypted by default?", "Default")]
    [InlineData("whats the default keep alive interval in seconds?", "Duration")]
    [InlineData("what is the maximum object size in GB?", "Size")]
    [InlineData("What is a pod?", "None")]
    [InlineData("how long should my resume be?", "Size")]          // a length: "Use only 1 page".
    [InlineData("How long can a commit subject line be?", "Size")]
    [InlineData("how long does a review take to be done?", "Duration")] // a time, whatever follows.
    [InlineData("how long will the token be valid?", "Duration")]
    public void Analyze_ValueQuestion_NamesTheAnswerType(string question, string expected)
    {
        Assert.Equal(Enum.Parse<AnswerType>(expected), _kit.Analyze(question).AnswerType);
    }

    [Theory]
    [InlineData("how would you sum up what a product owner does? need it for a slide", "how would you sum up what a product owner does?")]
    [InlineData("why can’t we write the vision ourselves? seems way faster", "why can’t we write the vision ourselves?")]
    [InlineData("which algorithms can the digest function use? (sha256 etc)", "which algorithms can the digest function use?")]
    [InlineData("su asks for my own password, right? not the target user's", "su asks for my own password, right?")]
    [InlineData("do we move users over in one go? how does the traffic shift work", null)]   // a second question.
    [InlineData("what is universal design? any example?", null)]                         // asks with its own mark.
    [InlineData("is the index used? is buying insurance one of them", null)]              // an auxiliary first.
    [InlineData("should I use tabs for the config? or spaces", null)]                     // an alternative.
    [InlineData("devsecops = ? quick definition pls", null)]                              // too little before the mark.
    [InlineData("what does the ?? operator do?", null)]
    [InlineData("what does a ? match in a shell glob", null)]
    [InlineData("Is UDP connectionless?", null)]
    [InlineData("best way to get wine out of a carpet?? asking for a friend", "best way to get wine out of a carpet??")]
    public void WithoutRemark_DropsAChatRemarkAfterTheQuestionMark(string question, string? expected) =>
        Assert.Equal(expected ?? question, QuestionAnalyzer.WithoutRemark(question));

    [Fact]
    public void Rank_ARemarkAfterTheQuestion_NeitherAddsConceptsNorChangesTheKind()
    {
        var plain = _kit.Index.Search(s => AnswerComposer.Rank(_kit.Index, s, "why is UDP connectionless?", AnswerModel.Current));
        var remarked = _kit.Index.Search(s => AnswerComposer.Rank(_kit.Index, s, "why is UDP connectionless? seems way faster", AnswerModel.Current));

        Assert.Equal(QuestionKind.Why, remarked.Question.Kind);   // "faster" read it as a comparison.
        Assert.Equal(plain.Question.Concepts.Select(c => c.Surface), remarked.Question.Concepts.Select(c => c.Surface));
        Assert.Equal(plain.Probability, remarked.Probability, 6);
    }

    [Fact]
    public void Analyze_AVeryLongQuestion_EveryStageReadsItsFirstPartAlone()
    {
        // 40,000 characters of "between …" and "vs": the comparison pattern went over them again from every word, 18 s
        // for 160,000 in the CLI. Every stage reads the cut text; the answer still quotes the question as asked.
        var asked = "Is UDP connectionless? " + string.Concat(Enumerable.Repeat("between UDP and TCP vs ", 1_800));

        var analysis = _kit.Analyze(asked);
        var answer = AnswerComposer.Ask(_kit.Index, asked, AnswerModel.Current);

        Assert.Equal(QuestionTerms.MaxQuestionChars, analysis.Question.Length);
        Assert.StartsWith("Is UDP connectionless?", analysis.Question, StringComparison.Ordinal);
        Assert.Equal(asked, answer.Question);
    }

    [Theory]
    [InlineData("shuold", true)]
    [InlineData("wihch", true)]
    [InlineData("three", false)]   // a count, though "there" swapped.
    [InlineData("form", false)]    // too short: a word of its own ("from" swapped).
    [InlineData("should", false)]  // the stop word itself.
    [InlineData("cluster", false)]
    public void IsSwappedStopWord_TwoNeighbouringLettersOfAStopWord(string typed, bool expected) =>
        Assert.Equal(expected, QuestionTerms.IsSwappedStopWord(typed));

    [Theory]
    [InlineData("How long is the session timeout?", "long")]
    [InlineData("how many connections stay open?", "many")]
    [InlineData("whats a pod", "what")]
    [InlineData("wtf is a pod", "wtf")]
    [InlineData("when shuold i restart a pod", "shuold")]   // a stop word typed with two letters swapped.
    [InlineData("whats the point of output encoding?", "point")]
    [InlineData("what's wrong with my pod spec?", "wrong")]
    [InlineData("what is the idea behind a pod?", "idea")]
    [InlineData("whats the diff between a pod and a node?", "diff")]
    [InlineData("so with a pod, what's the purpose of it, right?", "right")]
    [InlineData("whats the session timeout we're supposed to set", "we'r")] // a pronoun joined to its verb.
    [InlineData("im unsure, how long is the session timeout?", "im")]
    [InlineData("i'll restart a pod, does it keep its name?", "i'll")]
    public void Analyze_QuestionWords_AreNeverTopicWords(string question, string word)
    {
        var analysis = _kit.Analyze(question);

        Assert.DoesNotContain(analysis.Concepts, c => c.Terms.Any(t => t.StartsWith(word, StringComparison.Ordinal)));
        Assert.NotEmpty(analysis.Content);
    }

    [Theory]
    [InlineData("lots of ppl ask why a pod restarts", "lot")]
    [InlineData("lots of ppl ask why a pod restarts", "ppl")]
    [InlineData("any tips for restarting a pod?", "tip")]
    [InlineData("why bother restarting a pod", "bother")]
    [InlineData("which timeout are we supposed to set on a pod?", "suppos")]
    [InlineData("kinda lost, how does a pod restart w a new image?", "w")]
    public void Analyze_ChatAsides_AreFrameWords(string question, string term)
    {
        var analysis = _kit.Analyze(question);

        Assert.Contains(analysis.Concepts, c => c.Terms.Contains(term) && c.IsFrame);
        Assert.DoesNotContain(analysis.Content, c => c.Terms.Contains(term));
    }

    [Theory]
    [InlineData("is a pod the same thing as a node?", true)]
    [InlineData("is the idle timeout the same length as the session timeout?", true)]
    [InlineData("UDP and TCP mean the same, right?", true)]
    [InlineData("are a pod and a node the same?", true)]
    [InlineData("can two pods listen on the same port?", false)]            // it points back: which port.
    [InlineData("do both servers time out at the same time?", false)]
    public void Analyze_Same_IsAConceptOnlyAsAnIdentityPredicate(string question, bool concept)
    {
        var analysis = _kit.Analyze(question);

        Assert.Equal(concept, analysis.Concepts.Any(c => c.Terms.Contains("same")));
    }

    [Theory]
    [InlineData("our CNI plugin isn't up yet - will kubernetes still start pods?", "")]
    [InlineData("If I don't set a limit, can a container use all the memory?", "")]
    [InlineData("Can you have a container without a pod?", "without")]
    [InlineData("our cluster is small - don't we need an ingress?", "don't")]
    [InlineData("does postgres accept <> as the not-equal operator too?", "")] // a hyphenated name negates nothing
    [InlineData("is a no-op migration safe to run twice?", "")]
    public void Analyze_Negations_AreTheAskingClauses(string question, string negations)
    {
        // The opening clause is the question's condition: "isn't up yet" does not deny what is asked, and a passage
        // that says "won't run pods until CNI is running" must not agree with it and read Yes.
        Assert.Equal(negations, string.Join(' ', _kit.Analyze(question).Negations.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("What is a pod?", "Definition")]
    [InlineData("whats a pod", "Definition")]
    [InlineData("wtf is a pod", "Definition")]
    [InlineData("Is UDP connectionless?", "YesNo")]
    [InlineData("How long is the timeout?", "Value")]
    [InlineData("Why is UDP faster?", "Compare")]
    [InlineData("Why do pods exist?", "Why")]
    [InlineData("How do I create a deployment?", "How")]
    [InlineData("ran git reset --hard by accident, how do i get it back", "How")] // the asking clause asks how
    [InlineData("Which protocol does SSH use?", "Which")]
    [InlineData("can someone explain what a pod is", "Definition")]
    [InlineData("isn’t UDP connectionless?", "YesNo")]   // a phone's typographic apostrophe reads as a plain one.
    [InlineData("what’s a pod?", "Definition")]
    public void Analyze_Question_HasItsKind(string question, string kind)
    {
        Assert.Equal(Enum.Parse<QuestionKind>(kind), _kit.Analyze(question).Kind);
    }

    [Fact]
    public void Analyze_TwoTopicWords_TheRarerOneFirstIsTheSubject()
    {
        var analysis = _kit.Analyze("Does UDP retransmit lost packets?");

        Assert.NotNull(analysis.Subject);
        Assert.Contains("udp", analysis.Subject!.Terms);
    }

    [Theory]
    [InlineData("Can two pods share one UDP port?")]
    [InlineData("Does UDP retransmit 3 lost packets?")]
    public void Analyze_ACountBeforeTheTopic_IsNotTheSubject(string question)
    {
        var analysis = _kit.Analyze(question);

        Assert.NotNull(analysis.Subject);
        Assert.False(Lexicon.IsCount(analysis.Subject!.Surface), $"subject: {string.Join(' ', analysis.Subject.Terms)}");
    }

    [Theory]
    [InlineData("tcp vs udp, which retransmits?")]
    [InlineData("tcp versus udp - which one retransmits?")]
    [InlineData("compare tcp and udp")] // "compare" was the subject, and half the topic's weight no passage could hold.
    [InlineData("how does tcp retransmission compare with udp?")]
    public void Analyze_CompareWord_IsAFrameNotATopic(string question)
    {
        var analysis = _kit.Analyze(question);

        Assert.DoesNotContain(analysis.Content, c => c.Terms.Contains("vs") || c.Terms.Contains("versu") || c.Terms.Contains("compar"));
        Assert.Contains(analysis.Content, c => c.Terms.Contains("tcp"));
    }

    [Theory]
    [InlineData("tldr on udp", "tldr")]
    [InlineData("tl;dr udp?", "tl")]
    [InlineData("udp in simple terms", "simpl")]
    [InlineData("eli5 udp", "eli5")]
    public void Analyze_ChatAskingForASummary_IsAFrameNotATopic(string question, string frame)
    {
        var analysis = _kit.Analyze(question);

        Assert.DoesNotContain(analysis.Content, c => c.Terms.Contains(frame));
        Assert.Contains("udp", analysis.Subject?.Terms ?? analysis.Content.Single().Terms);
    }

    [Theory]
    [InlineData("how should we compare HMAC digests so we don't leak timing info?")]
    [InlineData("How should I compare floating point numbers?")]
    public void Analyze_ComparingAsked_StaysATopic(string question)
    {
        // Comparing is what is asked about, not two things set side by side: the notes' "compare … in constant time".
        Assert.Contains(_kit.Analyze(question).Content, c => c.Terms.Contains("compar"));
    }

    [Theory]
    [InlineData("true or false: UDP retransmits lost packets", "UDP retransmits lost packets, right?")]
    [InlineData("True or false? udp is connectionless.", "udp is connectionless, right?")]
    [InlineData("UDP is connectionless - true or false?", "UDP is connectionless, right?")]
    [InlineData("true or false", "true or false")]                       // no statement: left as it is.
    [InlineData("is the answer true or false here?", "is the answer true or false here?")] // not a frame in the middle.
    public void AsConfirmation_TrueOrFalse_IsTheStatementWithATag(string question, string expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.AsConfirmation(question));
    }

    [Fact]
    public void Analyze_TrueOrFalse_IsYesNoAndNoTopic()
    {
        var analysis = _kit.Analyze("true or false: UDP retransmits lost packets");

        Assert.Equal(QuestionKind.YesNo, analysis.Kind);
        Assert.DoesNotContain(analysis.Concepts, c => c.Terms.Contains("true") || c.Terms.Contains("fals"));
    }

    [Fact]
    public void Analyze_ConfirmationTag_IsYesNoAndTheTagIsNoTopic()
    {
        var analysis = _kit.Analyze("udp retransmits lost packets, right?");

        Assert.Equal(QuestionKind.YesNo, analysis.Kind);
        Assert.DoesNotContain(analysis.Concepts, c => c.Terms.Contains("right"));
    }

    [Fact]
    public void MainClause_AfterAnOpeningClause_IsTheAskingClause()
    {
        Assert.Equal("will the pull request close?", QuestionAnalyzer.MainClause("If I delete the branch after merging, will the pull request close?"));
    }

    [Theory]
    [InlineData("in tests can I just listen on port 0?", "can I just listen on port 0?")]
    [InlineData("if two columns correlate strongly does that prove one causes the other?", "does that prove one causes the other?")]
    public void MainClause_AfterASettingWithoutAComma_IsTheAskingClause(string question, string expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.MainClause(question));
    }

    [Theory]
    [InlineData("sftp is basically plain ftp with encryption bolted on, right?", "sftp is basically plain ftp with encryption bolted on?")]
    [InlineData("relays count as digital actuators right - high signal turns it on?", "relays count as digital actuators?")]
    public void MainClause_OfAConfirmationTag_IsTheStatement(string question, string expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.MainClause(question));
    }

    [Theory]
    [InlineData("How should the SMS acronym be written in names?", false)]
    [InlineData("How should the MMS acronym be written in names?", true)]
    [InlineData("Does Java name things like this?", true)]
    public void Analyze_AnAcronymTheNotesWriteOnlyInsideAnIdentifier_IsNoUnknownName(string question, bool unknown)
    {
        // "SMS" stands only in SMSContainer, a name and a word the notes use ("container"); "MMS" nowhere; "Java" opens
        // JavaScript, but it is no acronym: a question about Java is not one these notes answer.
        using var kit = new AnsweringTestKit("""
            # Naming

            Acronyms are all upper case or all lower case: `SMSContainer`, never `SmsContainer`.

            A container holds the names. JavaScript names use camel case.
            """, "naming.md");

        var name = kit.Analyze(question).Content.Single(c => c.Surface is "sms" or "mms" or "java");

        Assert.Equal(unknown, name.IsUnknownName);
    }
}
