using System.Text;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The item-quality model's signals (<see cref="QuizItemSignals"/>), one test each, its model file, and the
/// generator's "keep" stage.</summary>
public sealed class QuizItemModelTests
{
    private static Passage Line(int line, string text, string section = "Networking", string file = "net/notes.md") =>
        new(file, section, ["Notes", section], line, line, text, PassageKind.Bullet);

    private static QuizQuestion Blank(string masked, string answer, string[] wrong, string label = "") =>
        Question(QuizQuestionKind.FillInTheBlank, label.Length > 0 ? $"Fill in the blank ({label}): “{masked}”" : $"Fill in the blank: “{masked}”", answer, wrong);

    private static QuizQuestion Definition(string quote, string answer, params string[] wrong) =>
        Question(QuizQuestionKind.Definition, $"Which of these is described in the notes as “{quote}”?", answer, wrong);

    private static QuizQuestion Question(QuizQuestionKind kind, string text, string answer, string[] wrong) =>
        new("id", kind, text, [answer, .. wrong], 0, text, new Citation("net/notes.md", "Networking", 9, 9, string.Empty), answer);

    private static double Signal(string name, QuizQuestion q, QuizCorpus? corpus = null, KindSimilarity? kinds = null) =>
        QuizItemSignals.Of(q, corpus ?? new QuizCorpus([]), kinds ?? KindSimilarity.None)[Array.IndexOf(QuizItemSignals.Names, name)];

    [Fact]
    public void StemAndLabel_BlankWithLabel_SplitsTheQuotedSentenceFromTheLabel()
    {
        var (stem, label) = QuizItemSignals.StemAndLabel(Blank("_____ gateways are assigned a public IP", "NAT", ["LAN"], "VPC's"));

        Assert.Equal("_____ gateways are assigned a public IP", stem);
        Assert.Equal("VPC's", label);
    }

    [Fact]
    public void KindSignals_SayYesNoDefinitionAndContrast()
    {
        var yesNo = Question(QuizQuestionKind.YesNo, "Is EBS encrypted by default?", "No", ["Yes"]);
        var definition = Definition("Runs one pod per node", "Daemonset", "Job", "CronJob", "Replicaset");
        var contrast = Question(QuizQuestionKind.Contrast, "Which of these two is described in the notes as “Fully managed by AWS”?", "ECS", ["EKS"]);

        Assert.Equal(1, Signal("yes_no", yesNo));
        Assert.Equal(0, Signal("definition", yesNo));
        Assert.Equal(0, Signal("contrast", yesNo));
        Assert.Equal(1, Signal("definition", definition));
        Assert.Equal(0, Signal("yes_no", definition));
        Assert.Equal(0, Signal("contrast", definition));
        Assert.Equal(1, Signal("contrast", contrast));
        Assert.Equal(0, Signal("definition", contrast));
        Assert.Equal(1, QuizItemSignals.TwoChoices(contrast));
        Assert.False(double.IsNaN(Signal("wrong_related", contrast))); // its choices are terms, weighed as a definition's
    }

    [Fact]
    public void TwoChoices_ADefinitionBetweenTwo_NotAYesNo()
    {
        Assert.Equal(1, QuizItemSignals.TwoChoices(Definition("Forward TCP traffic to your instances", "Network Load Balancer", "Application Load Balancer")));
        Assert.Equal(0, QuizItemSignals.TwoChoices(Question(QuizQuestionKind.YesNo, "Is EBS encrypted by default?", "No", ["Yes"])));
        Assert.Equal(0, QuizItemSignals.TwoChoices(Definition("Runs one pod per node", "Daemonset", "Job", "CronJob", "Replicaset")));
    }

