using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>"Which command would you run to …?" from a task line and the one command under it, the tool's other commands
/// as wrong choices; for notes written as command references, which gave the other writers almost nothing.</summary>
public class CommandItemTests
{
    private const string File = "tools/ping.md";

    /// <summary>A tldr-style page: a task bullet, then its command alone on a line as one code span.</summary>
    private const string PingPage = """
        # ping

        > Send ICMP ECHO_REQUEST packets to network hosts.

        - Ping a host only a specific number of times:

        `ping -c {{count}} {{host}}`

        - Ping a host, specifying the interval in seconds between requests:

        `ping -i {{seconds}} {{host}}`

        - Ping a host without trying to lookup symbolic names for addresses:

        `ping -n {{host}}`

        - Ping a host and ring the bell when a packet is received:

        `ping -a {{host}}`

        - Also display a message if no response was received:

        `ping -O {{host}}`
        """;

    [Theory]
    [InlineData("- Find the processes that have a given file open:", "Find the processes that have a given file open")]
    [InlineData("To upgrade all installed packages to their latest available versions:", "To upgrade all installed packages to their latest available versions")]
    // tldr's mnemonic letter names the option: the brackets go.
    [InlineData("Specify the line numbering's [w]idth (6 by default):", "Specify the line numbering's width (6 by default)")]
    public void TaskLine_ALineThatStatesATask_IsOne(string line, string task)
    {
        Assert.Equal(task, QuestionGenerator.TaskLine(line.TrimStart('-', ' ')));
    }

    [Theory]
    [InlineData("Run:")]
    [InlineData("The output looks like this:")]
    [InlineData("Using normal distribution, we can generate samples in the following way:")]
    [InlineData("To clone a remote repository, copy the URL for the repository, and run:")]
    [InlineData("In another terminal:")]
    [InlineData("Then mount the device:")]
    [InlineData("It prints the list:")]
    [InlineData("Find the process. Then kill it:")]
    [InlineData("Find the process that opened a port")]
    public void TaskLine_NoTaskThatStandsAlone_IsNone(string line)
    {
        Assert.Null(QuestionGenerator.TaskLine(line));
    }

    [Theory]
    [InlineData("Find the processes that have a given file open", "Which command would you run to find the processes that have a given file open?")]
    [InlineData("To upgrade all installed packages", "Which command would you run to upgrade all installed packages?")]
    [InlineData("Creates a SOCKS proxy on the client", "Which command creates a SOCKS proxy on the client?")]
    [InlineData("Print the last column, using a comma as a field separator", "Which command would you run to print the last column, using a comma as a field separator?")]
    public void TaskQuestion_AnInstructionOrWhatTheCommandDoes_IsAsked(string task, string question)
    {
        Assert.Equal(question, QuestionGenerator.TaskQuestion(task, w => w is "find" or "upgrade"));
    }

    [Theory]
    // A label, not a task: a plural noun before a preposition, a noun the notes never write as a verb.
    [InlineData("Logs for one executable")]
    [InlineData("Kernel logs from current boot")]
    [InlineData("Do not use the cache when building the image")]
    public void TaskQuestion_ALabel_IsNotAsked(string task)
    {
        Assert.Null(QuestionGenerator.TaskQuestion(task, _ => false));
    }

    [Theory]
    [InlineData("`lsof -i :{{port}}`", "lsof -i :{{port}}")]
    [InlineData("```bash\n$ apt upgrade\n```", "apt upgrade")]
    [InlineData("```\n(my-folder) $ git init\n```", "git init")]
    public void CommandUnder_OneLineOfCode_IsTheCommand(string below, string command)
    {
        var lines = new List<string> { "Do it:", string.Empty };
        lines.AddRange(below.Split('\n'));

        Assert.Equal(command, QuestionGenerator.CommandUnder(lines, 1)?.Command);
    }

    [Theory]
    [InlineData("```bash\napt update\napt upgrade\n```")]
    [InlineData("Then run `apt upgrade` as root.")]
    [InlineData("`a` and `b`")]
    public void CommandUnder_MoreThanOneCommandOrProse_IsNone(string below)
    {
        var lines = new List<string> { "Do it:", string.Empty };
        lines.AddRange(below.Split('\n'));

        Assert.Null(QuestionGenerator.CommandUnder(lines, 1));
    }

    [Theory]
    // The same tool with more options does the task as well.
    [InlineData("rsync {{[-a|--archive]}} {{path/to/source}} {{path/to/destination}}", "rsync {{path/to/source}} {{path/to/destination}}", true)]
    [InlineData("sudo ausearch -m avc -ts recent -c myapp", "sudo ausearch -m avc -c nginx", true)]
    // Short options written together are the options one by one.
    [InlineData("ls -la", "ls {{[-a|--all]}}", true)]
    [InlineData("ls -l", "ls -a", false)]
    [InlineData("journalctl -b", "journalctl -k -b", false)]
    public void DoesMore_ACommandWithMoreOptions_DoesWhatTheCommandDoes(string other, string command, bool more)
    {
        Assert.Equal(more, QuestionGenerator.DoesMore(other, command));
    }

