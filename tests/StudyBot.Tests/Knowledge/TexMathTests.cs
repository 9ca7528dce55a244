using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

public sealed class TexMathTests
{
    [Theory]
    [InlineData(@"\ce{H2O}", "H2O")]
    [InlineData(@"\ce{NH2^-}", "NH2-")]
    [InlineData(@"\ce{HC#CH}", "HC≡CH")]
    [InlineData(@"\ce{H_2O + CO_2 -> O_2 + C_6H_{12}O_6}", "H2O + CO2 → O2 + C6H12O6")]
    [InlineData(@"\sigma", "sigma")]
    [InlineData(@"\Delta EN", "Delta EN")]
    [InlineData(@"\text{pK}_a", "pKa")]
    [InlineData(@"\text{S}_\text{N}2", "SN2")]
    [InlineData(@"\text{Na}^+", "Na+")]
    [InlineData(@"\text{H}_2\text{O}", "H2O")]
    [InlineData(@"\text{ 1 } \rightarrow \text{ 2 }", "1 → 2")]
    [InlineData(@"x^2", "x^2")]
    [InlineData(@"x^{(i)}", "x^(i)")]
    [InlineData(@"x_0", "x0")]
    [InlineData(@"U_{\text{reduce}}", "U_reduce")]
    [InlineData(@"\frac{1}{m} X^T X", "1/m X^T X")]
    [InlineData(@"\sum_{i=1}^{n}", "∑_(i=1)^n")]
    [InlineData(@"m \times n", "m × n")]
    [InlineData(@"\sqrt{x + y}", "√(x + y)")]
    [InlineData(@"90^\circ", "90°")]
    [InlineData(@"m_p\sin i", "m_p sin i")]
    [InlineData(@"N = \underbrace{R_*f_p}_{N_{ast}} L", "N = R_*f_p_(N_ast) L")]
    [InlineData(@"\theta = \begin{bmatrix} -3 \\ 1 \\ 1 \end{bmatrix}", "theta = [-3; 1; 1]")]
    [InlineData(@"\begin{align} R_p & = a(1 - e) \\ R_a & = a(1 + e) \end{align}", "R_p = a(1 - e); R_a = a(1 + e)")]
    public void AsText_ReadsTexAsTheTextItShows(string tex, string shown) =>
        Assert.Equal(shown, TexMath.AsText(tex));

    [Theory]
    [InlineData(@"{{{{{{{{{{{{{{{{x}}}}}}}}}}}}}}}}")]
    [InlineData(@"\text{open")]
    [InlineData(@"x}")]
    public void AsText_TooDeepOrUnbalanced_IsNotRead(string tex) => Assert.Null(TexMath.AsText(tex));

    [Theory]
    [InlineData(@"\pi", true)]
    [InlineData("x_i", true)]
    [InlineData("k", true)]
    [InlineData("k=2", true)]
    [InlineData("k < n", true)]
    [InlineData("HOME/", false)]
    [InlineData("JAVA_HOME/", false)]
    [InlineData("COOH", true)]       // a formula of element symbols.
    [InlineData("OH", true)]
    [InlineData("NaCl", true)]
    [InlineData("HOME", false)]      // M and E are no elements.
    [InlineData("USER", false)]
    [InlineData("5 and ", false)]
    public void LooksLikeTex_OnlyTexShapedSpansAreRead(string between, bool tex) =>
        Assert.Equal(tex, TexMath.LooksLikeTex(between));

    [Fact]
    public void WithReadableMath_SpansTouchingWordsAreSetApart()
    {
        // As converted notes write it: no space on either side of the formula.
        const string line = @"- $\ce{C-H}$bonds are nonpolar because the difference between$\ce{C}$and$\ce{H}$ is small.";

        Assert.Equal("- C-H bonds are nonpolar because the difference between C and H is small.", TexMath.WithReadableMath(line));
    }

    [Fact]
    public void WithReadableMath_AScriptOfTheWordBefore_JoinsIt() =>
        Assert.Equal("three sp2 hybrid orbitals, x^2 and C12", TexMath.WithReadableMath("three sp$^2$ hybrid orbitals, x$^2$ and C$_{12}$"));

    [Fact]
    public void WithReadableMath_LeavesCodePricesAndShellVariables()
    {
        const string text =
            "Costs $5 and $10; set $JAVA_HOME/$PATH or `echo $\\alpha$` as written.\n" +
            "```latex\n" +
            "$\\sigma$\n" +
            "```\n" +
            "Then $\\sigma$ bonds.\n";

        var read = TexMath.WithReadableMath(text);

        Assert.Equal(text.Replace("Then $\\sigma$ bonds.", "Then sigma bonds.", StringComparison.Ordinal), read);
        Assert.Equal(text.Count(c => c == '\n'), read.Count(c => c == '\n'));
    }

    [Fact]
    public void WithReadableMath_LatexDelimitersAndDisplayFormulas_AreRead()
    {
        const string text =
            "Choose \\( k \\) components by \\(\\min J(\\theta_0, \\theta_1)\\).\n" +
            "$$\n" +
            "\\frac{1}{m}\n" +
            "\\sum_{i=1}^{m} x_i\n" +
            "$$\n" +
            "A sed group `s/\\(a\\)/b/` stays.\n";

        var read = TexMath.WithReadableMath(text).Split('\n');

        Assert.Equal(
            ["Choose k components by min J(theta0, theta1).", "", "1/m ∑_(i=1)^m x_i", "", "", "A sed group `s/\\(a\\)/b/` stays.", ""],
            read);
    }

    [Fact]
    public void Parse_InlineTex_IsQuotedAsText()
    {
        const string notes =
            "# Bonds\n" +
            "\n" +
            "A double bond has one $\\sigma$ bond and one $\\pi$ bond; water is $\\text{H}_2\\text{O}$.\n";

        var passage = Assert.Single(NotesParser.Parse("bonds.md", notes), e => e.Passage.Text.Contains("double bond", StringComparison.Ordinal)).Passage;

        Assert.Equal("A double bond has one sigma bond and one pi bond; water is H2O.", passage.Text);
        Assert.Equal(3, passage.LineStart);
    }

    [Fact]
    public void Parse_DisplayFormula_TitlesNothing()
    {
        const string notes =
            "# Acidity constant\n" +                                  // 1
            "\n" +                                                   // 2
            "$$\n" +                                                 // 3
            "\\text{p}K_a = -\\log K_a\n" +                          // 4
            "$$\n" +                                                 // 5
            "\n" +                                                   // 6
            "A larger pKa means a weaker acid.\n";                   // 7

        var entries = NotesParser.Parse("acids.md", notes);

        var formula = Assert.Single(entries, e => e.Passage.LineStart == 4).Passage;
        Assert.Equal("pKa = -log K_a", formula.Text);
        var prose = Assert.Single(entries, e => e.Passage.LineStart == 7).Passage;
        Assert.Equal("Acidity constant", prose.Section);
    }

    [Fact]
    public void WithReadableMath_ALineRunningIntoADisplayFormula_LeadsIntoIt()
    {
        const string text =
            "## Third Law\n" +
            "\n" +
            "More distant planets orbit at slower speeds, obeying the relationship\n" +
            "\n" +
            "$$\n" +
            "T^2 \\propto a^3\n" +
            "$$\n";

        var read = TexMath.WithReadableMath(text).Split('\n');

        Assert.Equal("More distant planets orbit at slower speeds, obeying the relationship:", read[2]);
        Assert.Equal("T^2 ∝ a^3", read[5]);
        Assert.Equal("## Third Law", read[0]);   // a heading is no prose that runs on.
    }
}