    [Fact]
    public void WrongKindMeanAndMin_TheModelsLikenessOfEachWrongChoiceToTheKey()
    {
        var kinds = new KindSimilarity(new ChosenEmbedder(("Spot Instances", 1.0), ("Reserved Instances", 0.8), ("Dedicated Hosts", 0.6), ("JSON files", 0.1)));
        var q = Blank("_____ can be interrupted at two minutes' notice", "Spot Instances", ["Reserved Instances", "Dedicated Hosts", "JSON files"]);

        Assert.Equal(0.5, QuizItemSignals.WrongKindMean(q, new QuizCorpus([]), kinds), 3);
        Assert.Equal(0.1, QuizItemSignals.WrongKindMin(q, new QuizCorpus([]), kinds), 3);
        Assert.True(double.IsNaN(QuizItemSignals.WrongKindMean(q, new QuizCorpus([]), KindSimilarity.None)));
    }

    [Fact]
    public void StemLeadAndStemKeyLike_HowMuchNearerTheStemTheKeyIs()
    {
        const string stem = "_____ can be interrupted at two minutes' notice";
        var kinds = new KindSimilarity(new ChosenEmbedder((stem, 0.7), ("Spot Instances", 1.0), ("Reserved Instances", 0.8), ("Dedicated Hosts", 0.6)));
        var q = Blank(stem, "Spot Instances", ["Reserved Instances", "Dedicated Hosts"]);

        Assert.Equal(0.7, QuizItemSignals.StemKeyLike(q, stem, kinds), 3);
        Assert.Equal(0.15, QuizItemSignals.StemLead(q, stem, kinds), 3); // 0.70 − 0.55 (0.56 in steps of 0.05)
        Assert.True(double.IsNaN(QuizItemSignals.StemLead(q, stem, KindSimilarity.None)));
    }

    [Fact]
    public void StemWords_LogarithmOfTheStemsWords()
    {
        // The blank is no word: "is per AWS account".
        Assert.Equal(Math.Log(1 + 4), QuizItemSignals.StemWords("_____ is per AWS account"), 6);
    }

    [Fact]
    public void KeyLines_LinesOfTheNotesThatHoldTheKey()
    {
        var corpus = new QuizCorpus([Line(1, "Every VPC has a CIDR block"), Line(2, "A VPC spans the zones of a region"), Line(3, "Subnets live in one zone")]);

        Assert.Equal(Math.Log(1 + 2), QuizItemSignals.KeyLines(Blank("A _____ spans the zones of a region", "VPC", ["LAN"]), corpus), 6);
    }

    [Fact]
    public void KeyAcronym_OneForLetters()
    {
        Assert.Equal(1, QuizItemSignals.KeyAcronym(Blank("A _____ spans the zones", "VPC", ["LAN"])));
        Assert.Equal(0, QuizItemSignals.KeyAcronym(Blank("_____ can be interrupted", "Spot Instances", ["Reserved Instances"])));
    }

    [Fact]
    public void WrongListed_ShareOfWrongChoicesTheNotesListWithTheKey()
    {
        var corpus = new QuizCorpus([Line(1, "TCP and UDP are the transport protocols"), Line(2, "SMTP sends mail between servers"), Line(3, "FTP moves files")]);
        var q = Blank("_____ retransmits lost segments", "TCP", ["UDP", "SMTP", "FTP"]);

        Assert.Equal(1.0 / 3, QuizItemSignals.WrongListed(q, corpus), 6);
    }

    [Fact]
    public void WrongOtherFile_ShareOfWrongTitlesThatHeadOnlyOtherFiles()
    {
        var corpus = new QuizCorpus(
        [
            Line(1, "Track who used Copilot and when", "Audit Log Events"),
            Line(2, "Lists the audit events of the organisation", "Audit Log Streaming"),
            Line(3, "Who performed what action, when", "Audit Log API", "admin/domain-1.md"),
        ]);
        var q = Definition("Track who used Copilot and when", "Audit Log Events", "Audit Log API", "Audit Log Streaming", "Audit Log Retention");

        // "Audit Log API" heads a section of another file only; "Audit Log Streaming" one of the key's; "Audit Log
        // Retention" heads none, which says nothing.
        Assert.Equal(1.0 / 3, QuizItemSignals.WrongOtherFile(q, corpus), 6);
        Assert.Equal(1.0 / 3, Signal("wrong_other_file", q, corpus), 6);
        Assert.True(double.IsNaN(Signal("wrong_other_file", Blank("_____ tracks who used Copilot", "Audit Log Events", ["Audit Log API"]), corpus)));
    }

