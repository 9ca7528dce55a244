using System.Text;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The questions available now: the team's own (<c>*.quiz.md</c>, preferred) followed by those generated from the
/// indexed passages. Refreshed when the knowledge base reloads; safe to read from any thread.
/// </summary>
public sealed partial class QuestionBank : IDisposable
{
    private readonly IKnowledgeBase _knowledge;
    private readonly string _folder;
    private readonly ILogger<QuestionBank> _logger;
    private readonly QuizTermModel _model;
    private readonly Lock _refreshLock = new();
    private volatile Snapshot? _snapshot;

    /// <param name="model">The sentence model that picks wrong choices of the key's kind; none writes from the notes'
    /// counts alone (<see cref="QuizTermModel"/>).</param>
    public QuestionBank(IKnowledgeBase knowledge, QuizKnowledgeFolder folder, ILogger<QuestionBank> logger, QuizTermModel? model = null)
    {
        _knowledge = knowledge;
        _folder = folder.Path;
        _logger = logger;
        _model = model ?? QuizTermModel.None;
        _knowledge.Reloaded += OnReloaded;
    }

    private sealed record Snapshot(
        DateTimeOffset LoadedAt,
        IReadOnlyList<QuizQuestion> Questions,
        IReadOnlyList<QuizQuestion> Reserve,
        IReadOnlyDictionary<string, QuizQuestion> ById,
        IReadOnlyList<QuizFileIssue> Issues,
        IReadOnlySet<string> ReplacedIds,
        int Replaced,
        IReadOnlyList<string> TeamFiles);

    /// <summary>All questions, team questions first.</summary>
    public IReadOnlyList<QuizQuestion> Questions => Current.Questions;

    /// <summary>Generated questions that pass every check but score below the item-quality threshold, best first
    /// (<see cref="QuestionGenerator.Tiers"/>): asked only when every question of the bank has been.</summary>
    public IReadOnlyList<QuizQuestion> Reserve => Current.Reserve;

    /// <summary>The team's quiz files (<c>*.quiz.md</c>) read, relative to the notes folder, in the order read.</summary>
    public IReadOnlyList<string> TeamFiles => Current.TeamFiles;

    /// <summary>Entries of <c>*.quiz.md</c> files that were skipped, and why.</summary>
    public IReadOnlyList<QuizFileIssue> Issues => Current.Issues;

    /// <summary>How many generated questions (bank or reserve) the team's files replace and so are not asked
    /// (<see cref="TeamQuestionWriter"/>).</summary>
    public int Replaced => Current.Replaced;

    /// <summary>The generated questions the daily quiz does not ask (<see cref="QuestionGenerator.Drafts"/>), best first:
    /// none that the bank, its reserve or a team file holds (by its <c>Replaces:</c> line or an entry's comment), and how
    /// many the team's files hold (kept or retired there). Written on each call (the generator runs again), for
    /// <c>quiz --drafts</c>; the bot never asks them.</summary>
    public (IReadOnlyList<QuizDraft> Drafts, int InTeamFiles) Drafts()
    {
        var current = Current;
        var all = QuestionGenerator.Drafts(_knowledge.Passages, ReadLines, _model.Model, QuizItemModel.Current,
            current.Questions.Concat(current.Reserve).Where(q => q.Kind != QuizQuestionKind.Team));
        bool InTeamFiles(QuizDraft d) => current.ReplacedIds.Contains(d.Question.Id) || current.ById.ContainsKey(d.Question.Id);

        // A team question of the teacher's own that cites a draft's lines asks its fact already (not counted above: it
        // is no draft the teacher kept).
        var teamLines = current.Questions.Where(q => q.Kind == QuizQuestionKind.Team).Select(q => QuestionGenerator.CitedLines(q.Citation)).ToHashSet(StringComparer.Ordinal);
        var open = all.Where(d => !InTeamFiles(d) && !teamLines.Contains(QuestionGenerator.CitedLines(d.Question.Citation))).ToList();
        return (open, all.Count(InTeamFiles));
    }

