#include "namesimilarity.h"

#include "assignment.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <vector>

namespace covet {

using std::size_t;

namespace {

using Words = QStringList;

// Abbreviations common in schemas -> the full word(s).
const QHash<QString, QString> &abbreviations()
{
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        const char *pairs[][2] = {
            {"addr", "address"}, {"adr", "address"}, {"qty", "quantity"}, {"desc", "description"},
            {"descr", "description"}, {"num", "number"}, {"nbr", "number"}, {"amt", "amount"},
            {"msg", "message"}, {"img", "image"}, {"pic", "picture"}, {"pwd", "password"},
            {"passwd", "password"}, {"pw", "password"}, {"usr", "user"}, {"cat", "category"},
            {"org", "organization"}, {"organisation", "organization"}, {"dept", "department"},
            {"cnt", "count"}, {"dt", "date"}, {"ts", "timestamp"}, {"tstamp", "timestamp"},
            {"info", "information"}, {"meta", "metadata"}, {"config", "configuration"},
            {"cfg", "configuration"}, {"conf", "configuration"}, {"attr", "attribute"},
            {"cust", "customer"}, {"acct", "account"}, {"prod", "product"}, {"prev", "previous"},
            {"req", "request"}, {"resp", "response"}, {"ref", "reference"}, {"src", "source"},
            {"dst", "destination"}, {"dest", "destination"}, {"val", "value"}, {"ver", "version"},
            {"loc", "location"}, {"lang", "language"}, {"lat", "latitude"}, {"lng", "longitude"},
            {"lon", "longitude"}, {"pos", "position"}, {"avg", "average"}, {"txn", "transaction"},
            {"seq", "sequence"}, {"idx", "index"}, {"doc", "document"}, {"dir", "directory"},
            {"env", "environment"}, {"ext", "extension"}, {"mgr", "manager"}, {"emp", "employee"},
            {"tel", "telephone"}, {"nm", "name"}, {"cd", "code"}, {"flg", "flag"}, {"yr", "year"},
            {"perm", "permission"}, {"auth", "authentication"}, {"admin", "administrator"},
            {"app", "application"}, {"pref", "preference"}, {"stat", "statistic"}, {"calc", "calculated"},
            {"fname", "first name"}, {"lname", "last name"}, {"dob", "birth date"}, {"uname", "user name"},
            {"colour", "color"}, {"datetime", "timestamp"},
        };
        for (const auto &p : pairs)
            m.insert(QString::fromLatin1(p[0]), QString::fromLatin1(p[1]));
        return m;
    }();
    return map;
}

// Words that real schemas use for the same thing -> one head word.
const QHash<QString, QString> &synonyms()
{
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        const char *groups[][8] = {
            {"created", "create", "creation", "inserted", "insert", "added", nullptr},
            {"updated", "update", "modified", "modify", "modification", "edited", "changed", nullptr},
            {"deleted", "delete", "deletion", "removed", "remove", "destroyed", nullptr},
            {"active", "enabled", "enable", "activated", nullptr},
            {"name", "title", "label", "caption", nullptr},
            {"text", "body", "content", nullptr},
            {"kind", "type", "category", nullptr},
            {"email", "mail", nullptr},
            {"phone", "telephone", "tel", nullptr},
            {"url", "link", "uri", "href", nullptr},
            {"image", "picture", "photo", nullptr},
            {"note", "comment", "remark", "memo", nullptr},
            {"status", "state", nullptr},
            {"position", "ordering", "sort", nullptr},
            {"zip", "zipcode", "postcode", nullptr},
            {"expires", "expiry", "expiration", "expire", "expired", nullptr},
            {"start", "begin", "started", "starts", "begins", nullptr},
            {"end", "ended", "ends", "finish", "finished", nullptr},
            {"birth", "birthday", "birthdate", nullptr},
            {"visible", "shown", nullptr},
        };
        for (const auto &g : groups) {
            const QString head = QString::fromLatin1(g[0]);
            for (int i = 1; i < 8 && g[i]; ++i)
                m.insert(QString::fromLatin1(g[i]), head);
        }
        return m;
    }();
    return map;
}