    [Theory]
    [InlineData("Logical Volumes", 2)]   // plural title, singular and plural in sentences.
    [InlineData("logical volume", 2)]    // a singular phrase also matches its plural.
    [InlineData("Check Volume Group", 0)] // a heading, never written in a sentence.
    [InlineData("DNS", 1)]               // not read as a plural.
    public void TextUses_PassagesWhoseSentencesWriteThePhrase(string phrase, int expected)
    {
        var corpus = new QuizCorpus(
        [
            Line(1, "A logical volume is carved out of a volume group", "Logical Volumes"),
            Line(2, "Extend logical volumes when more space is needed", "Check Volume Group"),
            Line(3, "DNS maps names to addresses", "Name Resolution"),
        ]);

        Assert.Equal(expected, corpus.TextUses(phrase));
    }

    [Fact]
    public void WrongMinUsedAndChoicesUsed_ChoicesWrittenOnlyAsHeadings()
    {
        var corpus = new QuizCorpus(
        [
            Line(1, "A logical volume is carved out of a volume group", "Logical Volumes"),
            Line(2, "A volume group pools physical volumes", "Volume Groups"),
            Line(3, "Run vgdisplay", "Check Volume Group"),
        ]);
        var layout = Blank("Extend _____ when more space is needed", "Logical Volumes", ["Volume Groups", "Check Volume Group"]);
        var terms = Blank("Extend _____ when more space is needed", "Logical Volumes", ["Volume Groups", "Physical Volumes"]);

        // "Check Volume Group" is never written in a sentence: the least used wrong choice is used 0 times.
        Assert.Equal(0, QuizItemSignals.WrongMinUsed(layout, corpus), 6);
        Assert.Equal(Math.Log(2), QuizItemSignals.WrongMinUsed(terms, corpus), 6);
        Assert.Equal(2.0 / 3, QuizItemSignals.ChoicesUsed(layout, corpus), 6);
        Assert.Equal(1.0, Signal("choices_used", terms, corpus), 6);
        Assert.Equal(Math.Log(2), Signal("wrong_min_used", terms, corpus), 6);
    }

    [Fact]
    public void WrongTitles_ShareOfWrongChoicesThatAreSectionHeadings()
    {
        var corpus = new QuizCorpus([Line(1, "The server opens the data connection", "Active Mode"), Line(2, "The client opens it", "Passive Mode")]);
        var q = Definition("The server opens the data connection", "Active Mode", "Passive Mode", "Binary Mode");

        Assert.Equal(0.5, QuizItemSignals.WrongTitles(["Passive Mode", "Binary Mode"], corpus), 6);
        Assert.Equal(0.5, Signal("wrong_titles", q, corpus), 6);
    }

    [Fact]
    public void WrongRelated_ShareOfWrongChoicesSharingAContentWordWithTheStem()
    {
        var q = Blank("The _____ spreads traffic over healthy targets", "Load Balancer", ["Traffic Mirror", "Cache", "Queue"]);

        Assert.Equal(1.0 / 3, QuizItemSignals.WrongRelated(q, "The _____ spreads traffic over healthy targets"), 6);
    }

