using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

public sealed class NotesParserTests
{
    private const string Shapes =
        "Study Notes\n" +                 // 1
        "\n" +                            // 2
        "- first bullet\n" +              // 3
        "- second bullet\n" +             // 4
        "  - nested child\n" +            // 5
        "- # Heading bullet text\n" +     // 6
        "\n" +                            // 7
        "# Real Heading\n" +              // 8
        "\n" +                            // 9
        "Paragraph text under heading.\n" + // 10
        "\n" +                            // 11
        "Setext Title\n" +                // 12
        "------------\n" +                // 13
        "\n" +                            // 14
        "**Label:**\n" +                  // 15
        "- labelled bullet\n" +           // 16
        "\n" +                            // 17
        "| Port | Service |\n" +          // 18
        "|------|---------|\n" +          // 19
        "| 22 | SSH |\n" +                // 20
        "| 443 | HTTPS |\n" +             // 21
        "\n" +                            // 22
        "```bash\n" +                     // 23
        "kubectl get pods\n" +            // 24
        "```\n" +                         // 25
        "\n" +                            // 26
        "![diagram](image.png)\n" +       // 27
        "\n" +                            // 28
        "Can we do the thing\n" +         // 29
        "\n" +                            // 30
        "- No we cannot\n" +              // 31
        "\n" +                            // 32
        "- Is it fast?\n" +               // 33
        "- Yes very fast\n";              // 34

    private static readonly IReadOnlyList<Passage> ShapePassages = NotesParser.Parse("shapes.md", Shapes).Select(e => e.Passage).ToList();