    /// <summary>The question with this id, if it is still in the bank.</summary>
    public QuizQuestion? Find(string id) => Current.ById.GetValueOrDefault(id);

    /// <summary>Rebuilds the bank from the passages that serve now and the quiz files on disk.</summary>
    public void Refresh()
    {
        lock (_refreshLock)
        {
            _snapshot = Build();
        }
    }

    public void Dispose() => _knowledge.Reloaded -= OnReloaded;

    private Snapshot Current
    {
        get
        {
            var s = _snapshot;
            if (s is not null && s.LoadedAt == _knowledge.Stats.LoadedAt)
            {
                return s;
            }

            lock (_refreshLock)
            {
                s = _snapshot;
                if (s is null || s.LoadedAt != _knowledge.Stats.LoadedAt)
                {
                    s = Build();
                    _snapshot = s;
                }

                return s;
            }
        }
    }

    /// <summary>The bank is rebuilt at its next use, not inside the reload: a reload of large notes is not held up
    /// by a bank nobody asked for yet.</summary>
    private void OnReloaded(object? sender, ReloadReport report) => _snapshot = null;

    private Snapshot Build()
    {
        var loadedAt = _knowledge.Stats.LoadedAt;
        var passages = _knowledge.Passages;
        var (generated, reserve) = QuestionGenerator.Tiers(passages, ReadLines, _model.Model, QuizItemModel.Current);
        string? SectionOf(string file, int start, int end) =>
            passages.FirstOrDefault(p => p.File == file && p.LineStart <= end && start <= p.LineEnd)?.Section;
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var teamFiles = new List<string>();
        var (team, issues) = TeamQuestionParser.ParseFolder(_folder, SectionOf, replaced, teamFiles, generated.Concat(reserve));
        foreach (var issue in issues)
        {
            LogIssue(_logger, issue.File, issue.Line, issue.Reason);
        }

        // A generated question a team file replaces (quiz --markdown, kept, reworded or deleted there) is not asked
        // from the notes: a teacher who deleted it meant it, and a kept one would be asked twice.
        var all = team.Concat(generated.Where(q => !replaced.Contains(q.Id)))
            .GroupBy(q => q.Id, StringComparer.Ordinal).Select(g => g.First())
            .ToList();
        var ids = all.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var spare = reserve.Where(q => !replaced.Contains(q.Id) && ids.Add(q.Id)).ToList();
        var replacedCount = generated.Concat(reserve).Count(q => replaced.Contains(q.Id));
        LogBank(_logger, team.Count, all.Count - team.Count, spare.Count, replacedCount, _model.Status);
        return new Snapshot(loadedAt, all, spare, all.Concat(spare).ToDictionary(q => q.Id, StringComparer.Ordinal), issues, replaced, replacedCount, teamFiles);
    }

    private IReadOnlyList<string>? ReadLines(string file) => ReadLines(_folder, file);

    /// <summary>A notes file's lines as <c>sed -n</c> counts them (only \n ends a line), or null.</summary>
    public static IReadOnlyList<string>? ReadLines(string folder, string file)
    {
        try
        {
            var path = Path.GetFullPath(Path.Combine(folder, file));

            // A cited file is quoted only from inside the notes folder (no "../" or link out of it), as the notes are.
            return File.Exists(path) && NotesLoader.IsInsideFolder(folder, path) ? File.ReadAllText(path, Encoding.UTF8).Split('\n') : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quiz file {File} line {Line} skipped: {Reason}")]
    private static partial void LogIssue(ILogger logger, string file, int line, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiz bank: {Team} team questions, {Generated} generated, {Reserve} in reserve, {Replaced} replaced by the team's files (kind model {ModelStatus})")]
    private static partial void LogBank(ILogger logger, int team, int generated, int reserve, int replaced, string modelStatus);
}

/// <summary>The knowledge folder, resolved to a full path (where <c>*.quiz.md</c> files are read from).</summary>
public sealed record QuizKnowledgeFolder(string Path);