    [Fact]
    public void Pointing_AStemWordTheNotesWriteWithTheKeyAndNotWithTheWrongChoices()
    {
        const string stem = "The _____ status was returned";
        var lines = new List<Passage> { Line(1, "HTTP status 200 is fine"), Line(2, "HTTP status 404 is missing"), Line(3, "The pod status is Running"), Line(9, "The HTTP status was returned") };
        var q = Blank(stem, "HTTP", ["SMTP", "FTP", "SSH"]);

        // "status": 2 of its 3 other lines hold HTTP, none a wrong choice.
        Assert.Equal(2.0 / 3, QuizItemSignals.Pointing(q, stem, new QuizCorpus(lines)), 6);

        // A wrong choice written with the word too: (2 − 1) of 4 lines.
        lines.Add(Line(4, "SMTP status is queued"));
        Assert.Equal(1.0 / 4, QuizItemSignals.Pointing(q, stem, new QuizCorpus(lines)), 6);
    }

    [Fact]
    public void LengthGap_HowFarTheKeysLengthIsFromTheWrongChoices()
    {
        var q = Blank("A _____ spans the zones", "VPC", ["Subnet", "Region"]);

        Assert.Equal(Math.Abs(Math.Log(3.0 / 6)), QuizItemSignals.LengthGap(q), 6);
    }

    [Fact]
    public void Labelled_OneWhenTheBlankShowsItsSection()
    {
        Assert.Equal(1, Signal("labelled", Blank("_____ gateways are assigned a public IP", "NAT", ["LAN", "VPN", "ARP"], "VPC's")));
        Assert.Equal(0, Signal("labelled", Blank("_____ gateways are assigned a public IP", "NAT", ["LAN", "VPN", "ARP"])));
    }

    [Fact]
    public void OddOneOut_WrongChoicesAlikeAmongThemselvesButNotLikeTheKey()
    {
        var kinds = new KindSimilarity(new ChosenEmbedder(("Datagram Service", 0.5), ("Mail Service", 0.9), ("File Service", 0.9), ("Web Service", 0.9)));
        var q = Blank("_____ sends without a handshake", "Datagram Service", ["Mail Service", "File Service", "Web Service"]);

        Assert.Equal(0.8 - 0.45, QuizItemSignals.OddOneOut(q, kinds), 6);
        Assert.True(double.IsNaN(QuizItemSignals.OddOneOut(q, KindSimilarity.None)));
    }

    [Fact]
    public void WrongShareWord_ShareOfWrongChoicesThatShareAWordOfTheKeysName()
    {
        var q = Definition("Intercepts traffic without client configuration", "Transparent Proxy", "SOCKS Proxy", "HTTP Proxy", "Caching");

        Assert.Equal(2.0 / 3, QuizItemSignals.WrongShareWord(q), 6);
    }

    [Fact]
    public void Glossed_OneWhenAChoiceCarriesBrackets()
    {
        Assert.Equal(1, QuizItemSignals.Glossed(Definition("A single sender to a single receiver", "Unicast (One-to-One)", "Multicast", "Anycast")));
        Assert.Equal(0, QuizItemSignals.Glossed(Definition("A single sender to a single receiver", "Unicast", "Multicast", "Anycast")));
    }

    [Fact]
    public void WrongTrueLike_ALineAboutAWrongChoiceThatSaysWhatTheStemSays()
    {
        const string stem = "_____ keeps the session state on the server";
        var corpus = new QuizCorpus([Line(1, "REST keeps no session state on the server"), Line(2, "SOAP is a protocol"), Line(9, "HTTP keeps the session state on the server")]);
        var kinds = new KindSimilarity(new ChosenEmbedder(("REST keeps the session state on the server", 0.9), ("REST keeps no session state on the server", 0.9)));
        var q = Blank(stem, "HTTP", ["REST", "SOAP"]);

        // The blank filled with REST beside the line about REST: 0.81, in steps of 0.05.
        Assert.Equal(0.8, QuizItemSignals.WrongTrueLike(q, stem, corpus, kinds), 6);
        Assert.True(double.IsNaN(QuizItemSignals.WrongTrueLike(q, stem, corpus, KindSimilarity.None)));
    }