    [Theory]
    [InlineData("echo \"$PATH\"", "echo \"$HOME\"", true)]
    [InlineData("sudo apt install nano", "apt install httpd", true)]
    [InlineData("apt install nano", "apt remove nano", false)]
    [InlineData("ip -4 addr show", "ip addr show", false)]
    public void Operation_CommandsThatDifferInArgumentsAlone_DoOneThing(string a, string b, bool same)
    {
        Assert.Equal(same, QuestionGenerator.Operation(a).SetEquals(QuestionGenerator.Operation(b)));
    }

    [Theory]
    [InlineData("List files opened by the given user", "lsof -u {{username}}")]
    [InlineData("Update the list of available packages", "apt update")]
    [InlineData("Check app logs", "journalctl -u myapp -f")]
    [InlineData("Show last 5 lines in file", "tail -n 5 {{path/to/file}}")]
    public void CommandGiveaway_TheTaskLineNamesAWordOfTheKeyAlone_GivesItAway(string task, string key)
    {
        var q = new QuizQuestion("q", QuizQuestionKind.Command, "Which command …?", [key, "tool -a", "tool -b", "tool -c"], 0, task, new Citation(File, "s", 1, 1, task), key);

        Assert.NotNull(QuestionGenerator.CommandGiveaway(q, task));
    }

    [Fact]
    public void CommandGiveaway_AnOptionTheOtherChoicesWriteOnlyInPlaceholders_GivesItAway()
    {
        // Outside ratings 62 and 65: "-not -path" spelt out "excluding specific paths"; every find line's
        // {{path/to/directory}} had hidden it.
        const string task = "Find files matching a given pattern, excluding specific paths";
        const string key = "find {{path/to/directory}} -name '{{*.py}}' -not -path '{{*/site-packages/*}}'";
        var q = new QuizQuestion("q", QuizQuestionKind.Command, "Which command …?",
            [key, "find {{path/to/directory}} -maxdepth 1 -size {{+500k}}", "find {{path/to/directory}} -type {{f|d}} -empty -delete", "find {{path/to/directory}} -name '{{*.ext}}'"],
            0, task, new Citation(File, "s", 1, 1, task), key);

        Assert.NotNull(QuestionGenerator.CommandGiveaway(q, task));
    }

    [Fact]
    public void CommandGiveaway_AWordEveryChoiceHas_GivesNothingAway()
    {
        const string task = "Only output the process ID of a file's users";
        var q = new QuizQuestion("q", QuizQuestionKind.Command, "Which command …?", ["lsof -t {{path/to/file}}", "lsof {{path/to/file}}", "lsof -c {{path/to/file}}", "lsof +D {{path/to/file}}"], 0, task, new Citation(File, "s", 1, 1, task), "lsof -t {{path/to/file}}");

        Assert.Null(QuestionGenerator.CommandGiveaway(q, task));
    }

    [Fact]
    public void Generate_ACommandPage_AsksATaskAmongTheToolsOtherCommands_ForTheReserveAlone()
    {
        var lines = PingPage.Split('\n');
        var passages = NotesParser.Parse(File, PingPage).Select(e => e.Passage).ToList();
        var (kept, reserve) = QuestionGenerator.Tiers(passages, f => f == File ? lines : null, quality: NoteLines.KeepingEveryQuestion());
        var commands = reserve.Where(q => q.Kind == QuizQuestionKind.Command).ToList();

        Assert.DoesNotContain(kept, q => q.Kind == QuizQuestionKind.Command);
        var count = Assert.Single(commands, q => q.Answer == "ping -c … …");
        Assert.Equal("Which command would you run to ping a host only a specific number of times?", count.Text);
        Assert.Equal(4, count.Choices.Count);
        Assert.All(count.Choices, c => Assert.StartsWith("ping -", c, StringComparison.Ordinal));
        // The choices show no placeholder ("{{count}}" said "number of times" again); the citation keeps the command.
        Assert.All(count.Choices, c => Assert.DoesNotContain("{{", c, StringComparison.Ordinal));
        Assert.Contains("ping -c {{count}} {{host}}", count.Explanation, StringComparison.Ordinal);
        Assert.Equal((5, 7), (count.Citation.LineStart, count.Citation.LineEnd));
        // "the interval in seconds" names {{seconds}}, read on the command as the notes write it: not asked, though the
        // choice would show "ping -i … …". "Also display …" leans on the line before: no task.
        Assert.DoesNotContain(commands, q => q.Answer.StartsWith("ping -i", StringComparison.Ordinal) || q.Answer.StartsWith("ping -O", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ping -c {{count}} {{host}}", "ping -c … …")]
    [InlineData("git push {{remote_name}} {{[-d|--delete]}} {{remote_branch_name}}", "git push … -d …")]
    [InlineData("docker {{[run|container run]}} --name {{container_name}} {{image}}", "docker run --name … …")]
    [InlineData("git clone [url] name-of-new-folder", "git clone … name-of-new-folder")]
    [InlineData("uname -a", "uname -a")]
    [InlineData("grep --color ':[0-9]*:' /etc/group", "grep --color ':[0-9]*:' /etc/group")]
    [InlineData("tr '[a-z]' '[A-Z]' < <file>", "tr '[a-z]' '[A-Z]' < …")]
    public void CommandChoice_PlaceholdersAsEllipsesAndTheFirstSpelling(string command, string shown)
    {
        Assert.Equal(shown, QuestionGenerator.CommandChoice(command));
    }
}
