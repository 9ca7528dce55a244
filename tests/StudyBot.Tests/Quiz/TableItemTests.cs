using System.Text;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Questions from the notes' tables: which thing of a table's rows has a cell, among the other rows' things;
/// which compared column has a row's cell, among the other compared columns; and what they must not do (outside rating
/// 44's defects: a header that is no noun, a list cut into a choice, a key its letters give away).</summary>
public class TableItemTests
{
    private const string Protocols = """
        # Protocols

        ## Common protocols

        | Protocol | Port | Purpose |
        |---|---|---|
        | SSH | 22 | Secure remote login and command execution |
        | HTTP | 80 | Unencrypted web page transfer |
        | SMTP | 25 | Relaying mail between two servers |
        | FTP | 21 | Moving files between two hosts |
        """;

    private const string TcpUdp = """
        # Transport

        ## Compared

        | Feature | TCP | UDP |
        |---|---|---|
        | Ordering | Data arrives in order | Packets can arrive out of order |
        | Delivery | Guaranteed with acknowledgements | Best effort only |
        | Header | Twenty bytes at least | Eight bytes in all |
        """;

    private static (List<Passage> Passages, Func<string, IReadOnlyList<string>?> ReadLines) Notes(string file, string text)
    {
        text = text.Replace("\r", string.Empty, StringComparison.Ordinal);
        var lines = text.Split('\n');
        return (NotesParser.Parse(file, text).Select(e => e.Passage).ToList(), f => f == file ? lines : null);
    }

    private static List<QuizQuestion> Written(string file, string text)
    {
        var (passages, readLines) = Notes(file, text);
        return QuestionGenerator.Generate(passages, readLines).Where(IsTableItem).ToList();
    }

    private static bool IsTableItem(QuizQuestion q) => q.Text.StartsWith("In the notes' ", StringComparison.Ordinal);

    [Fact]
    public void Tiers_TableItems_GoToTheReserveAlone_AfterItsOtherQuestions()
    {
        var (passages, readLines) = Notes("net/protocols.md", Protocols + "\n" + TcpUdp.Replace("# Transport", "# More", StringComparison.Ordinal));
        // Every question scores over the threshold: what is not in the bank was written for the reserve.
        var (kept, reserve) = QuestionGenerator.Tiers(passages, readLines, quality: NoteLines.KeepingEveryQuestion());

        Assert.DoesNotContain(kept, IsTableItem);
        Assert.Contains(reserve, IsTableItem);
        Assert.All(reserve.SkipWhile(q => !IsTableItem(q)), q => Assert.True(IsTableItem(q), q.Text));
    }

    [Fact]
    public void Tables_RowsUnderOneHeader_AreOneTableWithItsHeadersAndCells()
    {
        var (passages, _) = Notes("net/protocols.md", Protocols);

        var table = Assert.Single(QuestionGenerator.Tables(passages));

        Assert.Equal(["Protocol", "Port", "Purpose"], table.Headers);
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(["SSH", "22", "Secure remote login and command execution"], table.Cells[0]);
        Assert.Equal(table.Rows[0].LineStart - 2, table.HeaderLine);
        Assert.False(QuestionGenerator.ComparesItsColumns(table, KindSimilarity.None));
    }