    [Fact]
    public void WrongTrueLike_Definition_ComparesTheQuoteWithTheWrongTitlesOwnSection()
    {
        const string quote = "The client opens the data connection";
        var corpus = new QuizCorpus([Line(1, "The server opens the data connection", "Active Mode"), Line(2, "The client opens the data connection too", "Passive Mode")]);
        var kinds = new KindSimilarity(new ChosenEmbedder((quote, 0.9), ("The client opens the data connection too", 0.9)));
        var q = Definition(quote, "Passive Mode", "Active Mode");

        Assert.Equal(0.0, QuizItemSignals.WrongTrueLike(q, quote, corpus, kinds), 6);
        Assert.Equal(0.8, QuizItemSignals.WrongTrueLike(Definition(quote, "Active Mode", "Passive Mode"), quote, corpus, kinds), 6);
    }

    private static QuizQuestion Contrast(string line, string answer, string wrong) =>
        Question(QuizQuestionKind.Contrast, $"Which of these two is described in the notes as “{line}”?", answer, [wrong]);

    [Fact]
    public void ContrastFrame_TheOtherSectionsNearestLineToTheStem_OnlyForContrasts()
    {
        const string line = "The client opens the data connection";
        var corpus = new QuizCorpus([Line(1, line, "Passive Mode"), Line(2, "The server opens the data connection", "Active Mode")]);
        var kinds = new KindSimilarity(new ChosenEmbedder((line, 0.9), ("The server opens the data connection", 0.9)));

        Assert.Equal(0.8, Signal("contrast_frame", Contrast(line, "Passive Mode", "Active Mode"), corpus, kinds), 6); // 0.81 in steps of 0.05
        Assert.True(double.IsNaN(Signal("contrast_frame", Definition(line, "Passive Mode", "Active Mode"), corpus, kinds)));
    }

    [Fact]
    public void Parallel_ShareOfTheKeysLinesTheOtherSectionAnswersInFrame()
    {
        // Passive Mode's two lines: the first has Active Mode's counterpart (0.5), the second nothing like it (0).
        var corpus = new QuizCorpus([Line(1, "The client opens the data connection", "Passive Mode"), Line(2, "Better behind a firewall", "Passive Mode"),
            Line(3, "The server opens the data connection", "Active Mode")]);
        var frame = Math.Sqrt(0.5);
        var kinds = new KindSimilarity(new ChosenEmbedder(("The client opens the data connection", frame), ("The server opens the data connection", frame)));
        var q = Contrast("The client opens the data connection", "Passive Mode", "Active Mode");

        Assert.Equal(0.5, QuizItemSignals.Parallel(q, corpus, kinds), 6);
        Assert.Equal(0.5, Signal("contrast_parallel", q, corpus, kinds), 6);
        Assert.True(double.IsNaN(QuizItemSignals.Parallel(q, corpus, KindSimilarity.None)));
    }

    [Fact]
    public void ContrastLengthGapAndKeyLike_TheDefinitionSignalsOfAContrast_OnlyForContrasts()
    {
        // "Auto Scaling Alarms" beside "Auto Scaling Custom Metric" (outside rating 15: neighbours, not counterparts).
        const string line = "Metrics are computed for the whole group";
        var kinds = new KindSimilarity(new ChosenEmbedder((line, 0.6), ("Auto Scaling Alarms", 0.5)));
        var q = Contrast(line, "Auto Scaling Alarms", "Auto Scaling Custom Metric");

        Assert.Equal(Math.Abs(Math.Log(19.0 / 26)), Signal("contrast_length_gap", q, kinds: kinds), 6);
        Assert.Equal(0.3, Signal("contrast_key_like", q, kinds: kinds), 6);
        Assert.True(double.IsNaN(Signal("contrast_length_gap", Definition(line, "Auto Scaling Alarms", "Auto Scaling Custom Metric"), kinds: kinds)));
        Assert.True(double.IsNaN(Signal("contrast_key_like", Blank("_____ computes metrics", "Auto Scaling Alarms", ["Auto Scaling Custom Metric"]), kinds: kinds)));
    }

