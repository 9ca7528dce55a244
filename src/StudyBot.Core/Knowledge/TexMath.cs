using System.Text;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Inline LaTeX in the notes, read as the text it shows. Science and maths notes write formulas and formulae in dollars
/// (<c>$\ce{C-H}$ bonds</c>, <c>$\sigma$ and $\pi$ bonds</c>, <c>$\text{S}_\text{N}2$</c>), and answers and quiz
/// choices quoted the markup ("$\sigma$and$\pi$ bonds", "between$\ce{C}$and$\ce{H}$ is small") where a reader sees
/// "sigma and pi bonds" and "between C and H is small". No library on NuGet renders TeX as plain text, so this reads
/// the small part of it notes use: text-like commands by their argument, fractions as "a/b", Greek letters by their
/// names (the words a question types: "sigma bond", not "σ bond"), operators and arrows as their signs, scripts
/// written on the line ("H2O", "pKa", "Na+", "x^2"), and mhchem's bonds and arrows. A command it does not know is read
/// by its name ("\log" → "log"). Only a span shaped like TeX is read (a command, a script, a brace, one letter, or a
/// short relation such as "k=2"), so "$HOME/$USER" and prices stay as written. LaTeX's own delimiters are read too:
/// <c>\( k \)</c> inline, and a display formula between lines of "$$" (or "\[" and "\]"), which becomes one line of
/// text.
/// </summary>
internal static partial class TexMath
{
    /// <summary>The deepest brace nesting read; a span nested deeper is left as written (a client's text is read by
    /// recursion, so its depth is bounded).</summary>
    private const int MaxDepth = 12;

    /// <summary>The longest inline span read as TeX; a longer run between dollars is left as written.</summary>
    private const int MaxSpanLength = 400;

    /// <summary>Commands whose one argument is the text they show.</summary>
    private static readonly HashSet<string> TextCommands = new(StringComparer.Ordinal)
    {
        "text", "textrm", "textbf", "textit", "textsf", "texttt", "mathrm", "mathbf", "mathit", "mathsf", "mathtt",
        "mathcal", "mathbb", "boldsymbol", "operatorname", "mbox", "hbox", "ce", "pu", "emph", "hat", "bar", "vec",
        "tilde", "overline", "underline", "widehat", "dot", "underbrace", "overbrace", "boxed",
    };