// Multi-word phrases meaning one thing.
struct Phrase { Words words; Words replacement; };
const std::vector<Phrase> &phrases()
{
    static const std::vector<Phrase> list = [] {
        std::vector<Phrase> v;
        auto add = [&](std::initializer_list<const char *> w, std::initializer_list<const char *> r) {
            Phrase p;
            for (const char *s : w) p.words << QString::fromLatin1(s);
            for (const char *s : r) p.replacement << QString::fromLatin1(s);
            v.push_back(p);
        };
        add({"email", "address"}, {"email"});
        add({"e", "mail"}, {"email"});
        add({"phone", "number"}, {"phone"});
        add({"telephone", "number"}, {"phone"});
        add({"postal", "code"}, {"zip"});
        add({"zip", "code"}, {"zip"});
        add({"post", "code"}, {"zip"});
        add({"date", "of", "birth"}, {"birth", "date"});
        add({"last", "modified"}, {"updated"});
        add({"last", "updated"}, {"updated"});
        add({"last", "update"}, {"updated"});
        add({"last", "changed"}, {"updated"});
        add({"sort", "order"}, {"position"});
        add({"display", "order"}, {"position"});
        return v;
    }();
    return list;
}

// Affix words: added or dropped in many renames. Category per word.
const QHash<QString, QString> &affixes()
{
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        for (const char *w : {"is", "has", "can", "should", "was", "allow", "allows"})
            m.insert(QString::fromLatin1(w), QStringLiteral("bool"));
        for (const char *w : {"at", "on", "date", "time", "timestamp", "utc"})
            m.insert(QString::fromLatin1(w), QStringLiteral("temporal"));
        for (const char *w : {"id", "fk", "pk", "uuid", "key"})
            m.insert(QString::fromLatin1(w), QStringLiteral("key"));
        for (const char *w : {"count", "number"})
            m.insert(QString::fromLatin1(w), QStringLiteral("count"));
        m.insert(QStringLiteral("flag"), QStringLiteral("flag"));
        m.insert(QStringLiteral("tbl"), QStringLiteral("table"));
        return m;
    }();
    return map;
}

// Pairs of words that name opposite or sibling things: never a rename.
const QSet<QString> &antonymPairs()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        const char *pairs[][2] = {
            {"created", "updated"}, {"created", "deleted"}, {"updated", "deleted"}, {"start", "end"},
            {"first", "last"}, {"min", "max"}, {"minimum", "maximum"}, {"width", "height"},
            {"latitude", "longitude"}, {"from", "to"}, {"sender", "recipient"}, {"sender", "receiver"},
            {"source", "target"}, {"source", "destination"}, {"parent", "child"}, {"input", "output"},
            {"debit", "credit"}, {"buy", "sell"}, {"open", "close"}, {"opened", "closed"},
            {"billing", "shipping"}, {"before", "after"}, {"previous", "next"}, {"old", "new"},
            {"in", "out"}, {"inbound", "outbound"}, {"upload", "download"}, {"up", "down"},
            {"active", "disabled"}, {"visible", "hidden"}, {"success", "failure"}, {"home", "away"},
            {"left", "right"}, {"top", "bottom"}, {"lower", "upper"}, {"request", "response"},
            {"private", "public"}, {"read", "write"}, {"win", "loss"}, {"x", "y"}, {"start", "expires"},
            {"first", "middle"}, {"middle", "last"}, {"input", "result"}, {"allow", "deny"},
            {"like", "dislike"}, {"positive", "negative"}, {"income", "expense"}, {"gross", "net"},
            {"encrypted", "plain"}, {"encrypted", "decrypted"}, {"ciphertext", "plaintext"},
        };
        for (const auto &p : pairs) {
            s.insert(QString::fromLatin1(p[0]) + u'|' + QString::fromLatin1(p[1]));
            s.insert(QString::fromLatin1(p[1]) + u'|' + QString::fromLatin1(p[0]));
        }
        return s;
    }();
    return set;
}