    [Fact]
    public void ShapeMismatch_ShareOfWrongChoicesShapedUnlikeTheKey()
    {
        // VPC is letters; "Subnet" is a word, "Route Table" two; LAN is letters like the key.
        Assert.Equal(2.0 / 3, QuizItemSignals.ShapeMismatch(Blank("A _____ spans the zones", "VPC", ["Subnet", "Route Table", "LAN"])), 6);
    }

    [Fact]
    public void BlankFirst_OneWhenTheBlankOpensTheSentence()
    {
        Assert.Equal(1, QuizItemSignals.BlankFirst("_____ is a declarative way of outlining infrastructure"));
        Assert.Equal(0, QuizItemSignals.BlankFirst("Deleting a stack deletes what _____ created"));
    }

    [Fact]
    public void KindSplitSignals_MeasuredOnlyForTheirKind()
    {
        const string stem = "_____ can be interrupted at two minutes' notice";
        var kinds = new KindSimilarity(new ChosenEmbedder((stem, 0.7), ("Spot Instances", 1.0), ("Reserved Instances", 0.8)));
        var blank = QuizItemSignals.Of(Blank(stem, "Spot Instances", ["Reserved Instances"]), new QuizCorpus([]), kinds);
        var yesNo = QuizItemSignals.Of(Question(QuizQuestionKind.YesNo, "Can spot instances be interrupted at two minutes' notice?", "Yes", ["No"]), new QuizCorpus([]), kinds);
        double At(double[] x, string name) => x[Array.IndexOf(QuizItemSignals.Names, name)];

        Assert.Equal(0.7, At(blank, "blank_key_like"), 6);
        Assert.True(double.IsNaN(At(blank, "definition_key_like")));
        Assert.True(double.IsNaN(At(blank, "yes_no_words")));
        Assert.Equal(Math.Log(1 + 9), At(yesNo, "yes_no_words"), 6);
        Assert.True(double.IsNaN(At(yesNo, "blank_key_like")));
    }