    /// <summary>Commands that show nothing themselves (sizing and spacing).</summary>
    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal)
    {
        "left", "right", "big", "Big", "bigg", "Bigg", "displaystyle", "textstyle", "limits", "nolimits", "quad",
        "qquad", "middle",
    };

    /// <summary>Relations, arrows and binary operators, shown as their sign with a space each side. Greek letters are
    /// in neither table: they read as their names.</summary>
    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["mp"] = "∓", ["div"] = "÷", ["le"] = "≤", ["leq"] = "≤",
        ["ge"] = "≥", ["geq"] = "≥", ["ne"] = "≠", ["neq"] = "≠", ["approx"] = "≈", ["sim"] = "~", ["equiv"] = "≡",
        ["propto"] = "∝", ["to"] = "→", ["rightarrow"] = "→", ["longrightarrow"] = "→", ["leftarrow"] = "←",
        ["longleftarrow"] = "←", ["Rightarrow"] = "⇒", ["implies"] = "⇒", ["Leftarrow"] = "⇐", ["leftrightarrow"] = "↔",
        ["Leftrightarrow"] = "⇔", ["iff"] = "⇔", ["rightleftharpoons"] = "⇌", ["in"] = "∈", ["notin"] = "∉",
        ["subset"] = "⊂", ["subseteq"] = "⊆", ["cup"] = "∪", ["cap"] = "∩", ["land"] = "∧", ["lor"] = "∨",
        ["perp"] = "⊥", ["parallel"] = "∥", ["mid"] = "|",
    };

    /// <summary>Signs that stand on their own or before a script (∑ before its bounds), without added space.</summary>
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["infty"] = "∞", ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["partial"] = "∂", ["nabla"] = "∇",
        ["forall"] = "∀", ["exists"] = "∃", ["neg"] = "¬", ["circ"] = "°", ["degree"] = "°", ["ldots"] = "…",
        ["cdots"] = "…", ["dots"] = "…", ["prime"] = "′", ["angle"] = "∠", ["ast"] = "*", ["star"] = "*",
        ["langle"] = "⟨", ["rangle"] = "⟩", ["lvert"] = "|", ["rvert"] = "|", ["vert"] = "|", ["lbrace"] = "{",
        ["rbrace"] = "}", ["backslash"] = "\\", ["uparrow"] = "↑", ["downarrow"] = "↓",
    };

    /// <summary>mhchem's arrows and bonds inside <c>\ce{…}</c>, longest first.</summary>
    private static readonly (string Tex, string Shown)[] Chemistry =
    [
        ("<=>", "⇌"), ("<->", "↔"), ("->", "→"), ("<-", "←"), ("#", "≡"),
    ];

    /// <summary>The notes with each inline TeX span outside code read as text (<see cref="AsText(string)"/>), each line where
    /// it was. A span that touches a word on either side ("$\ce{C-H}$bonds", common where notes were converted) is set
    /// apart by a space; one that is only a script of the word before ("H$_2$O") is not.</summary>
    public static string WithReadableMath(string text)
    {
        if (!text.Contains('$', StringComparison.Ordinal) && !text.Contains("\\(", StringComparison.Ordinal)
            && !text.Contains("\\[", StringComparison.Ordinal))
        {
            return text;
        }

        var spans = Mdx.LineSpans(text);
        var lines = spans.Select(l => text[l.Start..l.End]).ToList();
        string? fence = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                fence = Mdx.ClosesFence(line, fence) ? null : fence;
            }
            else if (Mdx.Fence().Match(line) is { Success: true } opening)
            {
                fence = opening.Groups[2].Value;
            }
            else if (DisplayEnd(lines, i) is var close and > 0)
            {
                i = ReadDisplay(lines, i, close);
            }
            else if (line.Contains('$', StringComparison.Ordinal) || line.Contains("\\(", StringComparison.Ordinal))
            {
                lines[i] = ReadableLine(line);
            }
        }

        var read = new StringBuilder(text.Length);
        var at = 0;
        foreach (var ((start, end), line) in spans.Zip(lines))
        {
            read.Append(text, at, start - at).Append(line);
            at = end;
        }

        return read.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The furthest a display formula's closing line is looked for.</summary>
    private const int MaxDisplayLines = 20;

    /// <summary>The line that closes a display formula opened on line <paramref name="i"/> (a line of only "$$" or
    /// "\[", closed by "$$" or "\]"); -1 when the line opens none or nothing closes it near.</summary>
    private static int DisplayEnd(List<string> lines, int i)
    {
        var opening = lines[i].Trim();
        var closing = opening switch { "$$" => "$$", "\\[" => "\\]", _ => null };
        if (closing is null)
        {
            return -1;
        }

        for (var k = i + 1; k < lines.Count && k <= i + MaxDisplayLines; k++)
        {
            var trimmed = lines[k].Trim();
            if (trimmed == closing)
            {
                return k;
            }

            if (trimmed.Length == 0)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>A display formula over several lines read as one line of text on its first line; its delimiters and
    /// other lines left blank, so every line stays where it was. Left as written when it does not read.</summary>
    private static int ReadDisplay(List<string> lines, int open, int close)
    {
        var tex = string.Join(' ', lines.Skip(open + 1).Take(close - open - 1).Select(l => l.Trim()));
        if (tex.Length > MaxSpanLength || AsText(tex) is not { Length: > 0 } shown)
        {
            return close;
        }

        var indent = lines[open][..(lines[open].Length - lines[open].TrimStart().Length)];
        for (var k = open; k <= close; k++)
        {
            lines[k] = k == open + 1 ? indent + shown : "";
        }

        LeadInto(lines, open);
        return close;
    }

    /// <summary>The prose line just above a display formula (a blank line between them at most), when it runs into the
    /// formula without a stop ("More distant planets orbit at slower speeds, obeying the relationship"), ends in a colon:
    /// it leads into the formula as a colon would, and the parser reads such a line with the block it introduces rather
    /// than as a sentence of its own (a quiz quoted it, cut off, as what Kepler's third law is described as).</summary>
    private static void LeadInto(List<string> lines, int open)
    {
        var above = open - 1;
        if (above >= 0 && lines[above].Trim().Length == 0)
        {
            above--;
        }

        if (above >= 0 && lines[above].TrimEnd() is { Length: > 0 } line && char.IsLetterOrDigit(line[^1])
            && !line.TrimStart().StartsWith('#') && !line.TrimStart().StartsWith('|'))
        {
            lines[above] = line + ":";
        }
    }

    /// <summary>One line with its TeX spans read, code spans (between backticks) left as written.</summary>
    private static string ReadableLine(string line)
    {
        var read = new StringBuilder(line.Length);
        var at = 0;
        foreach (Match code in CodeSpan().Matches(line))
        {
            read.Append(Spans(line[at..code.Index])).Append(code.Value);
            at = code.Index + code.Length;
        }

        return read.Append(Spans(line[at..])).ToString();
    }

    private static string Spans(string prose) => Parenthesised().Replace(Dollars(prose), m =>
        LooksLikeTex(m.Groups["tex"].Value) && AsText(m.Groups["tex"].Value) is { Length: > 0 } shown ? shown : m.Value);

    private static string Dollars(string prose) => !prose.Contains('$', StringComparison.Ordinal) ? prose : Span().Replace(prose, m =>
    {
        var tex = m.Groups["tex"].Value;
        if (tex.Length > MaxSpanLength || !LooksLikeTex(tex))
        {
            return m.Value;
        }

        // A script of the word before it ("sp$^2$", "C$_{12}$") stands on that word.
        var script = tex[0] is '_' or '^';
        var letters = script ? prose[..m.Index].Reverse().TakeWhile(char.IsLetter).Count() : 0;
        if (AsText(tex, letters switch { 0 => Base.None, 1 => Base.Variable, _ => Base.Word }) is not { Length: > 0 } shown)
        {
            return m.Value;
        }

        var before = m.Index > 0 ? prose[m.Index - 1] : ' ';
        var after = m.Index + m.Length < prose.Length ? prose[m.Index + m.Length] : ' ';
        return (char.IsLetterOrDigit(before) && !script ? " " : "") + shown + (char.IsLetterOrDigit(after) && !script ? " " : "");
    });

    private static readonly System.Buffers.SearchValues<char> TexMarks = System.Buffers.SearchValues.Create("\\^_{");

    /// <summary>Whether what stands between two dollars is TeX: a command, a script or a brace, one letter (with
    /// digits: "x0"), or a short relation between two such ("k=2", "k &lt; n").</summary>
    internal static bool LooksLikeTex(string tex) =>
        (tex.AsSpan().IndexOfAny(TexMarks) >= 0 && !ShellVariable().IsMatch(tex)) || Variable().IsMatch(tex) || ShortRelation().IsMatch(tex)
        || IsChemicalFormula(tex);

    /// <summary>The chemical elements' symbols, for <see cref="IsChemicalFormula"/>.</summary>
    private static readonly HashSet<string> Elements = new(
        ("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb " +
         "Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg " +
         "Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr").Split(' '), StringComparer.Ordinal);

    /// <summary>Whether a span is a formula of element symbols with counts and a charge ("$OH$", "$NaCl$", "$CO2$"):
    /// biology and chemistry notes set them in dollars without any TeX mark. Every symbol must be an element's, so
    /// "$HOME$" (M and E are none) stays as written.</summary>
    internal static bool IsChemicalFormula(string tex) => AllElements(tex, ElementRun().Matches(tex));

    /// <summary><see cref="IsChemicalFormula"/> with the span's element runs already matched.</summary>
    private static bool AllElements(string tex, MatchCollection parts) =>
        parts.Count > 0 && parts.Sum(m => m.Length) == tex.Length - (tex[^1] is '+' or '-' ? 1 : 0)
        && parts.All(m => Elements.Contains(m.Groups["symbol"].Value));

    /// <summary>More atoms of one element than a formula in notes writes (a polymer's repeat unit is written with n):
    /// a larger count is a number that only looks like a formula's, and summing such counts could overflow.</summary>
    private const int MaxAtoms = 10_000;

    /// <summary>How many atoms of each element a written formula holds ("CH3CH2CH3" and "C3H8": C 3, H 8); null for a
    /// word that is no formula of two elements or more with a count (a name, "CO", "pKa").</summary>
    internal static Dictionary<string, int>? ElementCounts(string word)
    {
        if (word.Length < 3 || !word.Any(char.IsDigit) || ElementRun().Matches(word) is var parts && !AllElements(word, parts))
        {
            return null;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in parts)
        {
            // A part number in the notes ("P99999999999") or other scripts' digits (\d is any) are no atom count, and
            // int.Parse threw on them out of the quiz's checks.
            var digits = m.Value[m.Groups["symbol"].Length..];
            var count = 1;
            if (digits.Length > 0 && (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count > MaxAtoms))
            {
                return null;
            }

            counts[m.Groups["symbol"].Value] = counts.GetValueOrDefault(m.Groups["symbol"].Value) + count;
        }

        return counts.Count >= 2 ? counts : null;
    }

    [GeneratedRegex(@"(?<symbol>[A-Z][a-z]?)\d*")]
    private static partial Regex ElementRun();

    /// <summary>A TeX span read as text; null when it is nested deeper than <see cref="MaxDepth"/> or its braces do not
    /// close.</summary>
    internal static string? AsText(string tex) => AsText(tex, Base.None);

    private static string? AsText(string tex, Base before)
    {
        var reader = new Reader(tex);
        var shown = reader.Read(0, chemistry: false, before);
        return reader.Failed ? null : InsideBrackets().Replace(Lexicon.Spaces().Replace(shown, " ").Replace(" ;", ";", StringComparison.Ordinal), "").Trim();
    }

    /// <summary>What a script stands on: nothing it reads as a base, a one-letter variable (a letter, a Greek
    /// letter's name), or a word (letters, or a text command's argument).</summary>
    private enum Base
    {
        None,
        Variable,
        Word,
    }

    private sealed class Reader(string tex)
    {
        private int _at;

        public bool Failed { get; private set; }

        /// <summary>Reads until the end, or to the closing brace of the group it was called for.</summary>
        public string Read(int depth, bool chemistry, Base before = Base.None)
        {
            if (depth > MaxDepth)
            {
                Failed = true;
                return "";
            }

            var shown = new StringBuilder();
            var @base = before;
            var letters = 0;
            while (_at < tex.Length && !Failed)
            {
                var c = tex[_at];
                if (c == '}')
                {
                    Failed |= depth == 0;
                    _at++;
                    return shown.ToString();
                }

                if (chemistry && Array.FindIndex(Chemistry, p => string.CompareOrdinal(tex, _at, p.Tex, 0, p.Tex.Length) == 0) is var bond and >= 0)
                {
                    var (written, sign) = Chemistry[bond];
                    shown.Append(written.Length > 1 ? $" {sign} " : sign);
                    _at += written.Length;
                    (@base, letters) = (Base.None, 0);
                    continue;
                }

                _at++;
                switch (c)
                {
                    case '{':
                        var group = Read(depth + 1, chemistry);
                        shown.Append(group);
                        (@base, letters) = (group.Length > 0 && group.All(char.IsLetter) ? Base.Word : Base.None, 0);
                        break;
                    case '_' or '^':
                        shown.Append(Script(c, Argument(depth, chemistry), @base, chemistry));
                        (@base, letters) = (Base.None, 0);
                        break;
                    case '\\':
                        var (text, kind) = Command(depth, chemistry);
                        if (kind == Base.Variable && shown.Length > 0 && char.IsLetterOrDigit(shown[^1]))
                        {
                            // A name after a letter or number is a word of its own ("m_p\sin i" → "m_p sin i").
                            shown.Append(' ');
                        }

                        shown.Append(text);
                        (@base, letters) = (kind, 0);
                        break;
                    case '&':
                        // An alignment point ("R_p & = a(1 - e)"); "\&" is the character.
                        break;
                    case '~':
                        shown.Append(' ');
                        (@base, letters) = (Base.None, 0);
                        break;
                    default:
                        shown.Append(c);
                        letters = char.IsLetter(c) ? letters + 1 : 0;
                        // A letter right after a word or a text command's argument goes on with it ("\text{p}K_a" → "pKa").
                        @base = letters switch { 0 => Base.None, 1 when @base != Base.Word => Base.Variable, _ => Base.Word };
                        break;
                }
            }

            Failed |= depth > 0;
            return shown.ToString();
        }

        /// <summary>A command's text, read after its backslash, and what a script after it stands on.</summary>
        private (string Text, Base Base) Command(int depth, bool chemistry)
        {
            var start = _at;
            while (_at < tex.Length && char.IsAsciiLetter(tex[_at]))
            {
                _at++;
            }

            if (_at == start)
            {
                // "\," "\;" "\!" "\ " are spaces; "\\" ends one of several lines (an align's equations), read as "; ";
                // "\{" "\%" "\$" "\&" are the character itself.
                var escaped = _at < tex.Length ? tex[_at++] : ' ';
                return (escaped switch { ',' or ';' or '!' or ' ' or ':' => " ", '\\' => "; ", _ => escaped.ToString() }, Base.None);
            }

            var name = tex[start.._at];
            if (name is "frac" or "dfrac" or "tfrac")
            {
                var (over, under) = (Argument(depth, chemistry), Argument(depth, chemistry));
                return ($"{Grouped(over)}/{Grouped(under)}", Base.None);
            }

            if (name == "sqrt")
            {
                return ("√" + Grouped(Argument(depth, chemistry)), Base.None);
            }

            if (TextCommands.Contains(name))
            {
                return (Argument(depth, chemistry: chemistry || name is "ce" or "pu"), Base.Word);
            }

            if (Silent.Contains(name))
            {
                return ("", Base.None);
            }

            if (name is "begin" or "end")
            {
                // An environment's name ("align", "cases") is no text of the formula; a matrix shows its brackets
                // ("\begin{bmatrix} -3 \\ 1 \end{bmatrix}" → "[-3; 1]").
                var bracket = Argument(depth, chemistry) switch
                {
                    "bmatrix" => "[]",
                    "pmatrix" => "()",
                    "vmatrix" => "||",
                    "Bmatrix" => "{}",
                    _ => "  ",
                };
                return ((name == "begin" ? bracket[0] : bracket[1]).ToString().Trim(), Base.None);
            }

            if (Operators.TryGetValue(name, out var op))
            {
                return ($" {op} ", Base.None);
            }

            if (Symbols.TryGetValue(name, out var symbol))
            {
                return (symbol, Base.None);
            }

            // A name read as a word ("\sigma" → "sigma", "\log" → "log") is set apart from a letter or command after it.
            var apart = _at < tex.Length && (char.IsLetter(tex[_at]) || tex[_at] == '\\') ? " " : "";
            return (name + apart, apart.Length == 0 ? Base.Variable : Base.None);
        }

        /// <summary>A command's or a script's argument: a braced group, a command, or one character.</summary>
        private string Argument(int depth, bool chemistry)
        {
            while (_at < tex.Length && tex[_at] == ' ')
            {
                _at++;
            }

            if (_at >= tex.Length)
            {
                return "";
            }

            var c = tex[_at++];
            return c switch
            {
                '{' => Read(depth + 1, chemistry),
                '\\' => Command(depth, chemistry).Text.Trim(),
                _ => c.ToString(),
            };
        }
    }

    /// <summary>A script on the line. Digits, charges, degrees and a word's subscript join their base as chemists and
    /// most notes write them ("H2O", "Na+", "pKa", "SN2", "sp3", "90°"); a power or index of a one-letter variable
    /// keeps its sign ("x^2", "x_i"), and a longer one its parentheses ("x^(i)", "∑_(i=1)").</summary>
    private static string Script(char sign, string script, Base on, bool chemistry)
    {
        script = Lexicon.Spaces().Replace(script, " ").Trim();
        if (script.Length == 0)
        {
            return "";
        }

        var joins = chemistry
            || script.All(c => c is '+' or '-' or '−' or '°' or '′' or '\'')
            || (sign == '_' && script.All(char.IsAsciiDigit))
            || (on == Base.Word && script.All(char.IsLetterOrDigit));
        return joins ? script : $"{sign}{Grouped(script)}";
    }

    /// <summary>A part of a fraction or a script in parentheses when it is more than one word or number and not
    /// already in them.</summary>
    private static string Grouped(string part)
    {
        part = Lexicon.Spaces().Replace(part, " ").Trim();
        var enclosed = part.StartsWith('(') && part.IndexOf(')', StringComparison.Ordinal) == part.Length - 1;
        return enclosed || part.Length <= 1 || part.All(char.IsLetterOrDigit) ? part : $"({part})";
    }

    /// <summary>An inline span: one or two dollars, TeX that neither opens nor closes with a space, and no digit right
    /// after the closing (Pandoc's rule, so "$5 and $10" is no span). A backslash-escaped dollar is not a delimiter.</summary>
    [GeneratedRegex(@"(?<![\\$])(?<d>\${1,2})(?<tex>[^\s$](?:[^$\n]*[^\s$\\])?)\k<d>(?![$\d])")]
    private static partial Regex Span();

    /// <summary>An inline formula in LaTeX's own delimiters, <c>\( k \)</c>, spaces inside allowed.</summary>
    [GeneratedRegex(@"\\\(\s*(?<tex>[^\n]{1,400}?)\s*\\\)")]
    private static partial Regex Parenthesised();

    /// <summary>A code span: a run of backticks, what it holds, and the same run.</summary>
    [GeneratedRegex(@"(`+)[^`]+?\1(?!`)")]
    private static partial Regex CodeSpan();

    /// <summary>What stands between two shell variables in prose ("$JAVA_HOME/$PATH" holds "JAVA_HOME/"): a name in
    /// capitals with an underscore after its second character, and perhaps a path sign.</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9]+_[A-Z0-9_]+[/:.]?$")]
    private static partial Regex ShellVariable();

    [GeneratedRegex(@"^[A-Za-z][0-9]*$")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^[A-Za-z0-9]{1,3} ?(?:=|<|>|<=|>=) ?[A-Za-z0-9.]{1,6}$")]
    private static partial Regex ShortRelation();

    /// <summary>A space just inside a bracket or parenthesis, left where a group or a matrix opened or closed.</summary>
    [GeneratedRegex(@"(?<=[\[(]) | (?=[\])])")]
    private static partial Regex InsideBrackets();
}
