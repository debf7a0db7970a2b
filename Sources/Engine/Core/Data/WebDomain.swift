/// Web domains as CRMs and help desks write them: an account's website
/// (`https://www.acme.com/contact`, `acme.com`) and a requester's e-mail
/// (`Ana <ana@eu.acme.com>`) come down to one lower-case host, so a ticket can reach its
/// account by the requester's address.
public enum WebDomain {
    /// The host of a website or bare domain, lower-cased, without scheme, `www.`, port, path
    /// or a trailing dot; nil when what is left is no domain (no dot, a space, an `@`).
    public static func of(website text: String) -> String? {
        var s = Substring(text.lowercased()).trimmingSpaces()
        for scheme in ["https://", "http://", "//"] where s.hasPrefix(scheme) { s = s.dropFirst(scheme.count); break }
        if let cut = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" }) { s = s[..<cut] }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        while s.hasSuffix(".") { s = s.dropLast() }
        return valid(s) ? String(s) : nil
    }

    /// The domain of an e-mail address (`ana@acme.com`, `"Ana" <ana@acme.com>`,
    /// `mailto:ana@acme.com`); nil when the text holds none.
    public static func of(email text: String) -> String? {
        var s = Substring(text).trimmingSpaces()
        if let open = s.lastIndex(of: "<"), let close = s.lastIndex(of: ">"), open < close {
            s = s[s.index(after: open)..<close]
        }
        guard let at = s.lastIndex(of: "@"), at != s.startIndex else { return nil }
        var host = Substring(s[s.index(after: at)...].lowercased()).trimmingSpaces()
        while host.hasSuffix(".") { host = host.dropLast() }
        return valid(host) ? String(host) : nil
    }

    /// Whether the text is an e-mail address (something before an `@`, a domain after).
    public static func isEmail(_ text: String) -> Bool { of(email: text) != nil }

    private static func valid(_ s: Substring) -> Bool {
        guard s.count >= 3, s.contains("."), !s.hasPrefix("."), !s.contains("..") else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
    }

    /// The domain and its parents down to two labels (`eu.mail.acme.com`, `mail.acme.com`,
    /// `acme.com`): a requester at a subsidiary's mail host still reaches the account.
    package static func candidates(_ domain: String) -> [String] {
        var out = [domain]
        var rest = Substring(domain)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            guard rest.contains(".") else { break }
            out.append(String(rest))
        }
        return out
    }

    /// Mail providers anyone can sign up to: their domains say nothing about the account,
    /// so they never link a ticket (a shop whose website field says gmail.com links by
    /// name or id only).
    public static func isPersonal(_ domain: String) -> Bool {
        if personal.contains(domain) { return true }
        // gmail.co.uk, yahoo.com.br, hotmail.fr: a provider's name under a country suffix.
        let labels = domain.split(separator: ".")
        guard labels.count >= 2, labels.count <= 3, let first = labels.first else { return false }
        return providers.contains(String(first)) && labels.dropFirst().allSatisfy { $0.count <= 3 }
    }

    /// Names that are mail brands only (not also a company's own site), under any country suffix.
    private static let providers: Set<String> = [
        "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "rocketmail", "aol", "icloud",
        "gmx", "yandex", "protonmail", "libero", "wanadoo", "laposte", "seznam", "rediffmail", "naver", "hanmail",
        "qq", "163", "126", "btinternet", "sbcglobal", "bellsouth", "bigpond", "optusnet",
    ]

    private static let personal: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "rocketmail.com", "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me",
        "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com", "email.com", "yandex.com", "yandex.ru", "mail.ru",
        "inbox.ru", "list.ru", "bk.ru", "zoho.com", "fastmail.com", "hey.com", "tutanota.com", "tuta.io",
        "qq.com", "163.com", "126.com", "sina.com", "naver.com", "hanmail.net", "daum.net", "t-online.de",
        "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "libero.it", "virgilio.it", "seznam.cz",
        "wp.pl", "o2.pl", "onet.pl", "interia.pl", "rediffmail.com", "btinternet.com", "sky.com", "comcast.net",
        "verizon.net", "att.net", "sbcglobal.net", "bellsouth.net", "cox.net", "charter.net", "earthlink.net",
        "posteo.de", "mailbox.org", "hushmail.com", "terra.com.br", "uol.com.br", "bol.com.br", "bigpond.com",
        "shaw.ca", "rogers.com", "sympatico.ca", "telefonica.net", "movistar.es",
    ]
}