// Lifecycle events: a timestamp of one event is not renamed into another's.
const QSet<QString> &events()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (const char *w : {"created", "updated", "deleted", "published", "archived", "expires", "start", "end",
                              "completed", "cancelled", "canceled", "approved", "confirmed", "verified", "sent",
                              "received", "paid", "shipped", "delivered", "seen", "opened", "closed", "login",
                              "logout", "processed", "failed", "scheduled", "submitted", "accepted", "rejected",
                              "locked", "suspended", "synced", "imported", "exported", "reviewed", "resolved",
                              "due", "birth", "joined", "signed", "refunded", "activated", "banned", "blocked",
                              "read", "visited", "notified", "invited", "posted"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return set;
}

// Words known to the compound splitter (plus every table above).
const QSet<QString> &vocabulary()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (auto it = abbreviations().cbegin(); it != abbreviations().cend(); ++it) {
            s.insert(it.key());
            for (const QString &w : it.value().split(u' ', Qt::SkipEmptyParts))
                s.insert(w);
        }
        for (auto it = synonyms().cbegin(); it != synonyms().cend(); ++it) {
            s.insert(it.key());
            s.insert(it.value());
        }
        for (auto it = affixes().cbegin(); it != affixes().cend(); ++it)
            s.insert(it.key());
        for (const QString &w : events())
            s.insert(w);
        for (const char *w : {"name", "first", "last", "full", "user", "email", "address", "type", "code", "total",
                              "price", "amount", "order", "item", "line", "group", "role", "post", "page", "file",
                              "size", "value", "phone", "zip", "birth", "street", "city", "country", "title", "body",
                              "password", "hash", "token", "slug", "parent", "owner", "author", "account", "customer",
                              "product", "company", "image", "avatar", "score", "rating", "level", "version",
                              "display", "short", "long", "sort", "description", "content", "last", "nick", "middle",
                              "sur", "given", "family", "host", "port", "path", "mime", "file", "due", "pass", "word",
                              "screen", "public", "private", "api", "secret", "login", "sign", "zone", "region"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return set;
}

enum Flag { Abbrev = 1, Plural = 2, Synonym = 4, TablePrefix = 8, Compound = 16 };

struct Token
{
    QString word;      // normalised
    QString raw;       // as written (for reasons)
    QString affixCat;  // non-empty: an affix word
    int flags = 0;
    int position = 0;  // index in the raw word list
    double weight() const { return affixCat.isEmpty() ? 1.0 : 0.25; }
};

bool isDigits(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isDigit(); });
}

// Splits a glued word ("createdat", "username") into two known words.
Words splitCompound(const QString &w)
{
    const QSet<QString> &vocab = vocabulary();
    if (w.size() < 5 || vocab.contains(w) || isDigits(w))
        return {w};
    for (qsizetype i = w.size() - 2; i >= 2; --i) {
        const QString a = w.left(i), b = w.mid(i);
        const QString bs = NameSimilarity::singular(b);
        if (vocab.contains(a) && (vocab.contains(b) || vocab.contains(bs)))
            return {a, b};
    }
    return {w};
}

