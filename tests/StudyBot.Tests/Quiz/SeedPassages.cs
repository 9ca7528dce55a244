using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Quiz;

/// <summary>Passages of knowledge/aws-devsecops.md, built by hand the way the notes parser cuts them.</summary>
internal static class SeedPassages
{
    public const string File = "aws-devsecops.md";

    public static string KnowledgeFolder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static IReadOnlyList<string>? ReadLines(string file)
    {
        var path = Path.Combine(KnowledgeFolder, file);
        return System.IO.File.Exists(path) ? System.IO.File.ReadAllText(path).Split('\n') : null;
    }

    private static Passage Bullet(string section, int line, string text) =>
        new(File, section, [section], line, line, text, PassageKind.Bullet);

    private static Passage Qa(string section, int start, int end, string question, string answer) =>
        new(File, section, [section], start, end, question + "\n" + answer, PassageKind.QuestionAnswer, question, answer);

    public static IReadOnlyList<Passage> All { get; } =
    [
        Qa("Dev Sec Ops", 3, 4, "AWS Secure?", "Yes it is highly secure, experts, tools make it more secure"),
        Bullet("Ways to make it more secure", 8, "web access firewall"),
        Bullet("Ways to make it more secure", 9, "WAF helps stop attackers on the application level i.e SQL injections"),
        Bullet("Ways to make it more secure", 10, "Security is a shared respomsibilty model"),
        Qa("Ways to make it more secure", 11, 12, "Can i use aws waf to protect web sites not hosted in AWS ?", "Yes - you can use it indirectly because cloudfront can work on top of your server and then connect to WAF"),
        Bullet("DDOS Attack", 16, "Use bots to send multiple request in order to overload website/system"),
        Bullet("AWS Shield", 20, "Provides protection against DDOS attacks for apps running on AWS"),
        Bullet("AWS Shield", 21, "AWS Shield Standard"),
        Bullet("AWS Guardduty", 26, "Threat detection service that continously monitor malicious activity and unathorized behavior"),
        Bullet("AWS Guardduty", 27, "Combones machine learning, anomaly detection, network monitoring and malicious file discovery, using both AWS and industry leading 3rd party sources"),
        Bullet("AWS Guardduty", 28, "Gives you accurate threat detection quickly"),
        Qa("Data Encryption", 32, 33, "If hackers manage to access your data how to make it unreadable?", "Encryption store data in blind text/unreadable format"),
        Bullet("Data Encryption", 34, "All data in Amazon S3 are automatically encrypted"),
        Bullet("Data Encryption", 35, "Server -side Encryption protects data at rest"),
        Bullet("Data Encryption", 36, "Client-side encryption protects data at rest and transit"),
        Bullet("Encryption Methods", 40, "Data at rest encryption (EBS, S3, RDS, Lambda etc)"),
        Bullet("Encryption Methods", 41, "Key Management Service - AWS managed encryption keys or Customer managed/provided keys"),
        Bullet("Encryption Methods", 42, "Hardware based cryptographic key storage (CloudSHM)"),
        Bullet("Encryption Methods", 44, "Data in transit using Secure Socket Layer Security (SSL/TLS)"),
        Qa("Can I use AWS KMS Key to encrypt data in", 47, 49, "Can I use AWS KMS Key to encrypt data in", "no"),
        Bullet("Amazon S3 managed keys (SSE-S3)", 53, "amazon creates key and manages it"),
        Bullet("Customer provided keys (SSE-C)", 58, "Customer creates key on 3rd party and AWS manages it"),
        Bullet("Envelope Encryption", 63, "Two leves of encryption"),
        Bullet("Envelope Encryption", 64, "encrypts data and master key"),
        Bullet("EBS Encryption", 71, "by default it is not encrypted"),
        Qa("Can we create un-encrypted EBS volume from an encrypted snapshot", 75, 77, "Can we create un-encrypted EBS volume from an encrypted snapshot", "No we cannot if original is encrypted then snapshot will be encrypted"),
        Qa("Does HSM can be placed at On-Premise", 82, 84, "Does HSM can be placed at On-Premise", "No only accessed via AWS"),
        Bullet("Does HSM can be placed at On-Premise", 86, "https is more secure ; http not secure as data is in plain text"),
        Qa("Can we attach both encrypted and unencrypted columes to an instance simoltaneously?", 91, 93, "Can we attach both encrypted and unencrypted columes to an instance simoltaneously?", "Yes we can"),
        Bullet("Monolithic", 97, "entrire code runs aas a single module"),
        Bullet("Monolithic", 98, "each and every part of the code is highly intergrated"),
        Bullet("Monolithic", 99, "even a small mistake will affect the whole code"),
        Bullet("Micro Services", 105, "Break code into smaller managable bits of code"),
        Bullet("Micro Services", 106, "to update you only stop a part of the code to update it"),
        Bullet("Container Services", 113, "used to run micro Service"),
        Bullet("Container Services", 115, "POD is used for network and allows communication"),
        Bullet("Container Services", 116, "POD is equivalent to vpc (network purposes)"),
        Bullet("Docker", 123, "open source software that allows you to build docker image"),
        Bullet("Docker image", 128, "read only template that contains everything needed to run a Docker Container ike the blueprint or snapshot of your application environment"),
        Bullet("Elastic Container Service", 134, "Exclusive to Amazon"),
        Bullet("Elastic Container Service", 135, "Fully managed by AWS"),
        Bullet("Elastic Kubernets Service", 141, "Used by most cloud Services (open source)"),
        Bullet("Elastic Kubernets Service", 142, "Can be used to migrate from different cloud service without changing code"),
    ];
}