    [Fact]
    public void Of_GivesOneValuePerNamedSignal_NaNWhereASignalDoesNotApply()
    {
        var yesNo = QuizItemSignals.Of(Question(QuizQuestionKind.YesNo, "Is EBS encrypted by default?", "No", ["Yes"]), new QuizCorpus([]), KindSimilarity.None);

        Assert.Equal(QuizItemSignals.Names.Length, yesNo.Length);
        Assert.Equal(QuizItemSignals.Names.Length, QuizItemSignals.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.True(double.IsNaN(yesNo[Array.IndexOf(QuizItemSignals.Names, "wrong_kind_mean")]));
    }

    [Fact]
    public void Model_ShippedFileLoads_ItsSignalsAreTheNamedOnes()
    {
        var model = QuizItemModel.Current;

        Assert.True(model.Version >= 1, "quiz-item-model.json is the placeholder: run tests/StudyBot.Eval -- quiz-fit");
        Assert.Equal(QuizItemSignals.Names.Order(StringComparer.Ordinal), model.Model.Weights.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(model.Threshold, 0.01, 0.99);
        Assert.Contains("quiz-fit", model.Command, StringComparison.Ordinal);

        // Nothing measured: every signal at its mean, the probability is the bias's.
        var unmeasured = QuizItemSignals.Names.Select(_ => double.NaN).ToArray();
        Assert.Equal(1 / (1 + Math.Exp(-model.Model.Bias)), model.Probability(unmeasured), 9);
    }

    [Fact]
    public void Generate_KeepStage_DropsWhatTheModelRatesUnderItsThreshold_AndOrdersByIt()
    {
        var all = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines);
        var everything = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines, quality: Model(threshold: 0, yesNo: 0));
        var none = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines, quality: Model(threshold: 0.99, yesNo: 0));
        var yesNoFirst = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines, quality: Model(threshold: 0.6, yesNo: 3));

        Assert.NotEmpty(all);
        Assert.Equal(all.Select(q => q.Id).Order(StringComparer.Ordinal), everything.Select(q => q.Id).Order(StringComparer.Ordinal));
        Assert.Empty(none);
        Assert.NotEmpty(yesNoFirst);
        Assert.All(yesNoFirst, q => Assert.Equal(QuizQuestionKind.YesNo, q.Kind));
        Assert.Equal(all.Count(q => q.Kind == QuizQuestionKind.YesNo), yesNoFirst.Count);
    }

    [Fact]
    public void Tiers_ScoredUnderTheThresholdButAtTheFloor_GoToTheReserve_NotTheBank()
    {
        var all = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines);

        // yes/no: σ(0.5) ≈ 0.62, under the threshold 0.7 but over the floor 0.5; the rest σ(−0.5) ≈ 0.38, under both.
        var (kept, reserve) = QuestionGenerator.Tiers(SeedPassages.All, SeedPassages.ReadLines, quality: Model(threshold: 0.7, yesNo: 0.5));
        // yes/no σ(3) kept; the rest σ(−3), under the floor too.
        var (keptHigh, reserveHigh) = QuestionGenerator.Tiers(SeedPassages.All, SeedPassages.ReadLines, quality: Model(threshold: 0.6, yesNo: 3));
        // Without a model everything that passes the checks is the bank, and there is no reserve.
        var (keptAll, reserveNone) = QuestionGenerator.Tiers(SeedPassages.All, SeedPassages.ReadLines);

        Assert.Empty(kept);
        Assert.NotEmpty(reserve);
        Assert.All(reserve, q => Assert.Equal(QuizQuestionKind.YesNo, q.Kind));
        Assert.Equal(all.Count(q => q.Kind == QuizQuestionKind.YesNo), reserve.Count);
        Assert.Equal(reserve.Count, keptHigh.Count);
        Assert.Empty(reserveHigh);
        Assert.Equal(all.Select(q => q.Id), keptAll.Select(q => q.Id));
        Assert.Empty(reserveNone);
    }

    [Fact]
    public void Drafts_ScoredUnderTheFloor_BestFirst_NoneAskingWhatTheTiersAsk()
    {
        // yes/no σ(3) ≈ 0.95, the bank; the rest σ(−0.5) ≈ 0.38, under the floor: drafts.
        var quality = Model(threshold: 0.7, yesNo: 3);
        var (kept, reserve) = QuestionGenerator.Tiers(SeedPassages.All, SeedPassages.ReadLines, quality: quality);
        var asked = kept.Concat(reserve).ToList();

        var drafts = QuestionGenerator.Drafts(SeedPassages.All, SeedPassages.ReadLines, null, quality, asked);
        var withoutTiers = QuestionGenerator.Drafts(SeedPassages.All, SeedPassages.ReadLines, null, quality, []);

        Assert.NotEmpty(kept);
        Assert.NotEmpty(drafts);
        Assert.All(drafts, d => Assert.True(d.Score < QuestionGenerator.ReserveFloor, $"{d.Score}: {d.Question.Text}"));
        Assert.Equal(drafts.OrderByDescending(d => d.Score).Select(d => d.Question.Id), drafts.Select(d => d.Question.Id));
        Assert.Empty(drafts.Select(d => d.Question.Id).Intersect(asked.Select(q => q.Id)));
        Assert.DoesNotContain(drafts, d => asked.Any(q => (q.Citation.File, q.Citation.LineStart, q.Citation.LineEnd) == (d.Question.Citation.File, d.Question.Citation.LineStart, d.Question.Citation.LineEnd)));

        // A question at the floor or above is never a draft, whatever the caller's list: the bank's yes/no questions are not.
        Assert.Superset(drafts.Select(d => d.Question.Id).ToHashSet(), withoutTiers.Select(d => d.Question.Id).ToHashSet());
        Assert.DoesNotContain(withoutTiers, d => d.Question.Kind == QuizQuestionKind.YesNo);
    }

    [Fact]
    public void Tiers_AKindWithItsOwnThreshold_IsKeptAtIt_TheOtherKindsAtTheModels()
    {
        // yes/no σ(0.5) ≈ 0.62: under the model's 0.7 (the reserve) but over the yes/no kind's own 0.55 (the bank).
        var (kept, reserve) = QuestionGenerator.Tiers(SeedPassages.All, SeedPassages.ReadLines, quality: Model(threshold: 0.7, yesNo: 0.5, kindThresholds: """{ "YesNo": 0.55 }"""));
        var (keptShared, _) = QuestionGenerator.Tiers(SeedPassages.All, SeedPassages.ReadLines, quality: Model(threshold: 0.7, yesNo: 0.5));

        Assert.NotEmpty(kept);
        Assert.All(kept, q => Assert.Equal(QuizQuestionKind.YesNo, q.Kind));
        Assert.DoesNotContain(reserve, q => q.Kind == QuizQuestionKind.YesNo);
        Assert.Empty(keptShared);
    }

    [Fact]
    public void ThresholdFor_AKindWithoutItsOwn_IsTheModelsThreshold()
    {
        var model = Model(threshold: 0.7, yesNo: 1, kindThresholds: """{ "Contrast": 0.53 }""");

        Assert.Equal(0.53, model.ThresholdFor(QuizQuestionKind.Contrast));
        Assert.Equal(0.7, model.ThresholdFor(QuizQuestionKind.FillInTheBlank));
        Assert.Equal(0.7, Model(threshold: 0.7, yesNo: 1).ThresholdFor(QuizQuestionKind.Contrast));
    }

    [Fact]
    public void TheShippedModel_ListsTheRoundsItWasFittedOn_AndItsKindThresholdsAreProbabilities()
    {
        var model = QuizItemModel.Current;

        Assert.NotEmpty(model.FittedRounds);
        Assert.All(model.KindThresholds, k =>
        {
            Assert.True(Enum.TryParse<QuizQuestionKind>(k.Key, out _), k.Key);
            Assert.InRange(k.Value, 0.01, 0.99);
        });
    }

    [Fact]
    public void Explain_ShowsEverySignal_TheWeighedOnesWithTheirContribution_AndTheVerdict()
    {
        var signals = QuizItemSignals.Names.Select(n => n == "yes_no" ? 1.0 : double.NaN).ToArray();

        var kept = Model(threshold: 0.6, yesNo: 3).Explain(QuizQuestionKind.YesNo, signals);
        var dropped = Model(threshold: 0.99, yesNo: 3).Explain(QuizQuestionKind.YesNo, signals);

        // yes_no = 1 standardized around 0.5 by 0.5 is 1: a contribution of 3, p = σ(3) ≈ 0.953.
        Assert.StartsWith("p=0.953 threshold=0.600 kept: ", kept, StringComparison.Ordinal);
        Assert.Contains("yes_no=1.00(+3.00)", kept, StringComparison.Ordinal);
        Assert.All(QuizItemSignals.Names, n => Assert.Contains(n + "=", kept, StringComparison.Ordinal));
        Assert.Contains(" dropped: ", dropped, StringComparison.Ordinal);
    }

    /// <summary>A model that weighs only "yes_no" (standardized around 0.5), with a bias of 0.</summary>
    private static QuizItemModel Model(double threshold, double yesNo, string kindThresholds = "{}")
    {
        var json = $$"""
            { "version": 1, "threshold": {{threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "kindThresholds": {{kindThresholds}},
              "model": { "bias": 0, "weights": { "yes_no": { "w": {{yesNo.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "mean": 0.5, "scale": 0.5 } } } }
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return QuizItemModel.Parse(stream);
    }
}