QList<Token> normalise(const Words &raw, const Words &context)
{
    // Compound split, abbreviations, then phrases.
    struct Word { QString word; QString raw; int flags; int origin; };
    QList<Word> words;
    for (int i = 0; i < raw.size(); ++i) {
        const Words parts = splitCompound(raw.at(i));
        for (const QString &p : parts) {
            const int compound = parts.size() > 1 ? Compound : 0;
            const auto ab = abbreviations().constFind(p);
            if (ab != abbreviations().cend()) {
                for (const QString &e : ab.value().split(u' ', Qt::SkipEmptyParts))
                    words.append(Word{e, p, Abbrev | compound, i});
            } else {
                words.append(Word{p, p, compound, i});
            }
        }
    }
    QList<Token> toks;
    for (int i = 0; i < words.size();) {
        bool matched = false;
        for (const Phrase &ph : phrases()) {
            const qsizetype n = ph.words.size();
            if (i + n > words.size())
                continue;
            bool same = true;
            for (qsizetype k = 0; k < n && same; ++k)
                same = words.at(i + k).word == ph.words.at(k);
            if (!same)
                continue;
            QStringList rawParts;
            int flags = Synonym;
            for (qsizetype k = 0; k < n; ++k) {
                if (rawParts.isEmpty() || rawParts.last() != words.at(i + k).raw)
                    rawParts << words.at(i + k).raw;
                flags |= words.at(i + k).flags;
            }
            for (const QString &r : ph.replacement)
                toks.append(Token{r, rawParts.join(u'_'), {}, flags, words.at(i).origin});
            i += int(n);
            matched = true;
            break;
        }
        if (matched)
            continue;
        const Word &w = words.at(i);
        toks.append(Token{w.word, w.raw, {}, w.flags, w.origin});
        ++i;
    }
    for (Token &t : toks) {
        const QString s = NameSimilarity::singular(t.word);
        if (s != t.word) {
            t.word = s;
            t.flags |= Plural;
            const auto ab = abbreviations().constFind(s);
            if (ab != abbreviations().cend() && !ab.value().contains(u' ') && !ab.value().isEmpty())
                t.word = ab.value();
        }
        const auto syn = synonyms().constFind(t.word);
        if (syn != synonyms().cend()) {
            t.word = syn.value();
            t.flags |= Synonym;
        }
    }
    // A table-name prefix (user_email in users, device_role_id in dcim_device).
    if (!context.isEmpty()) {
        QList<Token> ctx = normalise(context, {});
        Words ctxWords;
        for (const Token &t : ctx)
            ctxWords << t.word;
        auto markPrefix = [&](const Words &prefix) {
            if (prefix.isEmpty() || prefix.size() >= toks.size())
                return false;
            for (int i = 0; i < prefix.size(); ++i)
                if (toks.at(i).word != prefix.at(i))
                    return false;
            for (int i = 0; i < prefix.size(); ++i) {
                toks[i].affixCat = QStringLiteral("table");
                toks[i].flags |= TablePrefix;
            }
            return true;
        };
        if (!markPrefix(ctxWords) && ctxWords.size() > 1)
            markPrefix({ctxWords.last()});
    }
    // Affixes, unless they are all there is.
    int core = 0;
    for (const Token &t : toks)
        if (t.affixCat.isEmpty() && !affixes().contains(t.word))
            ++core;
    if (core > 0) {
        for (Token &t : toks) {
            const auto af = affixes().constFind(t.word);
            if (af != affixes().cend() && t.affixCat.isEmpty())
                t.affixCat = af.value();
        }
    }
    return toks;
}

bool isSubsequence(const QString &shortWord, const QString &longWord)
{
    qsizetype j = 0;
    for (qsizetype i = 0; i < longWord.size() && j < shortWord.size(); ++i)
        if (longWord.at(i) == shortWord.at(j))
            ++j;
    return j == shortWord.size();
}

enum class WordMatch { None, Equal, Prefix, Typo, Subsequence };

WordMatch matchWords(const QString &a, const QString &b)
{
    if (a == b)
        return WordMatch::Equal;
    if (isDigits(a) || isDigits(b))
        return WordMatch::None;
    const QString &s = a.size() <= b.size() ? a : b;
    const QString &l = a.size() <= b.size() ? b : a;
    if (s.size() >= 3 && l.startsWith(s) && !vocabulary().contains(l.mid(s.size())))
        return WordMatch::Prefix;
    const double e = NameSimilarity::editSimilarity(a, b);
    const qsizetype dist = qsizetype(std::lround((1.0 - e) * double(l.size())));
    if ((s.size() >= 5 && dist <= 1) || (s.size() >= 8 && dist <= 2))
        return WordMatch::Typo;
    if (s.size() >= 3 && s.at(0) == l.at(0) && l.size() >= s.size() + 2 && isSubsequence(s, l))
        return WordMatch::Subsequence;
    return WordMatch::None;
}

double wordScore(WordMatch m)
{
    switch (m) {
    case WordMatch::Equal: return 1.0;
    case WordMatch::Prefix: return 0.9;
    case WordMatch::Typo: return 0.88;
    case WordMatch::Subsequence: return 0.6;
    case WordMatch::None: break;
    }
    return 0.0;
}

QString affixText(const Token &t, bool first)
{
    return first ? QStringLiteral("'%1_' prefix").arg(t.raw) : QStringLiteral("'_%1' suffix").arg(t.raw);
}

