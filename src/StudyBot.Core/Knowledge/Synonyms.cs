using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Acronyms and the names the notes spell out. Each group maps every variant to its first entry (the canonical
/// token), keeping the original words, so "web access firewall", "WAF" and "web application firewall" meet.
/// Teams extend the list with a synonyms file in the knowledge folder: one group a line, comma-separated,
/// canonical first, <c>#</c> starts a comment.
/// </summary>
internal static class Synonyms
{
    /// <summary>Built-in groups: cloud and networking acronyms and the spellings found in real notes.</summary>
    internal static readonly IReadOnlyList<string> DefaultGroups =
    [
        "hsm, cloudhsm, cloudshm, cloud hsm, hardware security module, hardware security modules",
        "kms, key management service, key management services",
        "sse, server side encryption",
        "cse, client side encryption",
        "ddos, distributed denial of service",
        "dos, denial of service",
        "waf, web application firewall, web access firewall",
        "ecs, elastic container service",
        "ecr, elastic container registry",
        "eks, elastic kubernetes service, elastic kubernets service",
        "ebs, elastic block store, elastic block storage",
        "efs, elastic file system",
        "s3, simple storage service",
        "ec2, elastic compute cloud",
        "iam, identity and access management",
        "vpc, virtual private cloud",
        "rds, relational database service",
        "sns, simple notification service",
        "sqs, simple queue service",
        "elb, elastic load balancer, elastic load balancing",
        "alb, application load balancer",
        "nlb, network load balancer",
        "ami, amazon machine image",
        "aws, amazon web services",
        "gcp, google cloud platform",
        "mfa, multi factor authentication",
        "sso, single sign on",
        "cdn, content delivery network",
        "dns, domain name system, domain name service",
        "tls, transport layer security",
        "ssl, secure sockets layer, secure socket layer",
        "http, hypertext transfer protocol",
        "https, hypertext transfer protocol secure",
        "tcp, transmission control protocol",
        "udp, user datagram protocol",
        "nat, network address translation",
        "lan, local area network",
        "wan, wide area network",
        "vlan, virtual lan, virtual local area network",
        "vpn, virtual private network",
        "dhcp, dynamic host configuration protocol",
        "arp, address resolution protocol",
        "icmp, internet control message protocol",
        "ttl, time to live",
        "cidr, classless inter domain routing",
        "bgp, border gateway protocol",
        "ospf, open shortest path first",
        "ssh, secure shell",
        "ftp, file transfer protocol",
        "smtp, simple mail transfer protocol",
        "snmp, simple network management protocol",
        "qos, quality of service",
        "osi, open systems interconnection",
        "ids, intrusion detection system",
        "ips, intrusion prevention system",
        "k8s, kubernetes",
        "rbac, role based access control",
        "pvc, persistent volume claim",
        "pv, persistent volume",
        "cni, container network interface",
        "cri, container runtime interface",
        "csi, container storage interface",
        "iac, infrastructure as code",
        "cli, command line interface",
        "api, application programming interface",
        "sla, service level agreement",
        "guardduty, guard duty",
    ];

    /// <summary>A longer synonym line is skipped: a group of names fits in far less, and Lucene refuses terms of
    /// 32,766 bytes and more (one 40,000-byte token used to stop the bot at start).</summary>
    internal const int MaxLineLength = 1000;

    /// <summary>A longer word is skipped with its line; no acronym or spelled-out name comes near it.</summary>
    internal const int MaxWordLength = 100;

    /// <summary>Parses group lines ("canonical, variant, multi word variant"); blank lines and # comments are skipped.</summary>
    internal static IReadOnlyList<string[]> ParseGroups(IEnumerable<string> lines) => ParseGroups(lines, "synonyms", null);

    /// <summary>Parses group lines; a line that is too long or has a too long word is skipped and, when
    /// <paramref name="failures"/> is given, reported with the file and its line number.</summary>
    internal static IReadOnlyList<string[]> ParseGroups(IEnumerable<string> lines, string file, List<FileFailure>? failures)
    {
        var groups = new List<string[]>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var content = line.Split('#', 2)[0];
            if (content.Length > MaxLineLength)
            {
                failures?.Add(new FileFailure(file, $"line {number} skipped: longer than {MaxLineLength} characters"));
                continue;
            }

            var variants = content.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Words)
                .Where(w => w.Length > 0)
                .ToList();
            if (variants.Any(words => words.Any(w => w.Length > MaxWordLength)))
            {
                failures?.Add(new FileFailure(file, $"line {number} skipped: a word is longer than {MaxWordLength} characters"));
                continue;
            }

            var group = variants.Select(w => string.Join(' ', w)).Distinct(StringComparer.Ordinal).ToArray();
            if (group.Length >= 2)
            {
                groups.Add(group);
            }
        }

        return groups;
    }

    /// <summary>Builds the map the synonym filter reads: every variant → the canonical token, originals kept.</summary>
    internal static SynonymMap Build(IEnumerable<string[]> groups)
    {
        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var group in groups)
        {
            var canonical = Words(group[0]);
            if (canonical.Length != 1)
            {
                // The canonical entry must be one token so a query word and a spelled-out name meet on one term.
                canonical = [string.Concat(canonical)];
            }

            var output = SynonymMap.Builder.Join(canonical, new CharsRef());
            foreach (var variant in group.Skip(1))
            {
                var words = Words(variant);
                if (words.Length == 0 || (words.Length == 1 && words[0] == canonical[0]))
                {
                    continue;
                }

                builder.Add(SynonymMap.Builder.Join(words, new CharsRef()), output, includeOrig: true);
            }
        }

        return builder.Build();
    }

    /// <summary>Splits like the tokenizer does for the simple words used in synonym lists (hyphen, slash, space).</summary>
    private static string[] Words(string phrase) =>
        phrase.ToLowerInvariant()
            .Split([' ', '-', '/', '_', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .ToArray();
}