    private static Passage Find(IEnumerable<Passage> passages, string text) =>
        Assert.Single(passages, p => p.Text.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void Parse_RuleWithNumberAndReferenceLinks_IsMostlyProseNotLinks()
    {
        // A style guide's rule: its links are a number and a rule name, the sentence is what answers (the link's
        // source, URL and all, was two-thirds of the line).
        const string notes = "Comparison\n\n- [15.1](#comparison--eqeqeq) Use `===` and `!==` over `==` and `!=`. eslint: [`eqeqeq`](https://eslint.org/docs/rules/eqeqeq)\n";

        var entry = Assert.Single(NotesParser.Parse("guide.md", notes), e => e.Passage.LineStart == 3);

        Assert.InRange(entry.LinkShare, 0.2, 0.45);
    }

    [Fact]
    public void Parse_LinkListAndProse_MeasureHowMuchOfTheLineIsLinks()
    {
        const string notes = "Topics\n\n- [Cables](notes/physical/cables.md)\n- Cables carry signals between devices\n- See https://example.com/cables for more\n";

        var entries = NotesParser.Parse("index.md", notes);

        Assert.True(entries.Single(e => e.Passage.LineStart == 3).LinkShare > 0.9);
        Assert.Equal(0, entries.Single(e => e.Passage.LineStart == 4).LinkShare);
        Assert.InRange(entries.Single(e => e.Passage.LineStart == 5).LinkShare, 0.3, 0.8);
    }

    [Fact]
    public void Parse_ShortLineBeforeBullets_IsSectionTitle()
    {
        var first = Find(ShapePassages, "first bullet");

        Assert.Equal("Study Notes", first.Section);
        Assert.Equal((3, 3), (first.LineStart, first.LineEnd));
        Assert.Equal(PassageKind.Bullet, first.Kind);
        Assert.DoesNotContain(ShapePassages, p => p.Text == "Study Notes");
    }

    [Fact]
    public void Parse_LineEndingInColon_IntroducesOnlyTheBlockAfterIt()
    {
        // Book prose: "A path can take two forms:" heads its list, not the paragraphs the author writes next.
        const string notes = "## Paths\n\nA path can take two forms:\n\n- An absolute path starts from the crate root\n- A relative path starts from the current module\n\n"
            + "Items in a parent module can't use the private items inside child modules,\nbut items in child modules can use the items in their ancestors.\n\n"
            + "Study Tips\n\n- review daily\n\nKeep a log of what you reviewed.\n";

        var passages = NotesParser.Parse("paths.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("A path can take two forms", Find(passages, "absolute path").Section);
        Assert.Equal("Paths", Find(passages, "Items in a parent module").Section);

        // A title without a colon names a topic: what follows its bullets stays in it.
        Assert.Equal("Study Tips", Find(passages, "Keep a log").Section);
    }

    [Fact]
    public void Parse_ChainedIntroductions_ProseAfterThemGoesBackToTheHeading()
    {
        const string notes = "## Unwinding\n\nLet's try calling panic! in a simple program:\n\n```rust\npanic!(\"crash\");\n```\n\n"
            + "When you run the program, you'll see something like this:\n\n```text\nthread 'main' panicked\n```\n\n"
            + "The note: line tells us that we can set the RUST_BACKTRACE variable.\n\nLet's check that it passes!\n\n```text\nok\n```\n\n"
            + "The test passes because the values are equal.\n";

        var passages = NotesParser.Parse("panic.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Unwinding", Find(passages, "RUST_BACKTRACE").Section);

        // A line that ends like an exclamation is a sentence, not a title.
        Assert.Equal("Unwinding", Find(passages, "values are equal").Section);
    }

    [Fact]
    public void Parse_LineCutOffBeforeItsCommand_IntroducesOnlyTheCommand()
    {
        // The TypeScript book writes "You can install it on the command line as" over the command, without a colon: the
        // line leads into the code as a colon would, and the prose after the code is the heading's again (it was cited
        // under "You can install it on the command line as").
        const string notes = "## TypeScript Version\n\nUse the nightly version.\n\nYou can install it on the command line as\n\n"
            + "```\nnpm install -g typescript@next\n```\n\nAnd now the command line tsc will be the latest and greatest.\n\n"
            + "Install the linter\n\n```\nnpm install eslint\n```\n\nRun it on every commit.\n";

        var passages = NotesParser.Parse("start.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("You can install it on the command line as", Find(passages, "typescript@next").Section);
        Assert.Equal("TypeScript Version", Find(passages, "latest and greatest").Section);

        // A caption that names its task still titles what follows it.
        Assert.Equal("Install the linter", Find(passages, "every commit").Section);
    }

    [Fact]
    public void Parse_SentenceWithAPersonOverCode_IntroducesOnlyTheCode()
    {
        // Design patterns for humans: "In PHP, it can be easily done using `clone`" over the code, then the prose
        // about the pattern, which was cited under that sentence.
        const string notes = "## Prototype\n\nCreate an object by cloning an existing one.\n\nIn PHP, it can be easily done using `clone`\n\n"
            + "```php\n$copy = clone $sheep;\n```\n\nUse it when the object you need is similar to one that exists.\n";

        var passages = NotesParser.Parse("patterns.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("In PHP, it can be easily done using clone", Find(passages, "clone $sheep").Section);
        Assert.Equal("Prototype", Find(passages, "similar to one that exists").Section);
    }

    [Theory]
    [InlineData("Now let us create our HiringManager", true)]
    [InlineData("In PHP, it can be easily done using clone", true)]
    [InlineData("Let's make a coffee now", true)]
    [InlineData("Let’s make a coffee now", true)]
    [InlineData("Install the linter", false)]
    [InlineData("List local branches", false)]
    public void SpeaksToTheReader_ASentenceWithAPersonInIt(string line, bool expected) =>
        Assert.Equal(expected, NotesParser.SpeaksToTheReader(line));

    [Theory]
    [InlineData("You can install it on the command line as", true)]
    [InlineData("Add the following", true)]
    [InlineData("For example, e.g.", true)]
    [InlineData("Install the linter", false)]
    [InlineData("Alias", false)]
    public void LeadsIn_ALineEndingOnAWordThatNeedsWhatFollows(string line, bool expected) =>
        Assert.Equal(expected, NotesParser.LeadsIn(line));

    [Fact]
    public void Parse_NestedBullet_HasItsOwnLineAndItsShortParentIsCitedWithIt()
    {
        var child = Assert.Single(ShapePassages, p => p.Text == "nested child");
        var parent = Find(ShapePassages, "second bullet");

        Assert.Equal((5, 5), (child.LineStart, child.LineEnd));
        Assert.Equal((4, 5), (parent.LineStart, parent.LineEnd));
        Assert.Equal("second bullet\nnested child", parent.Text);
    }

    [Fact]
    public void Parse_HashInsideBullet_IsBulletNotHeading()
    {
        var bullet = Find(ShapePassages, "Heading bullet text");

        Assert.Equal(PassageKind.Bullet, bullet.Kind);
        Assert.Equal("Study Notes", bullet.Section);
        Assert.Equal(6, bullet.LineStart);
        Assert.DoesNotContain("#", bullet.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AtxAndSetextHeadingsAndBoldLabel_AreSectionTitles()
    {
        var paragraph = Find(ShapePassages, "Paragraph text under heading.");
        var labelled = Find(ShapePassages, "labelled bullet");

        Assert.Equal("Real Heading", paragraph.Section);
        Assert.Equal(10, paragraph.LineStart);
        Assert.Equal("Label", labelled.Section);
        Assert.Equal(["Real Heading", "Setext Title", "Label"], labelled.HeadingPath);
        Assert.Equal(16, labelled.LineStart);
    }

    [Fact]
    public void Parse_NumberedBoldLabelOverTheNextList_TitlesThatList()
    {
        const string notes = """
            # App security

            Key principles include:

            1. **Least Privilege**:

            - Grant only the permissions a task needs.

            2. **Output Encoding**:

            - Data sent to the client should be encoded to prevent cross-site scripting.

            3. **Logging**: keep an audit trail of access.
            """;

        var passages = NotesParser.Parse("appsec.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Least Privilege", Find(passages, "permissions a task needs").Section);
        Assert.Equal("Output Encoding", Find(passages, "cross-site scripting").Section);
        Assert.DoesNotContain(passages, p => p.Text.Trim() == "Output Encoding:");
        // A label with content of its own stays a passage.
        Assert.Contains(passages, p => p.Text.Contains("audit trail", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LabelledQuotedNote_TitlesTheQuoteOnly_AndALabelAloneInAQuoteTitlesWhatFollows()
    {
        // Lesson pages set notes apart in quotes ("> **Note**: …", "> **Learning goal:** …"); the prose after one is
        // the section's again. Other notes write a sub-heading as a quoted label alone over its list.
        const string notes = """
            ### DataFrame

            > **Note**: The way filtering works is the following.

            The latter example gives a wrong result because it assigns the length of the series to all values.

            ## Organizations

            > **Consolidated Billing:**

            - Have a single payer account
            """;

        var passages = NotesParser.Parse("python.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Note", Find(passages, "The way filtering works").Section);
        Assert.Equal("DataFrame", Find(passages, "assigns the length").Section);
        Assert.Equal("Consolidated Billing", Find(passages, "single payer account").Section);
    }

    [Fact]
    public void Parse_PartUnderALabelThePageRepeats_DoesNotLeadTheTopicHeading_AOneOffTitleDoes()
    {
        // A page that writes every topic as the same labelled parts opens each topic with whichever part comes first
        // (here an example); as the topic's opening line it out-ranked the plain-words definition of "what is X?".
        var notes = string.Join("\n\n", new[] { "Simple Factory", "Builder", "Singleton" }.Select(topic => $"""
            {topic}
            --------------
            Real world example
            > A story about {topic.ToLowerInvariant()} doors.

            In plain words
            > {topic} does one thing.
            """)) + """


            Types of Patterns
            -----------------
            Overview
            - Creational patterns create objects.
            """;

        var entries = NotesParser.Parse("patterns.md", notes);

        var story = entries.Single(e => e.Passage.Text.Contains("builder doors", StringComparison.Ordinal));
        Assert.Equal("Real world example", story.Passage.Section);
        Assert.Equal(["Real world example"], story.Leads.Select(h => h.Title));
        var overview = entries.Single(e => e.Passage.Text.Contains("Creational patterns", StringComparison.Ordinal));
        Assert.Contains("Types of Patterns", overview.Leads.Select(h => h.Title));
    }

    [Fact]
    public void Parse_LettersMarkedInBracketsInsideWords_AreReadAsTheWord_NotInCodeOrACheckbox()
    {
        // tldr pages mark the letters an option stands for: "E[x]tract a (compressed) archive [f]ile".
        const string notes = """
            # tar

            - E[x]tract a (compressed) archive [f]ile into the target directory, g[z]ipped or not:

            - Index with `a[i]` and [x] marks, see [1] and [docs](https://example.com).
            """;

        var passages = NotesParser.Parse("tar.md", notes).Select(e => e.Passage).ToList();

        Assert.Contains(passages, p => p.Text.StartsWith("Extract a (compressed) archive file into the target directory, gzipped or not:", StringComparison.Ordinal));
        Assert.Contains(passages, p => p.Text.Contains("a[i] and [x] marks, see [1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_QuoteALineIntroduces_KeepsThatLineAsItsTitle()
    {
        // "X is often followed by Y:" over a quotation (Hacker Laws): the quote is the content the line introduces,
        // so it is titled by it; the prose after the quote is the section's again.
        const string notes = """
            ### Putt's Law

            Putt's Law is often followed by Putt's Corollary:

            > Every technical hierarchy, in time, develops a competence inversion.

            These statements suggest that skilled people work at the lower levels.
            """;

        var passages = NotesParser.Parse("laws.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Putt's Law is often followed by Putt's Corollary", Find(passages, "competence inversion").Section);
        Assert.Equal("Putt's Law", Find(passages, "skilled people").Section);
    }

    [Fact]
    public void Parse_FencedAside_IsReadAsTheSectionsContentWithoutItsFences()
    {
        // Docusaurus and VitePress asides: the fences and their kind are no text, the lines inside belong to the
        // section, and the prose after the aside too; "String::from" in prose stays as written.
        const string notes = """
            ## Negotiation

            :::tip Expert tip

            Get paid more with a recruiter's advice.

            :::

            Use String::from to own the text.
            """;

        var passages = NotesParser.Parse("negotiation.md", notes).Select(e => e.Passage).ToList();

        Assert.DoesNotContain(passages, p => p.Text.Contains(":::", StringComparison.Ordinal) || p.Text.Contains("Expert tip", StringComparison.Ordinal));
        Assert.Equal("Negotiation", Find(passages, "Get paid more").Section);
        Assert.Equal(5, Find(passages, "Get paid more").LineStart);
        Assert.Equal("Use String::from to own the text.", Find(passages, "String::from").Text);
    }

    [Fact]
    public void Parse_FrontMatter_IsNoText()
    {
        // Docusaurus front matter: read as markdown, the closing "---" made the settings a setext heading that held
        // every keyword of the page. The settings are no text and title nothing; the MDX import is no text either.
        const string notes = """
            ---
            id: coding-interview-rubrics
            title: "How candidates are evaluated"
            keywords:
              [
                coding interview rubric,
              ]
            ---

            import InDocAd from './\_components/InDocAd'; import QuestionList from './\_components/QuestionList';

            Ever wondered how coding interviews are evaluated?

            ## Communication

            Explain your approach before you code.
            """;

        var passages = NotesParser.Parse("rubrics.md", notes).Select(e => e.Passage).ToList();

        Assert.DoesNotContain(passages, p => p.Text.Contains("rubric", StringComparison.Ordinal) || p.HeadingPath.Any(h => h.Contains("evaluated", StringComparison.Ordinal)));
        Assert.DoesNotContain(passages, p => p.Text.Contains("import", StringComparison.Ordinal));
        var opening = Find(passages, "Ever wondered");
        Assert.Equal(string.Empty, opening.Section);
        Assert.Equal(12, opening.LineStart);
        Assert.Equal(["Communication"], Find(passages, "Explain your approach").HeadingPath);
    }

    [Fact]
    public void Parse_KramdownMarkup_IsNoTextAndNoLabel()
    {
        // Jekyll pages (18F's UX guide) set a block attribute list over a list and turn on options with an extension;
        // read as text, the attribute list was the label of every list.
        const string notes = """
            # Ethics

            [//]: make it possible to put a class on a ul tag
            {::options parse_block_html="true" /}

            We avoid harm to the people we design for. These include:

            {:.list-item--margin-bottom-extra}
            - **Psychological harm.** Discussing traumatic events.
            - **Loss of privacy.** Sharing information without consent.

            {: .usa-button}

            Products are not neutral.
            """;

        var passages = NotesParser.Parse("ethics.md", notes).Select(e => e.Passage).ToList();

        Assert.DoesNotContain(passages, p => p.Text.Contains('{', StringComparison.Ordinal) || p.Text.Contains("[//]", StringComparison.Ordinal)
            || p.HeadingPath.Any(h => h.Contains('{', StringComparison.Ordinal)) || p.Section.Contains('{', StringComparison.Ordinal));
        Assert.Equal(9, Find(passages, "Psychological harm").LineStart);
        Assert.Contains(passages, p => p.Text.Contains("Products are not neutral", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MdxPage_ReadsTheMarkdownInsideComponents_AndNoCode()
    {
        const string notes = """
            ---
            title: Caching
            ---
            import Tabs from '@theme/Tabs';

            export const meta = {
              author: 'Ada',
            };

            # Caching

            Redis keeps data in memory. {/* a comment */}

            <Tabs>
              <TabItem value="redis" label="Redis">
                Redis supports persistence with RDB snapshots.
              </TabItem>
            </Tabs>

            {(function () {
              return 'generated';
            })()}

            <Callout
              type="warning">
            Never cache secrets.
            </Callout>

            <div className="columns">
              <div>
                ```bash
                redis-cli ping
                ```
              </div>
            </div>
            """;

        var passages = NotesParser.Parse("caching.mdx", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Redis keeps data in memory.", Find(passages, "Redis keeps").Text.Trim());
        Assert.Equal(16, Find(passages, "persistence").LineStart);
        Assert.Equal(PassageKind.Paragraph, Find(passages, "persistence").Kind);
        Assert.Equal(26, Find(passages, "Never cache secrets").LineStart);
        Assert.Equal(PassageKind.Code, Find(passages, "redis-cli ping").Kind);
        Assert.DoesNotContain(passages, p => p.Text.Contains("import", StringComparison.Ordinal) || p.Text.Contains("Ada", StringComparison.Ordinal)
            || p.Text.Contains("generated", StringComparison.Ordinal) || p.Text.Contains("comment", StringComparison.Ordinal) || p.Text.Contains('<', StringComparison.Ordinal));
        Assert.All(passages, p => Assert.Equal(["Caching"], p.HeadingPath));
    }

    [Fact]
    public void Parse_MdxSyntaxInAMarkdownFile_IsReadAsMarkdownAlways()
    {
        // Only an .mdx page is MDX: a markdown file's "export PATH=…" paragraph and its indented code stay as written.
        const string notes = "# Shell\n\nexport PATH=$HOME/bin:$PATH adds your own programs.\n\n    ls -la\n";

        var passages = NotesParser.Parse("shell.md", notes).Select(e => e.Passage).ToList();

        Assert.Contains(passages, p => p.Text.StartsWith("export PATH", StringComparison.Ordinal));
        Assert.Equal(PassageKind.Code, Find(passages, "ls -la").Kind);
    }

    [Fact]
    public void Parse_FrontMatterTitle_TitlesNothing_ThePagesOwnHeadingDoes()
    {
        // VitePress notes carry a title and a "# " heading: the heading is the page's title, the setting is none.
        const string notes = """
            ---
            title: "GH-100 - Exam Tips"
            ---

            # GH-100: Exam Tips & Strategy

            Read every question twice.
            """;

        var passage = Find(NotesParser.Parse("tips.md", notes).Select(e => e.Passage).ToList(), "Read every");

        Assert.Equal(["GH-100: Exam Tips & Strategy"], passage.HeadingPath);
        Assert.Equal(7, passage.LineStart);
    }

    [Fact]
    public void Parse_OpeningRuleWithoutAClosingOne_IsNoFrontMatter()
    {
        // A "---" that opens a file and is never closed is a thematic break: the lines after it stay text.
        const string notes = """
            ---

            title: this is prose, not a setting.
            """;

        Assert.Contains(NotesParser.Parse("rule.md", notes), e => e.Passage.Text.Contains("this is prose", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AlertAndCalloutMarkers_AreNoText()
    {
        // A GitHub alert's marker on its own line, one with the text after it on its line (as GitHub does not render
        // it, but notes write it), and an Obsidian callout with a title: the lines are the section's content.
        const string notes = """
            ## Foreign keys

            > [!NOTE]
            > A foreign key references another table.

            > [!NOTE] Foreign key is frequently abbreviated as FK

            > [!tip]- Remember
            > Index the foreign key column.
            """;

        var passages = NotesParser.Parse("keys.md", notes).Select(e => e.Passage).ToList();

        Assert.DoesNotContain(passages, p => p.Text.Contains("[!", StringComparison.Ordinal));
        Assert.Equal(4, Find(passages, "references another table").LineStart);
        Assert.Equal("Foreign key is frequently abbreviated as FK", Find(passages, "abbreviated").Text);
        Assert.Equal("Foreign keys", Find(passages, "abbreviated").Section);
        Assert.Contains(passages, p => p.Text.Contains("Index the foreign key column.", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmojiShortcodes_ReadAsTheEmojiGitHubShows()
    {
        // The JavaScript testing guide writes its advice ":white_check_mark: Do: …" and GitHub shows ✅: read as the
        // words ":white_check_mark:", the mark said nothing and the answer quoted the code. In code it stays as written
        // (an /etc/passwd line's ":x:"), and a smiley is no emoji.
        const string notes = """
            ## Reuse login credentials

            :white_check_mark: Do: log in once and reuse the token :)

            :x: Otherwise: every test logs in again

                user:x:1001:1002:user
            """;

        var passages = NotesParser.Parse("e2e.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("✅ Do: log in once and reuse the token :)", Find(passages, "reuse the token").Text);
        // The line before the code titles it.
        Assert.Equal("❌ Otherwise: every test logs in again", Find(passages, "user:x:1001").Section);
    }

    [Fact]
    public void Parse_LiquidLinkDestinations_ReadAsTheLinksTheSiteBuilds()
    {
        // 18F's Jekyll guides write their links' destinations in Liquid; with spaces in it a destination is no link, and
        // answers quoted "[tone]({{ "/our-style/voice-and-tone" | relative_url }})". The lines keep their numbers.
        const string notes = """
            ## Sentences

            Vary sentence length to control your content’s [tone]({{ "/our-style/voice-and-tone" | relative_url }}) and pace.

            Get a [research participant agreement]({{ site.baseurl }}/participant-agreement) signed first.

            A plain [link](https://example.org/a) stays as it is.
            """;

        var passages = NotesParser.Parse("guide.md", notes).Select(e => e.Passage).ToList();

        var tone = Find(passages, "sentence length");
        Assert.Equal("Vary sentence length to control your content’s tone and pace.", tone.Text);
        Assert.Equal(3, tone.LineStart);
        var agreement = Find(passages, "participant agreement");
        Assert.Equal("Get a research participant agreement signed first.", agreement.Text);
        Assert.Equal(5, agreement.LineStart);
        Assert.Equal("A plain link stays as it is.", Find(passages, "plain").Text);
    }

    [Fact]
    public void WithLiquidLinks_KeepsEveryOtherCharacterInPlace()
    {
        const string line = "See [tone]({{ \"/voice\" | relative_url }}) or [x]({{site.baseurl}}/x#y) and ${{ secrets.TOKEN }}.";

        var read = NotesParser.WithLiquidLinks(line);

        Assert.Equal(line.Length, read.Length);
        // A GitHub Actions expression is no link destination and stays.
        Assert.Matches(@"^See \[tone\]\(/voice +\) or \[x\]\(/x#y +\) and \$\{\{ secrets\.TOKEN \}\}\.$", read);
    }

    [Fact]
    public void Parse_ObsidianNote_ReadAsObsidianShowsIt()
    {
        // A vault's notes link one another in double brackets, highlight with "==", keep tasks and comments: read as
        // markdown, "[[EBS|Elastic Block Store]]" was quoted with its brackets and "[x]" was a table's ✗.
        const string notes = """
            # KMS

            KMS is used with [[S3]] and [[EBS|Elastic Block Store]] for ==envelope encryption==, see [[Keys#Rotation]].

            ![[diagram.png]]

            - [ ] review key policies
            - [x] enable CloudTrail

            %% ask Bob about
            the key policy %%

            Keys rotate every year.[^1] %% not for imported keys %%

            > [!warning] Deletion
            > Deleting a key is irreversible.

            [^1]: For AWS managed keys.
            """;

        var passages = NotesParser.Parse("kms.md", notes).Select(e => e.Passage).ToList();

        var uses = Find(passages, "KMS is used with");
        Assert.Equal("KMS is used with S3 and Elastic Block Store for envelope encryption, see Keys > Rotation.", uses.Text);
        Assert.Equal(3, uses.LineStart);
        Assert.DoesNotContain(passages, p => p.Text.Contains("diagram", StringComparison.Ordinal));
        Assert.Equal("enable CloudTrail", Find(passages, "CloudTrail").Text);
        Assert.Equal(8, Find(passages, "CloudTrail").LineStart);
        Assert.DoesNotContain(passages, p => p.Text.Contains("Bob", StringComparison.Ordinal) || p.Text.Contains("imported", StringComparison.Ordinal));
        Assert.Equal("Keys rotate every year.", Find(passages, "rotate every year").Text.TrimEnd());
        Assert.Equal("Deletion:\nDeleting a key is irreversible.", Find(passages, "irreversible").Text);
        Assert.Equal(18, Find(passages, "For AWS managed keys").LineStart);
    }

    [Theory]
    [InlineData("`obj.[[prototype]]` is internal.", "obj.[[prototype]] is internal.")]     // inline code is never a link.
    [InlineData("An interval array: [[1, 2], [4, 7]].", "An interval array: [[1, 2], [4, 7]].")] // brackets inside: no link.
    [InlineData("See [[ ]] here.", "See [[ ]] here.")]
    [InlineData("Read [[Note#^block1]] first.", "Read Note first.")]                     // a block reference is no words.
    public void Parse_DoubleBracketsThatAreNoWikilink_StayAsWritten(string line, string text)
    {
        var passage = Assert.Single(NotesParser.Parse("n.md", line)).Passage;

        Assert.Equal(text, passage.Text);
    }

    [Fact]
    public void WithoutComments_MasksCommentsOutsideCodeAndKeepsLines()
    {
        const string text = "a %% one %% b\n%% two\nlines %%\n```\n%%timeit\nx = 1\n```\nc %% unclosed\n";

        var read = Obsidian.WithoutComments(text);

        Assert.Equal(text.Length, read.Length);
        Assert.Equal("a           b\n      \n        \n```\n%%timeit\nx = 1\n```\nc %% unclosed\n", read);
    }

    [Fact]
    public void Parse_HtmlDefinitionList_EachTermTitlesItsDefinitionReadAsMarkdown()
    {
        // Microsoft's lessons list terms in HTML: an HTML block is no text, and every definition was in no passage.
        const string notes = """
            ## Other Related Fields

            <dl>
            <dt>Databases</dt>
            <dd>
            A critical consideration is **how to store** the data, see <a href="x.md">our course</a>.
            </dd>
            <dt>Big Data</dt>
            <dd>
            Data lakes store very large quantities of data.
            </dd>
            </dl>

            Related fields also include visualization.

            <p align="center"><img src="a.png"> A caption of the picture that is no text of the notes.</p>
            """;

        var passages = NotesParser.Parse("fields.md", notes).Select(e => e.Passage).ToList();

        var store = Find(passages, "critical consideration");
        Assert.StartsWith("A critical consideration is how to store the data, see", store.Text, StringComparison.Ordinal);
        Assert.Contains("our course", store.Text, StringComparison.Ordinal);
        Assert.Equal(6, store.LineStart);
        Assert.Equal(["Other Related Fields", "Databases"], store.HeadingPath);
        var lakes = Find(passages, "Data lakes");
        Assert.Equal(("Big Data", 10), (lakes.Section, lakes.LineStart));
        Assert.Equal("Other Related Fields", Find(passages, "Related fields also").Section);
        Assert.DoesNotContain(passages, p => p.Text.Contains("<", StringComparison.Ordinal) || p.Text.Contains("caption", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HtmlDefinitionListWithoutClosingTags_StillPairsEachTermWithItsDefinition()
    {
        // HTML lets a list leave out </dt> and </dd>.
        const string notes = """
            <dl>
            <dt>Latency<dd>The time one request takes to come back.
            <dt>Throughput<dd>How many requests are served each second.
            </dl>
            """;

        var passages = NotesParser.Parse("terms.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal(("Latency", 2, PassageKind.Paragraph), (Find(passages, "one request").Section, Find(passages, "one request").LineStart, Find(passages, "one request").Kind));
        Assert.Equal(("Throughput", 3, PassageKind.Paragraph), (Find(passages, "each second").Section, Find(passages, "each second").LineStart, Find(passages, "each second").Kind));
    }

    [Fact]
    public void Parse_HtmlDefinitionLists_AreReadUpToTheLimitOfAFile()
    {
        // Each definition is parsed on its own at the cost of the file up to it: a file of thousands stops at the limit.
        var notes = "<dl>\n" + string.Concat(Enumerable.Range(1, NotesParser.MaxDefinitionsPerFile + 1)
            .Select(i => $"<dt>Term {i}</dt>\n<dd>\nDefinition number {i} of the list.\n</dd>\n")) + "</dl>\n";

        var passages = NotesParser.Parse("many.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal(NotesParser.MaxDefinitionsPerFile, passages.Count);
        Assert.Equal($"Term {NotesParser.MaxDefinitionsPerFile}", passages[^1].Section);
    }

    [Fact]
    public void Parse_UnclosedAside_RunsToTheEndAndKeepsItsHeadings()
    {
        // A fence never closed holds the rest of the file: its headings still title what follows them.
        const string notes = """
            ## Setup

            :::note
            Install the runner first.

            ## Scaling

            Add more runners when the queue grows.
            """;

        var passages = NotesParser.Parse("setup.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Setup", Find(passages, "Install the runner").Section);
        Assert.Equal("Scaling", Find(passages, "Add more runners").Section);
        Assert.DoesNotContain(passages, p => p.Text.Contains(":::", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LabelledQuestionAndAnswer_IsOnePairWithoutTheLabels()
    {
        // An exam trap fenced as an aside, in the "Question: … / Answer: …" form of FAQ and exam notes.
        const string notes = """
            ## Packages

            ::: danger Exam Trap
            Question: "Can you publish RPM packages to GitHub Packages?"

            Answer: **NO** - GitHub Packages does not support RPM packages.
            :::
            """;

        var pair = Find(NotesParser.Parse("notes.md", notes).Select(e => e.Passage).ToList(), "does not support RPM");

        Assert.Equal(PassageKind.QuestionAnswer, pair.Kind);
        Assert.Equal("Can you publish RPM packages to GitHub Packages?", pair.Question);
        Assert.StartsWith("NO - GitHub Packages", pair.AnswerText, StringComparison.Ordinal);
        Assert.Equal((4, 6), (pair.LineStart, pair.LineEnd));
    }

    [Fact]
    public void Parse_BoldQuestionAndAnswerLabels_AreOnePair()
    {
        const string notes = """
            ## Scaling a subnet

            **Question:**
            If the subnet has only 10 addresses, should you expand the CIDR or create a new VPC?

            **Answer:**
            Expanding the CIDR in the same VPC is usually the simplest solution.

            Creating a new VPC gives you a fresh range.
            """;

        var passages = NotesParser.Parse("subnetting.md", notes).Select(e => e.Passage).ToList();
        var pair = Find(passages, "Expanding the CIDR");

        Assert.Equal(PassageKind.QuestionAnswer, pair.Kind);
        Assert.Equal("If the subnet has only 10 addresses, should you expand the CIDR or create a new VPC?", pair.Question);
        Assert.Equal("Expanding the CIDR in the same VPC is usually the simplest solution.", pair.AnswerText);
        Assert.Equal((3, 7), (pair.LineStart, pair.LineEnd));
        Assert.Equal("Scaling a subnet", Find(passages, "fresh range").Section);
    }

    [Theory]
    [InlineData("Question: \"Can you publish RPM packages?\"", "Can you publish RPM packages?")]
    [InlineData("Q: For interviews, do I need to know everything here?", "For interviews, do I need to know everything here?")]
    [InlineData("Quotas: how many runners?", "Quotas: how many runners?")] // a word that starts like the label is no label.
    public void Unlabelled_DropsTheQuestionLabelAndQuotes(string line, string expected)
    {
        Assert.Equal(expected, NotesParser.Unlabelled(line));
        Assert.True(NotesParser.IsQuestion(line));
    }

    [Fact]
    public void Parse_HeadingAnchorId_IsNoPartOfTheTitle()
    {
        const string notes = """
            ## Picking the Best Reviewers {#best_reviewers}

            If you find an ideal reviewer but they are not available, you should at least CC them.
            """;

        var passages = NotesParser.Parse("index.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Picking the Best Reviewers", Find(passages, "ideal reviewer").Section);
    }

    [Fact]
    public void Parse_LinkOnlyLineOverAQuote_DoesNotTitleIt()
    {
        // Reference pages put a link to the source between a heading and its statement (Hacker Laws); the link is no
        // title, so the quotation stays under the section's own heading.
        const string notes = """
            ### Brooks' Law

            [Brooks' Law on Wikipedia](https://en.wikipedia.org/wiki/Brooks%27s_law)

            > Adding human resources to a late software development project makes it later.

            This law suggests that adding people to a late project delays it further.

            A short label over its list

            - an item under it
            """;

        var passages = NotesParser.Parse("laws.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Brooks' Law", Find(passages, "late software development project").Section);
        Assert.Contains(passages, p => p.Text.Contains("on Wikipedia", StringComparison.Ordinal));
        // A short line of words over a list still titles it.
        Assert.Equal("A short label over its list", Find(passages, "an item under it").Section);
    }

    [Fact]
    public void Parse_TableRow_IsOnePassageReadWithHeader()
    {
        var row = Find(ShapePassages, "SSH");

        Assert.Equal(PassageKind.TableRow, row.Kind);
        Assert.Equal((20, 20), (row.LineStart, row.LineEnd));
        Assert.Contains("Port: 22", row.Text, StringComparison.Ordinal);
        Assert.Contains("Service: SSH", row.Text, StringComparison.Ordinal);
        Assert.Equal(21, Find(ShapePassages, "HTTPS").LineStart);
    }

    [Fact]
    public void Parse_TableHeaderEndingInAColon_IsReadOnceAsTheCellsLabel()
    {
        const string notes = """
            | You need to:               | You should use: |
            | -------------------------- | --------------- |
            | Show data trends over time | Line            |
            """;

        var row = Assert.Single(NotesParser.Parse("charts.md", notes), e => e.Passage.Kind == PassageKind.TableRow).Passage;

        Assert.Equal("You need to: Show data trends over time | You should use: Line", row.Text);
    }

    [Fact]
    public void Parse_TableCellOpeningWithAListMarker_IsReadWithoutIt()
    {
        // A biology vault writes the kinds of symbiosis as sub-items of its row ("| - Mutualism |"); the quiz offered
        // "- Mutualism" as a choice. A value that opens with a dash stays.
        const string notes = """
            | Interaction | Relationship | Description |
            | ----------- | ------------ | ----------- |
            | Competition | - / - | Species compete for a resource |
            | - Mutualism | + / + | Species benefit from the interaction |
            """;

        var rows = NotesParser.Parse("eco.md", notes).Select(e => e.Passage).Where(p => p.Kind == PassageKind.TableRow).ToList();

        Assert.Equal("Interaction: Mutualism | Relationship: + / + | Description: Species benefit from the interaction", rows[1].Text);
        Assert.Equal("Interaction: Competition | Relationship: - / - | Description: Species compete for a resource", rows[0].Text);
    }

    [Fact]
    public void Parse_InlineHtml_FormattingJoinsTheWord_ALineBreakSeparates()
    {
        const string notes = """
            ### Inter Integrated Circuit (I<sup>2</sup>C)

            I<sup>2</sup>C has a bus made of 2 main wires, and plants need CO<sub>2</sub>.<br>Next line. See <a href="https://example.com/i2c">the <strong>I2C</strong> lesson</a>.
            """;

        var passage = Assert.Single(NotesParser.Parse("iot.md", notes)).Passage;

        Assert.Equal("Inter Integrated Circuit (I2C)", passage.Section);
        Assert.Equal("I2C has a bus made of 2 main wires, and plants need CO2. Next line. See the I2C lesson.", passage.Text);
    }

    [Fact]
    public void Parse_QuestionBulletThatRepeatsALaterHeading_IsATableOfContents_NotAPassage()
    {
        const string notes = """
            ## Introduction

            In this lesson, we'll cover:

            - What is the cybersecurity CIA triad?
            - Why patching matters

            ## What is the cyber security CIA triad?

            The cyber security triad refers to confidentiality, integrity and availability.

            - What is the cybersecurity CIA triad?
            """;

        var passages = NotesParser.Parse("cia.md", notes).Select(e => e.Passage).ToList();

        // Not a passage, nor a pair "answered" by the next entry.
        Assert.DoesNotContain(passages, p => p.LineStart == 5);
        Assert.Contains(passages, p => p.Text == "Why patching matters" && p.Kind == PassageKind.Bullet);
        Assert.Contains(passages, p => p.Text.StartsWith("The cyber security triad", StringComparison.Ordinal));
        // After its heading, the same words are the section's own line.
        Assert.Contains(passages, p => p.LineStart == 12);
    }

    [Fact]
    public void Parse_RomanNumeralBeforeABoldTitle_IsASubHeading()
    {
        const string notes = """
            ## Monitor Disk Usage

            This output shows disk usage for all mounted file systems.

            III. **Permissions and Ownership**

            The `chmod` command assigns permissions, where `755` means the owner has read, write, and execute permissions.

            I. Unlike hardlinks, symlinks can point across filesystems.
            """;

        var passages = NotesParser.Parse("fs.md", notes).Select(e => e.Passage).ToList();

        Assert.Equal("Monitor Disk Usage", Find(passages, "disk usage for all").Section);
        Assert.Equal("Permissions and Ownership", Find(passages, "chmod").Section);
        Assert.DoesNotContain(passages, p => p.Text.Contains("III.", StringComparison.Ordinal));
        // A numbered line of prose is no title.
        Assert.Equal("Permissions and Ownership", Find(passages, "Unlike hardlinks").Section);
    }

    [Fact]
    public void Parse_FencedCode_KeepsContentLines()
    {
        var code = Find(ShapePassages, "kubectl get pods");

        Assert.Equal(PassageKind.Code, code.Kind);
        Assert.Equal((24, 24), (code.LineStart, code.LineEnd));
    }

    [Fact]
    public void Parse_ImageReference_IsNotText()
    {
        Assert.DoesNotContain(ShapePassages, p => p.Text.Contains("diagram", StringComparison.Ordinal) || p.Text.Contains("image.png", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TitlePhrasedAsQuestion_PairsWithAnswerLines()
    {
        var pair = Find(ShapePassages, "No we cannot");

        Assert.Equal(PassageKind.QuestionAnswer, pair.Kind);
        Assert.Equal((29, 31), (pair.LineStart, pair.LineEnd));
        Assert.Equal("Can we do the thing", pair.Question);
        Assert.Equal("No we cannot", pair.AnswerText);
    }

    [Fact]
    public void Parse_BulletQuestionThenBulletAnswer_IsOnePair()
    {
        var pair = Find(ShapePassages, "Yes very fast");

        Assert.Equal(PassageKind.QuestionAnswer, pair.Kind);
        Assert.Equal((33, 34), (pair.LineStart, pair.LineEnd));
        Assert.Equal("Is it fast?", pair.Question);
    }

    [Theory]
    [InlineData("- Is Lambda stateless?\n- Lambda functions keep no state between calls.\n", true)] // shares "lambda"
    [InlineData("- Can i use aws waf for sites outside AWS ?\n- Yes - through CloudFront in front of the server.\n", true)]
    [InlineData("- 🚧 How does taking time off affect the vesting schedule?\n- Acceleration when a company is sold is not so common for employees.\n", false)] // a question left open, then the next point
    [InlineData("- Container tiny vms??\n- used to run micro Service\n", false)]
    public void Parse_BulletQuestionThenSiblingBullet_APairOnlyWhenTheBulletSpeaksToIt(string notes, bool pair) =>
        Assert.Equal(pair, NotesParser.Parse("notes.md", "# Notes\n\n" + notes).Any(e => e.Passage.Kind == PassageKind.QuestionAnswer));

    [Fact]
    public void Parse_LineSeparatorCrLfAndLoneCr_CountOnlyNewlines()
    {
        // sed -n counts only \n: line 3 holds a U+2028, line 5 holds a lone \r.
        const string text = "Title\r\n\r\n- alpha\u2028still alpha\r\n- beta\r\n- gamma\rdelta\n- epsilon\n";

        var passages = NotesParser.Parse("odd.md", text).Select(e => e.Passage).ToList();

        Assert.Equal((3, 3), (Find(passages, "alpha").LineStart, Find(passages, "alpha").LineEnd));
        Assert.Equal((4, 4), (Find(passages, "beta").LineStart, Find(passages, "beta").LineEnd));
        Assert.Equal((5, 5), (Find(passages, "gamma").LineStart, Find(passages, "gamma").LineEnd));
        Assert.Equal((6, 6), (Find(passages, "epsilon").LineStart, Find(passages, "epsilon").LineEnd));
        Assert.All(passages, p => Assert.Equal("Title", p.Section));
    }

    [Fact]
    public void Parse_ParagraphAfterHeading_ShortLineFollowedByProseIsNotATitle()
    {
        const string text = "# Daemonset\n\nRuns one pod per node\n\nA Daemonset can be created with kubectl.\n";

        var passages = NotesParser.Parse("d.md", text).Select(e => e.Passage).ToList();

        var first = Find(passages, "Runs one pod per node");
        Assert.Equal("Daemonset", first.Section);
        Assert.Equal(3, first.LineStart);
        Assert.Equal("Daemonset", Find(passages, "can be created").Section);
    }

    [Fact]
    public void Parse_LongParagraph_ChunkEndsWhereASentenceEnds()
    {
        // Eight wrapped lines; the fourth ends a sentence, the sixth does not: the first chunk is the first four lines,
        // so no chunk is read cut off inside "If we had … then user1 would still be valid".
        const string text = """
            # Struct Update Syntax

            Note that the struct update syntax uses = like an assignment; this is because it
            moves the data, just as we saw in the Variables and Data Interacting with Move
            section. In this example, we can no longer use user1 after creating user2
            because the String in the username field of user1 was moved into user2.
            If we had given user2 new String values for both email and username, and thus
            only used the active and sign_in_count values from user1, then user1 would
            still be valid after creating user2. Both active and sign_in_count are types
            that implement the Copy trait.
            """;

        var passages = NotesParser.Parse("structs.md", text).Select(e => e.Passage).ToList();

        Assert.Equal([(3, 6), (7, 10)], passages.Select(p => (p.LineStart, p.LineEnd)));
        Assert.EndsWith("was moved into user2.", passages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongParagraph_NoSentenceEndInTheChunksLaterHalf_GoesOnToTheEndOfItsSentence()
    {
        // The Rust book's wrapping: the sentence "If we had given …" starts mid-line and ends on the seventh line.
        const string text = """
            # Struct Update Syntax

            Note that the struct update syntax uses = like an assignment; this is because
            it moves the data, just as we saw in the Variables and Data Interacting with
            Move section. In this example, we can no longer use user1 after creating user2
            because the String in the username field of user1 was moved into user2. If
            we had given user2 new String values for both email and username, and thus
            only used the active and sign_in_count values from user1, then user1 would
            still be valid after creating user2.
            Both active and sign_in_count are types that implement the Copy trait.
            """;

        var passages = NotesParser.Parse("structs.md", text).Select(e => e.Passage).ToList();

        Assert.Equal([(3, 9), (10, 10)], passages.Select(p => (p.LineStart, p.LineEnd)));
        Assert.EndsWith("still be valid after creating user2.", passages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongParagraph_IsCitedInChunksOfAFewLines()
    {
        var text = "# Long\n\n" + string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line number {i} of a long paragraph")) + "\n";

        var passages = NotesParser.Parse("long.md", text).Select(e => e.Passage).ToList();

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.InRange(p.LineEnd - p.LineStart + 1, 1, NotesParser.MaxChunkLines));
        Assert.Equal(3, passages[0].LineStart);
        Assert.Equal(22, passages[^1].LineEnd);
    }

    [Theory]
    [InlineData("EBS Encryption", 71, 71, PassageKind.Bullet)]
    [InlineData("Can we create un-encrypted EBS volume from an encrypted snapshot", 75, 77, PassageKind.QuestionAnswer)]
    [InlineData("Does HSM can be placed at On-Premise", 82, 84, PassageKind.QuestionAnswer)]
    [InlineData("Can I use AWS KMS Key to encrypt data in", 47, 49, PassageKind.QuestionAnswer)]
    [InlineData("Amazon S3 managed keys (SSE-S3)", 53, 53, PassageKind.Bullet)]
    [InlineData("Elastic Container Service", 134, 134, PassageKind.Bullet)]
    public void Parse_SeedNotes_FirstPassageOfSectionHasExactLines(string section, int start, int end, PassageKind kind)
    {
        var passage = SeedPassages().First(p => p.Section == section);

        Assert.Equal((start, end), (passage.LineStart, passage.LineEnd));
        Assert.Equal(kind, passage.Kind);
    }

    [Theory]
    [InlineData("AWS Secure?", 3, 4)]
    [InlineData("Can i use aws waf to protect web sites not hosted in AWS ?", 11, 12)]
    [InlineData("Can we attach both encrypted and unencrypted columes to an instance simoltaneously?", 91, 93)]
    public void Parse_SeedNotes_QuestionAnswerPairsSpanQuestionAndAnswer(string question, int start, int end)
    {
        var pair = Assert.Single(SeedPassages(), p => p.Question == question);

        Assert.Equal(PassageKind.QuestionAnswer, pair.Kind);
        Assert.Equal((start, end), (pair.LineStart, pair.LineEnd));
    }

    [Fact]
    public void Parse_SeedNotes_EveryPassageStartsOnTheLineItsTextComesFrom()
    {
        var lines = File.ReadAllText(Path.Combine(KnowledgeTestData.SeedFolder, "aws-devsecops.md")).Split('\n');

        foreach (var passage in SeedPassages())
        {
            var firstWords = passage.Text.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2);
            Assert.All(firstWords, w => Assert.Contains(w, lines[passage.LineStart - 1], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Parse_CorporaTable_RowHasItsLineAndHeader()
    {
        var path = Path.Combine(KnowledgeTestData.CorporaFolder, "networking-notes", "notes", "transport", "tcp_udp_comparison.md");

        var passages = NotesParser.Parse("tcp_udp_comparison.md", File.ReadAllText(path)).Select(e => e.Passage).ToList();

        var row = Assert.Single(passages, p => p.Kind == PassageKind.TableRow && p.Text.StartsWith("Feature: Reliability", StringComparison.Ordinal));
        Assert.Equal((49, 49), (row.LineStart, row.LineEnd));
        Assert.Contains("UDP: No delivery guarantees", row.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmphasisAndCode_AreKeptBesideTheUnchangedText()
    {
        // Book prose introduces its terms in italics and names code in code; the text the answers index loses the
        // markup, so the spans are kept beside it for the quiz (issue 11).
        var text = "The *slice* type lets you reference a contiguous sequence, and a `String` owns its data.\n" +
            "A *dangling\nreference* points to freed memory, **not** to a value.\n";

        var passage = Assert.Single(NotesParser.Parse("slices.md", text)).Passage;

        Assert.Equal("The slice type lets you reference a contiguous sequence, and a String owns its data.\nA dangling\nreference points to freed memory, not to a value.", passage.Text);
        Assert.Equal(
            new[]
            {
                new EmphasisSpan("slice", EmphasisKind.Emphasis), new EmphasisSpan("String", EmphasisKind.Code),
                new EmphasisSpan("dangling reference", EmphasisKind.Emphasis), new EmphasisSpan("not", EmphasisKind.Emphasis),
            },
            passage.Emphasis);
    }

    [Fact]
    public void Parse_QuoteUnderABullet_IsPartOfTheBulletsText()
    {
        // A style guide writes each rule's reason as a quote under it; it was dropped, so "why …?" found nothing.
        var text = "## Objects\n\n" +                                           // 1-2
            "- 3.7 Do not call `hasOwnProperty` directly.\n\n" +                  // 3-4
            "  > Why? These methods may be shadowed by properties on the object.\n\n" + // 5-6
            "- 3.8 Prefer spread over assign.\n";                                 // 7

        var passages = NotesParser.Parse("guide.md", text).Select(e => e.Passage).ToList();

        var rule = Find(passages, "Do not call");
        Assert.Contains("Why? These methods may be shadowed", rule.Text, StringComparison.Ordinal);
        Assert.Equal((3, 5), (rule.LineStart, rule.LineEnd));
        Assert.Equal(7, Find(passages, "Prefer spread").LineStart);
    }

    [Fact]
    public void Parse_TableInsideABullet_IsReadAsATable()
    {
        var text = "- Ports to know:\n\n" +  // 1-2
            "  | Port | Service |\n" +       // 3
            "  |------|---------|\n" +       // 4
            "  | 22 | SSH |\n";              // 5

        var passages = NotesParser.Parse("ports.md", text).Select(e => e.Passage).ToList();

        var row = Find(passages, "Service: SSH");
        Assert.Equal(PassageKind.TableRow, row.Kind);
        Assert.Equal((5, 5), (row.LineStart, row.LineEnd));
    }

    [Fact]
    public void Parse_LineWithoutMarkup_HasNoEmphasis() =>
        Assert.Null(Assert.Single(NotesParser.Parse("plain.md", "Plain prose with no markup at all.\n")).Passage.Emphasis);

    [Fact]
    public void StoredEntry_EncodeDecode_KeepsTheEmphasis()
    {
        var entry = Assert.Single(NotesParser.Parse("slices.md", "The *slice* type and `&str` are views.\n"));

        var bytes = StoredEntry.Encode(entry);
        var decoded = StoredEntry.Decode(bytes, 0, bytes.Length).Passage;

        Assert.Equal(entry.Passage.Text, decoded.Text);
        Assert.Equal(entry.Passage.Emphasis, decoded.Emphasis);
    }

    private static IReadOnlyList<Passage> SeedPassages() =>
        NotesParser.Parse("aws-devsecops.md", File.ReadAllText(Path.Combine(KnowledgeTestData.SeedFolder, "aws-devsecops.md")))
            .Select(e => e.Passage)
            .ToList();
}