// The reason two token lists name different things, or empty.
QString conflictBetween(const QList<Token> &a, const QList<Token> &b)
{
    auto has = [](const QList<Token> &l, const QString &w) {
        return std::any_of(l.cbegin(), l.cend(), [&](const Token &t) { return t.word == w; });
    };
    for (const Token &x : a) {
        if (has(b, x.word))
            continue;
        for (const Token &y : b) {
            if (has(a, y.word))
                continue;
            if (antonymPairs().contains(x.word + u'|' + y.word))
                return QStringLiteral("'%1' and '%2' are different things").arg(x.raw, y.raw);
            // Glued opposites: upvotes/downvotes, inbound/outbound.
            for (qsizetype k = 1; k < x.word.size() && k < y.word.size(); ++k) {
                if (x.word.size() - k < 3 || x.word.mid(k) != y.word.mid(y.word.size() - (x.word.size() - k)))
                    continue;
                const QString px = x.word.left(k), py = y.word.left(y.word.size() - (x.word.size() - k));
                if (antonymPairs().contains(px + u'|' + py))
                    return QStringLiteral("'%1' and '%2' are different things").arg(x.raw, y.raw);
            }
            if (isDigits(x.word) && isDigits(y.word))
                return QStringLiteral("different numbers (%1, %2)").arg(x.raw, y.raw);
            if (events().contains(x.word) && events().contains(y.word) && x.affixCat.isEmpty() && y.affixCat.isEmpty())
                return QStringLiteral("different events ('%1', '%2')").arg(x.raw, y.raw);
        }
    }
    // An affix replaced by one of another kind: user_id vs user_count, is_paid vs paid_at.
    QSet<QString> ca, cb;
    for (const Token &t : a)
        if (!t.affixCat.isEmpty() && t.affixCat != u"table")
            ca.insert(t.affixCat);
    for (const Token &t : b)
        if (!t.affixCat.isEmpty() && t.affixCat != u"table")
            cb.insert(t.affixCat);
    if (!ca.isEmpty() && !cb.isEmpty() && !ca.intersects(cb))
        return QStringLiteral("different kinds of suffix or prefix");
    return {};
}

} // namespace

QStringList NameSimilarity::words(const QString &name)
{
    QStringList out;
    QString cur;
    auto flush = [&] {
        if (!cur.isEmpty())
            out << cur.toLower();
        cur.clear();
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (!cur.isEmpty()) {
            const QChar p = cur.back();
            const bool digitBoundary = p.isDigit() != c.isDigit();
            const bool camel = p.isLower() && c.isUpper();
            const bool acronymEnd = p.isUpper() && c.isUpper() && i + 1 < name.size() && name.at(i + 1).isLower();
            if (digitBoundary || camel || acronymEnd)
                flush();
        }
        cur += c;
    }
    flush();
    return out;
}