    [Fact]
    public void Generate_TableOfThings_AsksWhichThingHasACell_AmongTheOtherRows()
    {
        var questions = Written("net/protocols.md", Protocols);

        Assert.NotEmpty(questions);
        Assert.True(questions.Count <= 2, "at most two questions from one table");
        var q = questions.Single(q => q.Text.Contains("Secure remote login", StringComparison.Ordinal));
        Assert.Equal("In the notes' table, which protocol has “Secure remote login and command execution” under “Purpose”?", q.Text);
        Assert.Equal("SSH", q.Answer);
        Assert.Equal(["FTP", "HTTP", "SMTP", "SSH"], q.Choices.Order(StringComparer.Ordinal));

        // The port column is a number: one word says too little, and the purpose is asked instead.
        Assert.DoesNotContain(questions, x => x.Text.Contains("“Port”", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_ListsLaidSideBySide_NoQuestion()
    {
        const string patterns = """
            # Design patterns

            ## Types

            | Creational Design Patterns | Structural Design Patterns | Behavioral Design Patterns |
            |---|---|---|
            | Simple Factory | Adapter | Chain of Responsibility |
            | Factory Method | Bridge | Command |
            | Abstract Factory | Composite | Iterator |
            | Builder | Decorator | Mediator |
            """;
        var (passages, _) = Notes("patterns.md", patterns);
        var table = Assert.Single(QuestionGenerator.Tables(passages));

        Assert.True(QuestionGenerator.ListsInColumns(table));
        Assert.Empty(Written("patterns.md", patterns)); // was "which creational design patterns has “Chain of Responsibility” under …"
        Assert.False(QuestionGenerator.ListsInColumns(Assert.Single(QuestionGenerator.Tables(Notes("net/protocols.md", Protocols).Passages))));
    }

    [Fact]
    public void Generate_Comparison_AsksWhichComparedColumnHasTheCell()
    {
        var (passages, _) = Notes("net/transport.md", TcpUdp);
        Assert.True(QuestionGenerator.ComparesItsColumns(Assert.Single(QuestionGenerator.Tables(passages)), KindSimilarity.None));

        var questions = Written("net/transport.md", TcpUdp);

        Assert.NotEmpty(questions);
        Assert.All(questions, q =>
        {
            Assert.Equal(QuizQuestionKind.Contrast, q.Kind);
            Assert.Equal(["TCP", "UDP"], q.Choices.Order(StringComparer.Ordinal));
            Assert.StartsWith("In the notes' comparison, which has “", q.Text, StringComparison.Ordinal);
        });

        // The citation quotes the header with the row, so the reveal shows which column said it.
        var ordering = questions.Single(q => q.Text.Contains("for Ordering", StringComparison.Ordinal));
        Assert.Equal(5, ordering.Citation.LineStart);
    }

    private const string ValueNotes = """
        # Audit log

        ## Numbers to know

        | Parameter | Value | Notes |
        |---|---|---|
        | **HTTP 403** | Permission denied | Returned when a user lacks write permissions or is blocked by a branch protection rule |
        | **Dormant user threshold** | **30 days** (default) | A user with no activity for thirty days is flagged as dormant, which is useful for reclaiming seats |
        | **Stream pause buffer** | **7 days** | If a stream is paused for a week or less it resumes from where it left off |
        """;

    private const string PurposeVisibility = """
        # Environments

        ## Don't confuse these

        | Feature | Purpose | Visibility |
        |---|---|---|
        | **Environment** | Protection rules, approvals | Public (visible in logs) |
        | **Environment secrets** | Sensitive values scoped to environment | Masked in logs |
        | **Environment variables** | Non-sensitive config values | Public (visible in logs) |
        """;

    [Fact]
    public void Generate_AttributeTable_AsksNoComparisonOfItsColumns()
    {
        // "Parameter" names an axis of comparison, but Value and Notes are what each parameter has, not two things
        // compared: "which has “Permission denied” for HTTP 403? Value / Notes" taught nothing (sixty-fifth session).
        var (passages, _) = Notes("audit.md", ValueNotes);
        Assert.False(QuestionGenerator.ComparesItsColumns(Assert.Single(QuestionGenerator.Tables(passages)), KindSimilarity.None));

        Assert.DoesNotContain(Written("audit.md", ValueNotes), q => q.Text.StartsWith("In the notes' comparison", StringComparison.Ordinal));
    }

    [Fact]
    public void HoldsAttributes_ColumnsOfTheirOwnLengthOrKind_NotAComparisonsColumns()
    {
        var tcpUdp = Assert.Single(QuestionGenerator.Tables(Notes("net/transport.md", TcpUdp).Passages));
        var valueNotes = Assert.Single(QuestionGenerator.Tables(Notes("audit.md", ValueNotes).Passages));
        var purposeVisibility = Assert.Single(QuestionGenerator.Tables(Notes("env.md", PurposeVisibility).Passages));

        // Lengths: a short value beside a long note in every row, where a comparison's cells are alike in length.
        Assert.True(QuestionGenerator.LengthBetweenColumns(valueNotes) >= QuestionGenerator.AttributeLengthShare);
        Assert.True(QuestionGenerator.LengthBetweenColumns(tcpUdp) < QuestionGenerator.AttributeLengthShare);
        Assert.True(QuestionGenerator.HoldsAttributes(valueNotes, KindSimilarity.None));

        // Purposes and visibilities are alike in length: only the model tells that each column holds a kind of its own.
        Assert.True(QuestionGenerator.LengthBetweenColumns(purposeVisibility) < QuestionGenerator.AttributeLengthShare);
        Assert.False(QuestionGenerator.HoldsAttributes(purposeVisibility, KindSimilarity.None));
        var visibilities = new KindSimilarity(new ChosenEmbedder(("Public (visible in logs)", 0.9), ("Masked in logs", 0.9)));
        var (row, column) = QuestionGenerator.CellLikeness(purposeVisibility, visibilities);
        Assert.True(column - row >= QuestionGenerator.AttributeLikenessGap, $"row {row}, column {column}");
        Assert.True(QuestionGenerator.HoldsAttributes(purposeVisibility, visibilities));

        // A comparison's cells are alike across a row: one attribute's values for the compared things.
        var orderings = new KindSimilarity(new ChosenEmbedder(("Data arrives in order", 0.9), ("Packets can arrive out of order", 0.9)));
        Assert.False(QuestionGenerator.HoldsAttributes(tcpUdp, orderings));
        Assert.True(QuestionGenerator.ComparesItsColumns(tcpUdp, orderings));
    }

    [Fact]
    public void Generate_CellSharedByTwoRows_IsNotAsked()
    {
        var questions = Written("net/protocols.md", """
            # Protocols

            | Protocol | Purpose |
            |---|---|
            | HTTP | Web page transfer |
            | HTTPS | Web page transfer |
            | SMTP | Relaying mail between servers |
            | FTP | Moving files between two hosts |
            | SSH | Secure remote login to a host |
            """);

        Assert.DoesNotContain(questions, q => q.Text.Contains("Web page transfer", StringComparison.Ordinal));
    }

    [Fact]
    public void CellLikeness_ALongTable_ComparesItsFirstRowsOnly()
    {
        // Every pair of a column's cells is compared: a table of thousands of rows must not cost a vector for every cell.
        var rows = Enumerable.Range(1, 300).Select(i => $"| Point {i} | first side {i} | second side {i} |");
        var text = "# Long\n\n| Feature | One | Other |\n|---|---|---|\n" + string.Join('\n', rows) + "\n";
        var table = Assert.Single(QuestionGenerator.Tables(Notes("long.md", text).Passages));
        var embedder = new ChosenEmbedder();

        var (row, column) = QuestionGenerator.CellLikeness(table, new KindSimilarity(embedder));

        Assert.NotNull(row);
        Assert.NotNull(column);
        Assert.Equal(2 * QuestionGenerator.MaxLikenessRows, embedder.Embedded.Count);
    }

    [Fact]
    public void Generate_CellAnotherRowSaysInMoreWords_IsNotAsked()
    {
        // The Linux notes' services: httpd is a web server too, so "Web server" would have two right answers.
        var questions = Written("notes/services.md", """
            # Services

            | Service | Description |
            |---|---|
            | nginx | Web server |
            | httpd | Apache web server |
            | mariadb | Relational database server |
            | vsftpd | File transfer server for FTP |
            | sshd | Remote login daemon for SSH |
            """);

        Assert.DoesNotContain(questions, q => q.Text.Contains("“Web server”", StringComparison.Ordinal));
        Assert.Contains(questions, q => q.Text.Contains("“Apache web server”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Web server", "Apache web server", true)]
    [InlineData("web page transfer", "Web page transfer", true)]
    [InlineData("Apache web server", "Web server", false)]
    [InlineData("1 Gbps", "10 Gbps", false)]
    [InlineData("No delivery guarantees", "Guaranteed delivery with ACKs", false)]
    [InlineData("Very High", "High", false)]
    [InlineData("32 bits (4 bytes)", "128 bits (16 bytes)", false)]
    [InlineData("1 Gbps", "11 Gbps", false)]
    [InlineData("O(n)", "O(n + k)", false)]
    [InlineData("Subsequent steps", "Subsequent steps in the same job", true)]
    public void SaysItToo_AnotherCellHoldingTheAskedWordsInOrder_SaysIt(string asked, string other, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.SaysItToo(other, asked));

    [Theory]
    [InlineData("What it is")]
    [InlineData("Layer(s)")]
    [InlineData("Why UDP?")]
    [InlineData("You need to")]
    [InlineData("Good for")]
    public void Generate_FirstHeaderThatIsNoNoun_IsNotWrittenIntoTheQuestion(string header)
    {
        // "which {header} has …": outside rating 44 read "Which OSI layer(s) has …" and "which command has the what it
        // does …" as broken; the other headers are quoted as the column's name instead. A header that ends on a word
        // needing what follows is a clause the table's rows finish, not a noun: the data-science notes' "You need to:"
        // gave "which you need to has “Bar, Pie” under “You should use”?".
        var questions = Written("git/commands.md", $"""
            # Git

            | {header} | Purpose |
            |---|---|
            | git pull | Fetch and merge remote changes |
            | git add | Stage changes for the next commit |
            | git push | Upload local commits to the remote |
            | git log | Show the history of commits |
            """);

        Assert.Empty(questions);
    }

    private const string PortsAndBackups = """
        # GHES

        | {0} | Value | Purpose |
        |---|---|---|
        | Port 122 | Administrative SSH | The port of the admin shell for the ghe commands, instead of the standard port of SSH |
        | Port 8443 | Management Console | The web page where an administrator configures and monitors the whole appliance |
        | Default backup snapshots | 10 | How many snapshots the backup utilities keep, set in the backup configuration file |
        | Recommended backup frequency | Every hour | Keeps a healthy recovery point objective with at most one hour of data lost |
        """;

    /// <summary>The model finds the two ports alike (0.64) and neither like a backup setting (0).</summary>
    private static ChosenEmbedder PortsAlike() => new(("Port 122", 0.8), ("Port 8443", 0.8));

    [Theory]
    [InlineData("Parameter", new[] { "Port 122", "Port 8443" })]
    [InlineData("Setting", new[] { "Default backup snapshots", "Port 122", "Port 8443", "Recommended backup frequency" })]
    public void Generate_RowsOfAnotherKind_AreNoWrongChoicesUnderAHeaderThatNamesNoKind(string header, string[] choices)
    {
        // The GitHub certification notes' "Parameter | Value | Purpose" sets two ports beside two backup settings:
        // "which parameter has “Administrative SSH” under “Value”?" offered Default backup snapshots and Recommended
        // backup frequency, which a learner rules out knowing only that SSH has a port. "Parameter" names no kind, so the
        // model must find a row of the key's kind; the fair choice left is the other port. A header that names the rows'
        // kind vouches for them, as a heading does for its sections: the model finds EIGRP and RIP (0.05), User EXEC and
        // Global Config (0.1) as unlike as a port and a backup setting, and those tables are fair.
        var (passages, readLines) = Notes("ghes.md", PortsAndBackups.Replace("{0}", header, StringComparison.Ordinal));

        var questions = QuestionGenerator.Generate(passages, readLines, PortsAlike()).Where(IsTableItem).ToList();

        var q = Assert.Single(questions, q => q.Text.Contains("“Administrative SSH”", StringComparison.Ordinal));
        Assert.Equal(choices, q.Choices.Order(StringComparer.Ordinal));
        Assert.Equal(choices.Length == 2 ? QuizQuestionKind.Contrast : QuizQuestionKind.Definition, q.Kind);
    }

    [Fact]
    public void RowOfAnotherKind_WithoutARowOfTheKeysKind_NoVerdict()
    {
        // The networking notes' DHCP parameters are one kind, yet the model puts them at 0.10–0.45 and none at 0.4 beside
        // Subnet Mask: an absolute 0.3 alone cut Lease Time, DNS Server(s) and Domain Name, three fair wrong choices.
        var table = Assert.Single(QuestionGenerator.Tables(Notes("dhcp.md", """
            # DHCP

            | Parameter | DHCP Option | Example |
            |---|---|---|
            | Subnet Mask | Option 1 | 255.255.255.0 |
            | Default Gateway | Option 3 | 192.168.1.1 |
            | DNS Server(s) | Option 6 | 8.8.8.8 |
            | Lease Time | Option 51 | 86400 seconds |
            """).Passages));
        // Subnet Mask beside Default Gateway 0.30, DNS Server(s) and Lease Time 0.20; no row at 0.4.
        var kinds = new KindSimilarity(new ChosenEmbedder(("Subnet Mask", 0.5), ("Default Gateway", 0.6), ("DNS Server(s)", 0.4), ("Lease Time", 0.4)));

        Assert.All([1, 2, 3], row => Assert.False(QuestionGenerator.RowOfAnotherKind(table, 0, row, kinds)));

        var ports = Assert.Single(QuestionGenerator.Tables(Notes("ghes.md", PortsAndBackups.Replace("{0}", "Parameter", StringComparison.Ordinal)).Passages));
        Assert.False(QuestionGenerator.RowOfAnotherKind(ports, 0, 1, new KindSimilarity(PortsAlike())));
        Assert.True(QuestionGenerator.RowOfAnotherKind(ports, 0, 2, new KindSimilarity(PortsAlike())));
        Assert.False(QuestionGenerator.RowOfAnotherKind(ports, 0, 2, KindSimilarity.None));
    }

    [Fact]
    public void RowOfAnotherKind_ALongTable_LooksForTheKeysKindInItsFirstRowsOnly()
    {
        // Every wrong choice of a long table would otherwise compare the key with every row: the second port, 100 rows
        // down, is not looked for, and no more than the first rows are embedded.
        var rows = Enumerable.Range(0, 300).Select(i => i switch
        {
            0 => "| Port 122 | 122 | Administrative SSH |",
            100 => "| Port 8443 | 8443 | Management Console |",
            _ => $"| Backup setting {i} | {i} | Kept in the backup configuration |",
        });
        var text = "# GHES\n\n| Parameter | Value | Purpose |\n|---|---|---|\n" + string.Join('\n', rows) + "\n";
        var table = Assert.Single(QuestionGenerator.Tables(Notes("ghes.md", text).Passages));
        var embedder = PortsAlike();

        Assert.False(QuestionGenerator.RowOfAnotherKind(table, 0, 1, new KindSimilarity(embedder)));
        Assert.InRange(embedder.Embedded.Count, 2, QuestionGenerator.MaxLikenessRows);
    }

    [Fact]
    public void Generate_RowsOfAnotherKindUnderAnAxisHeader_WithoutAModel_AreWrongChoicesAsBefore()
    {
        var text = PortsAndBackups.Replace("{0}", "Parameter", StringComparison.Ordinal);

        var q = Assert.Single(Written("ghes.md", text), q => q.Text.Contains("“Administrative SSH”", StringComparison.Ordinal));

        Assert.Equal(4, q.Choices.Count);
    }

    [Fact]
    public void Generate_ThingsThatAreListsOrPhrases_AreNoChoices()
    {
        var questions = Written("net/osi.md", """
            # OSI

            | Layers | Key protocols |
            |---|---|
            | 4 — Transport | Segments between two hosts |
            | 3 — Network | Packets routed between networks |
            | 2, 1 — Data Link, | Frames on one link and raw bits |
            | 7 — Application | Messages between programs |
            """);

        Assert.Empty(questions);
    }

    [Theory]
    [InlineData("Stateful Firewall", "Tracks the full connection state", "Proxy Firewall", "Packet Filter")]
    [InlineData("FD", "File descriptor number", "PID", "USER")]
    [InlineData("-A n", "Displays n lines After the matching line", "-B n", "-C n")]
    [InlineData("data", "Begin the message content", "QUIT", "STARTTLS")]
    [InlineData("PASV", "Enter passive mode", "RETR", "USER")]
    [InlineData("OLDPWD", "previous working directory", "HISTFILE", "LOGNAME")]
    public void TableGiveaway_KeyPointedToByItsLetters_IsFound(string key, string cell, string wrong1, string wrong2)
    {
        var q = new QuizQuestion("q", QuizQuestionKind.Definition, $"Which has “{cell}” in the notes?", [key, wrong1, wrong2], 0, cell,
            new Citation("a.md", "A", 1, 1, cell), key);

        Assert.True(QuestionGenerator.TableGiveaway(q, cell));
    }

    [Theory]
    [InlineData("SSH", "Secure remote login and command execution", "HTTP", "FTP")]
    [InlineData("DNS", "Measures network dynamics", "DHCP", "NAT")] // three letters of a long word in order by chance: under half of it
    public void TableGiveaway_CellThatSaysWhatTheKeyDoes_IsFair(string key, string cell, string wrong1, string wrong2)
    {
        var q = new QuizQuestion("q", QuizQuestionKind.Definition, $"Which has “{cell}” in the notes?", [key, wrong1, wrong2], 0, cell,
            new Citation("a.md", "A", 1, 1, cell), key);

        Assert.False(QuestionGenerator.TableGiveaway(q, cell));
    }

    [Fact]
    public void Generate_RowWhoseCellIsAUseOfItsThing_IsNoWrongChoice()
    {
        // The notes give dig and nslookup an example command, not a purpose: they may test DNS resolution too (outside
        // rating 60, Q21), so only rows whose cell says what they are for are offered beside host.
        var questions = Written("linux/net.md", """
            # Networking

            | Tool | Purpose |
            |---|---|
            | `ping -c $num` | testing connectivity |
            | `dig` | `dig www.example.com -t A` |
            | `nslookup` | `nslookup -query=A www.example.com` |
            | `netstat` | list network connections |
            | `host $fqdn` | test DNS resolution |
            | `traceroute` | trace packet route |
            """);

        var q = Assert.Single(questions, q => q.Text.Contains("test DNS resolution", StringComparison.Ordinal));
        Assert.DoesNotContain("dig", q.Choices);
        Assert.DoesNotContain("nslookup", q.Choices);
        Assert.True(QuestionGenerator.ShowsItsUse("dig", "dig www.example.com -t A"));
        Assert.False(QuestionGenerator.ShowsItsUse("netstat", "list network connections"));
        Assert.False(QuestionGenerator.ShowsItsUse("copy tftp: flash:", "Copy IOS image from a TFTP server"));
        Assert.False(QuestionGenerator.ShowsItsUse("Personal Access Token (PAT)", "Personal scripts, CLI"));
        Assert.True(QuestionGenerator.ShowsItsUse("uses", "uses: actions/checkout@v4"));
    }

    [Fact]
    public void Generate_TableCellsThatAreAlsoEverydayWords_AreShownAsTheTableWritesThem()
    {
        // The notes write "can" and "man" as words far more than CAN and MAN as network types; the usual-casing pass
        // of the other kinds showed a table's choices as "can" and "man" beside PAN and SAN (outside rating 45, U53).
        var (passages, readLines) = Notes("net/types.md", """
            # Networks

            You can reach a man page for each tool, and you can read it as a man reads a book; a man can learn it.

            | Type | Scope |
            |---|---|
            | PAN | Within reach of a person |
            | CAN | One campus of buildings |
            | MAN | One city or metro area |
            | SAN | Storage inside a data center |
            """);

        var (_, reserve) = QuestionGenerator.Tiers(passages, readLines, quality: NoteLines.KeepingEveryQuestion());

        var q = Assert.Single(reserve, q => q.Text.Contains("Within reach of a person", StringComparison.Ordinal));
        Assert.Equal(["CAN", "MAN", "PAN", "SAN"], q.Choices.Order(StringComparer.Ordinal));
    }
}
