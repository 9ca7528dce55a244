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

    /// <summary>Parses group lines ("canonical, variant, multi word variant"); blank lines and # comments are skipped.</summary>
    internal static IReadOnlyList<string[]> ParseGroups(IEnumerable<string> lines) =>
        lines
            .Select(l => l.Split('#', 2)[0])
            .Select(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Words)
                .Where(w => w.Length > 0)
                .Select(w => string.Join(' ', w))
                .Distinct(StringComparer.Ordinal)
                .ToArray())
            .Where(g => g.Length >= 2)
            .ToList();

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