double NameSimilarity::editSimilarity(const QString &a, const QString &b)
{
    const qsizetype n = a.size(), m = b.size();
    if (n == 0 && m == 0)
        return 1.0;
    std::vector<std::vector<int>> d(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = 0; i <= n; ++i) d[size_t(i)][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j) d[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int v = std::min({d[size_t(i - 1)][size_t(j)] + 1, d[size_t(i)][size_t(j - 1)] + 1,
                              d[size_t(i - 1)][size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                v = std::min(v, d[size_t(i - 2)][size_t(j - 2)] + 1);
            d[size_t(i)][size_t(j)] = v;
        }
    }
    return 1.0 - double(d[size_t(n)][size_t(m)]) / double(std::max(n, m));
}

QString NameSimilarity::singular(const QString &w)
{
    if (w.size() <= 3 || !w.endsWith(u's'))
        return w;
    static const QSet<QString> keep = {QStringLiteral("status"), QStringLiteral("news"), QStringLiteral("series"),
                                       QStringLiteral("species"), QStringLiteral("analysis"), QStringLiteral("alias"),
                                       QStringLiteral("canvas"), QStringLiteral("always"), QStringLiteral("expires"),
                                       QStringLiteral("starts"), QStringLiteral("ends"), QStringLiteral("begins"),
                                       QStringLiteral("allows"), QStringLiteral("has"), QStringLiteral("was"),
                                       QStringLiteral("is"), QStringLiteral("bonus"), QStringLiteral("campus"),
                                       QStringLiteral("previous"), QStringLiteral("gps"), QStringLiteral("sms"),
                                       QStringLiteral("https"), QStringLiteral("dns"), QStringLiteral("aws")};
    if (keep.contains(w) || w.endsWith(u"ss") || w.endsWith(u"us") || w.endsWith(u"is") || w.endsWith(u"ous"))
        return w;
    if (w.endsWith(u"ies") && w.size() > 4)
        return w.chopped(3) + u'y';
    if (w.endsWith(u"sses") || w.endsWith(u"uses") || w.endsWith(u"xes") || w.endsWith(u"ches")
        || w.endsWith(u"shes") || w.endsWith(u"zzes"))
        return w.chopped(2);
    return w.chopped(1);
}

NameMatch NameSimilarity::compare(const QString &a, const QString &b, const QString &context)
{
    if (a == b)
        return {1.0, QStringLiteral("same name"), false};
    if (a.compare(b, Qt::CaseInsensitive) == 0)
        return {0.99, QStringLiteral("case changed"), false};
    const Words wa = words(a), wb = words(b);
    if (wa == wb)
        return {0.98, QStringLiteral("same words, different case or separators"), false};

    const Words ctx = words(context);
    const QList<Token> ta = normalise(wa, ctx), tb = normalise(wb, ctx);

    const QString conflict = conflictBetween(ta, tb);

    // Align words one-to-one (optimal).
    std::vector<std::vector<double>> sims(size_t(ta.size()), std::vector<double>(size_t(tb.size()), 0.0));
    std::vector<std::vector<WordMatch>> kinds(size_t(ta.size()), std::vector<WordMatch>(size_t(tb.size()), WordMatch::None));
    for (qsizetype i = 0; i < ta.size(); ++i) {
        for (qsizetype j = 0; j < tb.size(); ++j) {
            const WordMatch m = matchWords(ta.at(i).word, tb.at(j).word);
            kinds[size_t(i)][size_t(j)] = m;
            // Prefer aligning affixes with affixes and words in order.
            const double order = i == j ? 0.001 : 0.0;
            sims[size_t(i)][size_t(j)] = wordScore(m) * (ta.at(i).weight() + tb.at(j).weight()) + order;
        }
    }
    const std::vector<int> match = Assignment::maximize(sims, 0.5);

    double wa2 = 0, wb2 = 0, matched = 0;
    for (const Token &t : ta) wa2 += t.weight();
    for (const Token &t : tb) wb2 += t.weight();
    std::vector<bool> usedB(size_t(tb.size()), false);
    int coreA = 0, coreB = 0, coreMatchedA = 0, coreMatchedB = 0;
    int flags = 0;
    double penalty = 0;
    QStringList notes;
    bool typo = false, subseq = false, prefixAbbrev = false;
    for (qsizetype i = 0; i < ta.size(); ++i) {
        const Token &x = ta.at(i);
        const bool xCore = x.affixCat.isEmpty();
        coreA += xCore ? 1 : 0;
        const int j = match[size_t(i)];
        if (j < 0)
            continue;
        const Token &y = tb.at(j);
        usedB[size_t(j)] = true;
        const WordMatch k = kinds[size_t(i)][size_t(j)];
        const double s = wordScore(k);
        matched += s * (x.weight() + y.weight());
        if (s >= 0.85) {
            coreMatchedA += xCore ? 1 : 0;
            coreMatchedB += y.affixCat.isEmpty() ? 1 : 0;
        }
        flags |= x.flags | y.flags;
        if (k == WordMatch::Typo && !typo) {
            typo = true;
            notes << QStringLiteral("typo fixed ('%1' -> '%2')").arg(x.raw, y.raw);
        } else if (k == WordMatch::Prefix && !prefixAbbrev) {
            prefixAbbrev = true;
            notes << QStringLiteral("abbreviation '%1' <-> '%2'").arg(x.raw, y.raw);
        } else if (k == WordMatch::Subsequence) {
            subseq = true;
        }
        if (k == WordMatch::Equal && x.raw != y.raw) {
            if ((x.flags | y.flags) & Synonym)
                notes << QStringLiteral("synonym '%1' -> '%2'").arg(x.raw, y.raw);
            else if ((x.flags | y.flags) & Abbrev)
                notes << QStringLiteral("abbreviation '%1' -> '%2'").arg(x.raw, y.raw);
            else if ((x.flags | y.flags) & Plural)
                notes << QStringLiteral("plural/singular '%1' -> '%2'").arg(x.raw, y.raw);
        }
    }
    for (const Token &t : tb)
        coreB += t.affixCat.isEmpty() ? 1 : 0;

    int droppedAffixes = 0, addedAffixes = 0, droppedWords = 0, addedWords = 0;
    for (qsizetype i = 0; i < ta.size(); ++i) {
        if (match[size_t(i)] >= 0 && wordScore(kinds[size_t(i)][size_t(match[size_t(i)])]) >= 0.85)
            continue;
        const Token &x = ta.at(i);
        if (x.affixCat.isEmpty()) {
            ++droppedWords;
            notes << QStringLiteral("word '%1' dropped").arg(x.raw);
        } else {
            ++droppedAffixes;
            notes << (x.flags & TablePrefix ? QStringLiteral("table prefix '%1_' dropped").arg(x.raw)
                                            : affixText(x, x.position == 0) + QStringLiteral(" dropped"));
        }
    }
    for (qsizetype j = 0; j < tb.size(); ++j) {
        bool strong = false;
        for (qsizetype i = 0; i < ta.size(); ++i)
            if (match[size_t(i)] == j && wordScore(kinds[size_t(i)][size_t(j)]) >= 0.85)
                strong = true;
        if (strong)
            continue;
        const Token &y = tb.at(j);
        if (y.affixCat.isEmpty()) {
            ++addedWords;
            notes << QStringLiteral("word '%1' added").arg(y.raw);
        } else {
            ++addedAffixes;
            notes << (y.flags & TablePrefix ? QStringLiteral("table prefix '%1_' added").arg(y.raw)
                                            : affixText(y, y.position == 0) + QStringLiteral(" added"));
        }
    }

    double score = (wa2 + wb2) > 0 ? matched / (wa2 + wb2) : 0.0;
    const bool sameCore = coreA > 0 && coreB > 0 && coreMatchedA == coreA && coreMatchedB == coreB;
    if (sameCore) {
        if (flags & Abbrev) penalty += 0.02;
        if (flags & Plural) penalty += 0.01;
        if (flags & Synonym) penalty += 0.06;
        if (typo) penalty += 0.04;
        if (prefixAbbrev) penalty += 0.03;
        penalty += 0.02 * (droppedAffixes + addedAffixes);
        score = std::max(score, std::max(0.85, 0.97 - penalty));
    } else if (coreMatchedA > 0 && ((coreMatchedA == coreA && droppedWords == 0) || (coreMatchedB == coreB && addedWords == 0))) {
        // One name holds all the words of the other, plus some.
        const int extra = std::max(droppedWords, addedWords);
        if (extra > 0)
            score = std::max(score, 0.80 - 0.08 * (extra - 1) - (subseq ? 0.05 : 0.0));
    }
    // Spelling close overall (typos across word boundaries).
    const double edit = editSimilarity(wa.join(QString()), wb.join(QString()));
    if (edit >= 0.8 && edit * 0.95 > score) {
        score = edit * 0.95;
        notes.prepend(QStringLiteral("similar spelling"));
    }
    score = std::clamp(score, 0.0, 1.0);

    NameMatch result;
    if (!conflict.isEmpty()) {
        result.conflict = true;
        result.score = std::min(score, 0.2);
        result.reason = conflict;
        return result;
    }
    result.score = score;
    notes.removeDuplicates();
    if (notes.isEmpty())
        result.reason = score >= 0.5 ? QStringLiteral("similar names") : QStringLiteral("unrelated names");
    else
        result.reason = notes.mid(0, 3).join(QStringLiteral(", "));
    if (score < 0.35 && !sameCore)
        result.reason = QStringLiteral("unrelated names");
    return result;
}

} // namespace covet
