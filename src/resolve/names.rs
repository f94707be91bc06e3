//! Names compared across articles: a cleaned written form, and a key that is equal for
//! spellings of one name (case, dots, hyphens) and for the established forms of a country.

use crate::extract::EntityKind;
use crate::extract::entities::gazetteer::{self, List};

/// Established alternative forms of a country's name, the first being the canonical one.
/// Only forms that name nothing else in news text: "America" is left out (it also names
/// the continents), as are "Holland" (a region) and "Russia" for the Soviet Union (a
/// republic of it).
const COUNTRY_FORMS: &[&[&str]] = &[
    &[
        "United States",
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "United States of America",
    ],
    &["United Kingdom", "U.K.", "UK", "Britain", "Great Britain"],
    &["Soviet Union", "USSR", "U.S.S.R."],
    &["United Arab Emirates", "UAE", "U.A.E."],
    &["West Germany", "Federal Republic of Germany"],
    // Not countries, but written the same way in datelines and tables.
    &["Hong Kong", "H.K."],
    &["New Zealand", "N.Z."],
];

/// The abbreviations of US states that news datelines use (`SAN JOSE, Calif.`), the full
/// name first. Left out: `Wash.` (a bare "Washington" in news is the capital far more often
/// than the state), `Penn.` and `Cal.` (names of their own), and the two-letter postal codes
/// (`IN`, `OR`, `ME` are words).
const STATE_ABBREVIATIONS: &[&[&str]] = &[
    &["Alabama", "Ala."],
    &["Arizona", "Ariz."],
    &["Arkansas", "Ark."],
    &["California", "Calif."],
    &["Colorado", "Colo."],
    &["Connecticut", "Conn."],
    &["Delaware", "Del."],
    &["Florida", "Fla."],
    &["Georgia", "Ga."],
    &["Illinois", "Ill."],
    &["Indiana", "Ind."],
    &["Kansas", "Kan.", "Kans."],
    &["Kentucky", "Ky."],
    &["Louisiana", "La."],
    &["Maryland", "Md."],
    &["Massachusetts", "Mass."],
    &["Michigan", "Mich."],
    &["Minnesota", "Minn."],
    &["Mississippi", "Miss."],
    &["Missouri", "Mo."],
    &["Montana", "Mont."],
    &["Nebraska", "Neb.", "Nebr."],
    &["Nevada", "Nev."],
    &["New Hampshire", "N.H."],
    &["New Jersey", "N.J."],
    &["New Mexico", "N.M."],
    &["New York", "N.Y."],
    &["North Carolina", "N.C."],
    &["North Dakota", "N.D."],
    &["Oklahoma", "Okla."],
    &["Oregon", "Ore.", "Oreg."],
    &["Pennsylvania", "Pa."],
    &["Rhode Island", "R.I."],
    &["South Carolina", "S.C."],
    &["South Dakota", "S.D."],
    &["Tennessee", "Tenn."],
    &["Texas", "Tex."],
    &["Vermont", "Vt."],
    &["Virginia", "Va."],
    &["West Virginia", "W.Va.", "W. Va."],
    &["Wisconsin", "Wis.", "Wisc."],
    &["Wyoming", "Wyo."],
];

/// Words that end an organisation's name and never a person's.
const ORGANISATION_ENDINGS: &[&str] = &[
    "mij",
    "ltd",
    "inc",
    "corp",
    "co",
    "plc",
    "llc",
    "gmbh",
    "ag",
    "nv",
    "sa",
    "holdings",
    "holding",
    "group",
    "bank",
    "bancorp",
    "company",
    "corporation",
    "association",
    "administration",
    "ministry",
    "department",
    "agency",
    "commission",
    "committee",
    "council",
    "party",
    "union",
    "fund",
    "board",
    "exchange",
    "institute",
    "university",
    "industries",
    "trust",
    "partners",
    "securities",
    "airlines",
    "organization",
    "organisation",
    "federation",
    // Firms and ensembles of the arts and media, which news of the 1980s, and so the
    // tagger's training, seldom named (`Virgin Records`, `Dave Matthews Band`).
    "band",
    "entertainment",
    "laboratories",
    "orchestra",
    "pharmaceuticals",
    "pictures",
    "productions",
    "publishing",
    "records",
    "studios",
    // Spanish for a finance house (`Nacional Financiera`, Mexico's development bank).
    "financiera",
    // Legislatures, which a country's name before them made places (`U.S. Congress`).
    "congress",
    "parliament",
    "senate",
];

/// One-word names that are a kind of organisation rather than one ("the Organization",
/// "the Bank"): they stand for an organisation the article names in full.
const GENERIC_ORGANISATION_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "bank",
    "company",
    "party",
    "union",
    "committee",
    "council",
    "agency",
    "ministry",
    "commission",
    "fund",
    "group",
    "government",
    "department",
    "court",
    "alliance",
    "board",
    "administration",
    "exchange",
    "corporation",
];

/// Office words that make a run of words before a person's name a role.
const OFFICE_WORDS: &[&str] = &[
    "chairman",
    "chairwoman",
    "chief",
    "secretary",
    "president",
    "minister",
    "governor",
    "director",
    "staff",
    "senator",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "leader",
    "premier",
    "chancellor",
    "deputy",
    "executive",
    "head",
    "general",
    "commissioner",
    "treasurer",
    "speaker",
    "mayor",
    "economist",
    "analyst",
    "official",
    "vice",
    // Of `Chancellor of the Exchequer`, which the tagger cuts to `Exchequer Nigel Lawson`.
    "exchequer",
];

/// Function words the tagger sometimes takes into a name at the start of a sentence
/// (`Despite Reagan`, `Behind Baker`): never the first word of a name.
const LEADING_FUNCTION_WORDS: &[&str] = &[
    "despite",
    "behind",
    "but",
    "and",
    "when",
    "if",
    "as",
    "after",
    "before",
    "while",
    "although",
    "since",
    "under",
    "with",
    "without",
    "for",
    "from",
    "by",
    "to",
    "at",
    "in",
    "on",
    "of",
    "says",
    "said",
    "meanwhile",
    "however",
    "also",
    "yesterday",
    "today",
];

/// Speech verbs the tagger sometimes takes into the end of a name, and the article that
/// starts the next sentence (`Federal Reserve Board The`).
const TRAILING_WORDS: &[&str] = &["said", "says", "told", "added", "stated", "The"];

/// The written name cleaned: whitespace collapsed, unbalanced brackets and edge punctuation
/// (other than an abbreviation's final dot) removed (`World) Bank` → `World Bank`), and a
/// leading function word dropped (`Despite Reagan` → `Reagan`).
pub fn clean(written: &str) -> String {
    let mut name = clean_punctuation(written);
    while let Some((first, rest)) = name.split_once(' ') {
        if !LEADING_FUNCTION_WORDS.contains(&first.to_lowercase().as_str()) {
            break;
        }
        name = rest.to_string();
    }
    // A speech verb (`Paul Volcker said`) or the next sentence's `The` taken into the name.
    while let Some((rest, last)) = name.rsplit_once(' ') {
        if !TRAILING_WORDS.contains(&last) {
            break;
        }
        name = rest.to_string();
    }
    name
}

fn clean_punctuation(written: &str) -> String {
    let opens = written.matches('(').count();
    let closes = written.matches(')').count();
    let kept: String = written
        .chars()
        .filter(|c| !((*c == '(' || *c == ')') && opens != closes) && *c != '<' && *c != '>')
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    let joined = words.join(" ");
    let trimmed = joined.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
    let trimmed = trimmed.trim_start_matches('.');
    trimmed.to_string()
}

/// The key of a name: lowercase words of letters and digits (dots dropped inside a word,
/// `U.S.` → `us`; other punctuation separates words), a leading `the` dropped (`The
/// International Monetary Fund` = `International Monetary Fund`, `The Netherlands` =
/// `Netherlands`), trailing legal forms dropped (`Chrysler Corp` → `chrysler`), then a
/// country form's canonical key.
pub fn key(name: &str) -> String {
    let mut plain = plain_key(name);
    // Sentence-initial or not, "The" is how English introduces a name, not a part that
    // tells two names apart; the canonical name keeps the form the collection writes most.
    if let Some(rest) = plain.strip_prefix("the ") {
        plain = rest.to_string();
    }
    // A legal form ends a company's name but does not tell two companies apart.
    let mut stripped = false;
    while let Some((head, last)) = plain.rsplit_once(' ') {
        // `Colorado Inc` (of `Public Service Co of Colorado Inc`) is no form of the state.
        if is_known_place(head) {
            break;
        }
        // `and` goes only with a legal form after it (`Harris Upham and Co Inc`).
        if !is_legal_form(last) || (last == "and" && !stripped) {
            break;
        }
        stripped = true;
        plain.truncate(head.len());
    }
    match place_form(name).filter(|_| !stripped) {
        Some((canonical, _)) => plain_key(canonical),
        None => {
            let plain = office_in_short_order(&plain).unwrap_or(plain);
            american_spelling(&plain).unwrap_or(plain)
        }
    }
}

/// `Organisation` spelt the American way: British and American wires spell the same body's
/// name both ways (`Organisation of Petroleum Exporting Countries`, 10 Reuters articles,
/// and `Organization of …`, 12), and no two bodies differ by it alone.
fn american_spelling(plain: &str) -> Option<String> {
    plain
        .contains("organisation")
        .then(|| plain.replace("organisation", "organization"))
}

/// The words of a government office in the order news shortens it to: `Department of
/// Agriculture` is the `Agriculture Department`, `U.S. Department of the Treasury` the `U.S.
/// Treasury Department`, `Ministry of International Trade and Industry` the `International
/// Trade and Industry Ministry` (one body, written both ways: 186 and 157 Reuters articles
/// for the US one). Only when the name ends with the office's subject (no second `of`:
/// `Department of Agriculture of Brazil` stays as written, and no title).
fn office_in_short_order(plain: &str) -> Option<String> {
    for (office, inside) in [
        ("department", " department of "),
        ("ministry", " ministry of "),
    ] {
        let (before, subject) = if let Some(rest) = plain.strip_prefix(office) {
            ("", rest.strip_prefix(" of ")?)
        } else if let Some((before, rest)) = plain.split_once(inside) {
            (before, rest)
        } else {
            continue;
        };
        let subject = subject.strip_prefix("the ").unwrap_or(subject);
        // A title in it makes it an officer's name with a role before it (`Department of
        // Energy Secretary John Herrington`), which the role rules read as written.
        if subject.is_empty() || subject.split(' ').any(|w| w == "of" || is_office(w)) {
            return None;
        }
        return Some(if before.is_empty() {
            format!("{subject} {office}")
        } else {
            format!("{before} {subject} {office}")
        });
    }
    None
}

/// Whether two names differ only in case and punctuation (`WASHINGTON`, `Washington`).
pub fn same_letters(a: &str, b: &str) -> bool {
    plain_key(a) == plain_key(b)
}

/// Whether a name ends in a company's legal form (`James Capel and Co`, `Westpac Ltd`), the
/// form [`key`] drops.
pub fn has_legal_form(name: &str) -> bool {
    plain_key(name)
        .rsplit_once(' ')
        .is_some_and(|(head, last)| last != "and" && is_legal_form(last) && !is_known_place(head))
}

/// Which list a place's alternative form comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceForm {
    /// A country's established form (`U.S.`, `Britain`).
    Country,
    /// A US state's dateline abbreviation (`Calif.`).
    StateAbbreviation,
}

/// The canonical place `name` is a listed form of (`Calif.` → California), and which list.
pub fn place_form(name: &str) -> Option<(&'static str, PlaceForm)> {
    let found = place_forms().get(&plain_key(name)).copied()?;
    // Two capitals without dots are a postal code at best, and more often something else
    // (`LA` is Los Angeles, `PA` the Press Association, `MD` McDonnell Douglas's ticker).
    let postal_code = name.len() == 2 && name.bytes().all(|b| b.is_ascii_uppercase());
    (found.1 == PlaceForm::Country || !postal_code).then_some(found)
}

/// Every listed country form's and state abbreviation's plain key → the canonical form
/// (built once).
fn place_forms() -> &'static std::collections::HashMap<String, (&'static str, PlaceForm)> {
    type Forms = std::collections::HashMap<String, (&'static str, PlaceForm)>;
    static FORMS: std::sync::OnceLock<Forms> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let listed = |lists: &'static [&'static [&'static str]], of: PlaceForm| {
            lists
                .iter()
                .flat_map(move |forms| forms.iter().map(move |f| (plain_key(f), (forms[0], of))))
        };
        listed(COUNTRY_FORMS, PlaceForm::Country)
            .chain(listed(STATE_ABBREVIATIONS, PlaceForm::StateAbbreviation))
            .collect()
    })
}

fn plain_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars() {
        if c == '.' || c == '\'' || c == '’' {
            continue;
        }
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        } else if !key.is_empty() && !key.ends_with(' ') {
            key.push(' ');
        }
    }
    if key.ends_with(' ') {
        key.pop();
    }
    key
}

/// The words of a key.
pub fn words(key: &str) -> impl DoubleEndedIterator<Item = &str> {
    key.split(' ').filter(|w| !w.is_empty())
}

/// Company legal forms: a name made only of them is a fragment of a company's name.
const LEGAL_FORMS: &[&str] = &[
    "co", "inc", "ltd", "corp", "plc", "llc", "gmbh", "ag", "nv", "sa", "cie", "lp", "limited",
    "bhd", "spa", "ab", "pty", "pte", "bv", "and",
];

/// Whether a key's word is a company legal form (`Co`, `Inc`, `Ltd`).
pub fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&word)
}

/// Whether a name of several words ends in a word only organisations end in (a legal form
/// included: `Dauphin Deposit Corp`).
pub fn ends_like_organisation(name: &str) -> bool {
    let plain = plain_key(name);
    let mut it = words(&plain);
    let last = it.next_back();
    it.next().is_some()
        && last.is_some_and(|w| {
            ORGANISATION_ENDINGS.contains(&w)
                || ORGANISATION_COMPOUNDS.iter().any(|end| w.ends_with(end))
        })
}

/// How German firms' and banks' names end, as the last part of a compound
/// (`Creditanstalt-Bankverein`, `Hessische Landesbank`, `Mannesmann Roehrenwerke`): no
/// person's name ends so. (The Dutch company's `Mij`, for Maatschappij, is a whole word of
/// [`ORGANISATION_ENDINGS`].)
const ORGANISATION_COMPOUNDS: &[&str] = &[
    "anstalt",
    "gesellschaft",
    "girozentrale",
    "landesbank",
    "sparkasse",
    "verein",
    "versicherung",
    "werke",
];

/// Words that begin firms' and banks' names in other languages and never a person's
/// (`Banque Paribas`, `Credit Lyonnais`, `Usines Renault`).
const ORGANISATION_HEADS: &[&str] = &[
    "banque",
    "banco",
    "banca",
    "bank",
    "credit",
    "credito",
    "societe",
    "sociedad",
    "societa",
    "compagnie",
    "cie",
    "caisse",
    "usines",
    "grupo",
    "gruppo",
    "groupe",
    "compania",
];

/// Why a name of several words is an organisation's, if it is: it ends in a word only
/// organisations end in ([`ends_like_organisation`]), or in one of the tagger's organisation
/// words (`Yamaichi International`, `Accounting Office`), or it begins with a firm's head
/// word in another language (`Banque Paribas`).
pub fn organisation_word(name: &str) -> Option<String> {
    let plain = plain_key(name);
    let first = words(&plain).next()?;
    let last = words(&plain).next_back()?;
    words(&plain).nth(1)?;
    if ends_like_organisation(name)
        // "Post" ends a few people's names too (Emily Post), "City" places' (Park City).
        || (!["post", "city"].contains(&last) && gazetteer::contains_word(List::OrgWord, last))
    {
        let written = name.split_whitespace().next_back().unwrap_or(last);
        return Some(format!("“{written}” ends organisation names"));
    }
    ORGANISATION_HEADS.contains(&first).then(|| {
        let written = name.split_whitespace().next().unwrap_or(first);
        format!("“{written}” begins organisation names")
    })
}

/// Kinds of place that end places' names and no person's (see [`place_word`]).
const PLACE_ENDINGS: &[&str] = &[
    "canyon",
    "cave",
    "county",
    "creek",
    "desert",
    "falls",
    "glacier",
    "harbor",
    "harbour",
    "island",
    "islands",
    "lagoon",
    "mountain",
    "mountains",
    "ocean",
    "parish",
    "peninsula",
    "reservoir",
    "river",
    "sea",
    "strait",
    "straits",
    "valley",
];

/// Why a name the tagger called an organisation is a place's, if its last word says so
/// ([`PLACE_ENDINGS`] but `County` and `Mountain`: `Sioux Falls`, `Bass Strait`, `Admiralty
/// Island`): a mine, a field or a plant named for the place (`Greens Creek`, `Three Mile
/// Island`) is a place's name in news as in CoNLL. Not a name with a legal form or a connector, a
/// body's or a firm's of the place (`Bank of Iron County`, `InterWest Savings Bank of Oak
/// Harbour`); the caller leaves out names the collection gives firms (`James River`, of
/// `James River Corp`).
pub fn place_ending(name: &str) -> Option<String> {
    const CONNECTORS: &[&str] = &["of", "for", "in", "and", "at"];
    let plain = plain_key(name);
    let last = words(&plain).next_back()?;
    words(&plain).nth(1)?;
    // A county is a football club's as often (Notts County, Ross County), a mountain a
    // firm's (Battle Mountain, of Battle Mountain Gold; Gander Mountain).
    if !PLACE_ENDINGS.contains(&last)
        || ["county", "mountain", "mountains"].contains(&last)
        || words(&plain).any(|w| CONNECTORS.contains(&w))
        || name.contains('&')
        || has_legal_form(name)
    {
        return None;
    }
    let written = name.split_whitespace().next_back().unwrap_or(last);
    Some(format!("“{written}” ends names of places"))
}

/// Why a name of two words or more is a place's, if a word says so: it begins with one of
/// the words that open places' names (`Fort Lauderdale`, `Mount Isa`, `Lake Charles`) or
/// ends with a kind of place (`Niger River`, `Ayalon Cave`, `Bov Parish`, `Hancock Brook`).
/// Asked of names the tagger called people (as a band, a fort or a river on Wikipedia often
/// is), where none of these words ends or opens a person's name; words that do (`Bay`,
/// `Hills`, `Lake` at the end: Michael Bay, Carla Hills, Ricki Lake) are not listed, and
/// `Brook` and `Pond` only after a word that is no given name.
pub fn place_word(name: &str) -> Option<String> {
    const OPENINGS: &[&str] = &["fort", "mount", "mt", "cape", "port", "lake"];
    // Endings some people's surnames are too (Peter Brook, Peter Pond): a place's only after
    // a word that is not a given name (`Hancock Brook`).
    const AFTER_NO_GIVEN_NAME: &[&str] = &["brook", "pond"];
    let plain = plain_key(name);
    let first = words(&plain).next()?;
    let last = words(&plain).next_back()?;
    words(&plain).nth(1)?;
    let after_no_given_name = || {
        AFTER_NO_GIVEN_NAME.contains(&last)
            && name
                .split_whitespace()
                .next()
                .is_some_and(|w| !is_given_name(w))
    };
    if PLACE_ENDINGS.contains(&last) || after_no_given_name() {
        let written = name.split_whitespace().next_back().unwrap_or(last);
        Some(format!("“{written}” ends names of places"))
    } else if OPENINGS.contains(&first) {
        let written = name.split_whitespace().next().unwrap_or(first);
        Some(format!("“{written}” begins names of places"))
    } else {
        None
    }
}

/// Whether a one-word name is a kind of organisation rather than one (`Bank`, `Bank's`).
pub fn is_generic_organisation_word(name: &str) -> bool {
    let stem = name
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_lowercase();
    GENERIC_ORGANISATION_WORDS.contains(&stem.as_str())
}

/// Whether `word` (a key's word) is an office or title.
pub fn is_office(word: &str) -> bool {
    OFFICE_WORDS.contains(&word) || gazetteer::contains_word(List::Title, word)
}

/// Whether the name is a known place (countries, cities, regions the tagger's lists name).
pub fn is_known_place(name: &str) -> bool {
    gazetteer::is_place(name) || place_form(name).is_some()
}

/// Last words of a government body's name that many countries share (`Finance Ministry`,
/// `Treasury`): which country's it is, the words before it say.
const SHARED_BODY_ENDINGS: &[&str] = &[
    "ministry",
    "treasury",
    "government",
    "cabinet",
    "parliament",
];

/// Whether an organisation's name is a body many countries have under that name and no
/// country is written in it (`Finance Ministry`, `Treasury`, `Central Bank`; not `U.S.
/// Treasury`, nor `Bundesbank`).
pub fn is_shared_body(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    // One body, with no country in it: not two listed (`Congress and Canadian Parliament`).
    (SHARED_BODY_ENDINGS.contains(last) || matches!(words.as_slice(), ["central", "bank"]))
        && !words.iter().any(|w| matches!(*w, "and" | "&" | "of"))
        // A lone `Ministry` or `Government` stands for a body the article names in full.
        && !(words.len() == 1 && is_generic_organisation_word(name))
        && !name.split_whitespace().any(is_country_or_nationality)
}

/// Whether a name is a country's (`U.S.`, `Switzerland`) or a nationality adjective (`Swiss`,
/// `West German`): what, before a body's name, says which country's body it is.
pub fn is_country_or_nationality(name: &str) -> bool {
    matches!(place_form(name), Some((_, PlaceForm::Country)))
        || gazetteer::contains(List::Country, name)
        || gazetteer::contains(List::Nationality, name)
        || is_nationality(name)
}

/// Whether a one-word name is a nationality adjective (`Kuwaiti`, `Philippine`): on the
/// tagger's list, or a country's name with `i` or `n` added (`Kuwait` + `i`, `Venezuela` +
/// `n`) or its plural `s` taken off (`Philippines`).
pub fn is_nationality(name: &str) -> bool {
    // Four letters at least: `U` and `US` are no adjectives.
    if name.contains(' ')
        || name.chars().count() < 4
        || !name.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    let country = |stem: &str| !stem.is_empty() && gazetteer::contains(List::Country, stem);
    gazetteer::contains_word(List::Nationality, name)
        || name.strip_suffix('i').is_some_and(country)
        || name.strip_suffix('n').is_some_and(country)
        || country(&format!("{name}s"))
}

/// Whether a one-word name is a people named by its nationality (`Soviets`, `Kuwaitis`,
/// `Argentines`): a nationality adjective with `s` added, and no place (`Philippines`).
pub fn is_nationality_plural(name: &str) -> bool {
    name.strip_suffix('s').is_some_and(is_nationality) && !is_known_place(name)
}

/// Whether a one-word name is a month's name or its abbreviation (`Jan`, `Sept.`, `June`).
pub fn is_month(name: &str) -> bool {
    crate::corpus::month_number(name).is_some()
}

/// Whether a name is a point of a month written as one word (`end-February`, `mid-March`,
/// `20-Dec`): a date, which the tagger reads as a miscellaneous name (`end-February` in 17
/// Reuters articles).
pub fn is_month_point(name: &str) -> bool {
    const POINTS: &[&str] = &["end", "mid", "early", "late", "pre", "post"];
    name.split_once('-').is_some_and(|(point, month)| {
        (POINTS.iter().any(|p| p.eq_ignore_ascii_case(point))
            || (!point.is_empty() && point.bytes().all(|b| b.is_ascii_digit())))
            && is_month(month)
    })
}

/// Whether a one-word name is a given name on the tagger's list (`James`, `Clayton`): alone,
/// it is a person's first name, whatever firms begin with it (`James Capel`).
pub fn is_given_name(name: &str) -> bool {
    !name.contains(' ') && gazetteer::contains_word(List::FirstName, name)
}

/// Whether the name is a ticker (`TPN.PA`: 2-6 capitals or digits, a dot, 1-2 capitals).
pub fn is_ticker(name: &str) -> bool {
    let Some((stock, exchange)) = name.split_once('.') else {
        return false;
    };
    let caps = |s: &str, range: std::ops::RangeInclusive<usize>| {
        range.contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    caps(stock, 2..=6) && caps(exchange, 1..=2) && exchange.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a name has fewer than two letters or digits (`P`, `J.`, `3`): it names nobody
/// (`F-16` and `U.S.` do).
pub fn is_not_a_name(name: &str) -> bool {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .nth(1)
        .is_none()
}

/// Whether the name is a word that designates by a letter after it (`Class A`, `Series B`,
/// `Form D`, `Chapter S`): with that letter it names a kind of share, bond or filing, and
/// alone it names nothing. (A firm or a plant can be named so too, `Circle K`, `Sizewell
/// B`: only these words are judged by the letter after them.)
pub fn is_designation_word(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "class", "series", "tranche", "type", "grade", "category", "form", "schedule", "section",
        "chapter", "annex", "appendix", "exhibit", "model", "models", "phase", "plan", "option",
        "tier",
    ];
    WORDS.contains(&plain_key(name).as_str())
}

/// Whether the name is an adjective of government that names nothing alone (`Federal
/// funds`, `Congressional sources`, `Presidential spokesman`): the tagger, seeing it
/// capitalised, takes it for a body's name or a miscellaneous one (44 Reuters articles had
/// the organisation "Federal"). Judged with where it stands ([`super::noise`]): before a
/// word in lower case it is an adjective; a firm called so (`Home Federal`, cut short) is
/// a name where most of the collection's mentions are.
pub fn is_public_adjective(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "federal",
        "congressional",
        "presidential",
        "parliamentary",
        "provincial",
        "municipal",
        "ministerial",
        "judicial",
        "legislative",
        "governmental",
        "gubernatorial",
        "senatorial",
    ];
    WORDS.contains(&plain_key(name).as_str())
}

/// Whether the name is a bond or credit rating as agencies write them (`AAA`, `Aaa`, `BBB+`,
/// `Baa2`, `Aa-1`): at least three characters, so that `AA` and `BA` (airlines' and
/// companies' initials) stay names, and a one-letter grade takes no number (`B-1` is a
/// bomber as often as a rating).
pub fn is_credit_rating(name: &str) -> bool {
    const GRADES: &[&str] = &[
        "AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D", "Aaa", "Aa", "Baa", "Ba", "Caa",
        "Ca",
    ];
    let grade = name.trim_end_matches(['+', '-', '1', '2', '3']);
    let suffix = &name[grade.len()..];
    name.len() >= 3
        && suffix.len() <= 2
        && GRADES.contains(&grade)
        && (grade.len() >= 2 || !suffix.chars().any(|c| c.is_ascii_digit()))
}

/// Whether the name describes people by where they are from and what they do, as a
/// title-case headline writes it (`U.S. Officials`, `U.K. Bankers`, `U.N. Diplomats`):
/// two words, a country's or body's name or a nationality, then a plural trade. A union's
/// name has more words (`Canadian Auto Workers`).
pub fn is_described_group(name: &str) -> bool {
    const TRADES: &[&str] = &[
        "analysts",
        "bankers",
        "diplomats",
        "economists",
        "experts",
        "farmers",
        "officials",
        "sources",
        "traders",
    ];
    let Some((origin, trade)) = name.trim().rsplit_once(' ') else {
        return false;
    };
    !origin.contains(' ')
        && TRADES.iter().any(|t| t.eq_ignore_ascii_case(trade))
        && (is_country_or_nationality(origin) || is_acronym(origin))
}

/// Whether the name is a US lawmaker's party and state as news writes them after the name
/// (`R-Kan.`, `D-N.J.`): a party letter, a hyphen, a state's abbreviation.
pub fn is_party_tag(name: &str) -> bool {
    let Some(state) = ["R-", "D-", "I-"].iter().find_map(|p| name.strip_prefix(p)) else {
        return false;
    };
    let letters = state.chars().filter(|c| *c != '.');
    state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.len() <= 6
        && letters.clone().all(|c| c.is_ascii_alphabetic())
        && letters.count() >= 2
}

/// Why a name is neither a person, an organisation nor a place, if it is: it names a
/// currency (`H.K. Dlrs`, `U.S. Dollar`), an event or a prize ([`event_word`]), or an
/// agreement, plan, programme or law (`Multi-Fibre Agreement`, `Cruzado Plan`, `Banking
/// Act`), or a model's designation ([`is_designation`]). CoNLL counts them miscellaneous.
/// Tagged an organisation or a place, which the tagger does for 437 Reuters
/// mentions (`Export Enhancement Program` in 101, `International Natural Rubber Agreement`,
/// `Louvre Accord`, `Tax Reform Act`, `Strategic Defense Initiative`), a name ending so is
/// one too, except a body's programme (`U.N. Program`, `World Food Programme`, which run
/// agencies) and a plan of more than one word before it (`Delta Dental Plan`, an insurer).
pub fn misc_word(name: &str, tagged: EntityKind) -> Option<String> {
    // `Ecu`: the European Currency Unit ("a 100 mln Ecu eurobond").
    const CURRENCIES: &[&str] = &[
        "dlr", "dlrs", "dollar", "dollars", "stg", "yen", "ecu", "ecus",
    ];
    const AGREEMENTS: &[&str] = &["agreement", "plan", "accord", "pact", "treaty", "act"];
    let plain = plain_key(name);
    let last = words(&plain).next_back()?;
    let written = name.split_whitespace().next_back().unwrap_or(last);
    let two_words = words(&plain).nth(1).is_some();
    if CURRENCIES.contains(&last)
        || plain.ends_with("currency unit")
        || plain.ends_with("currency units")
    {
        Some(format!("“{written}” names a currency"))
    } else if HOLIDAYS.contains(&plain.as_str()) {
        Some(format!("“{name}” names a holiday"))
    } else if let Some(evidence) = event_word(name, &plain) {
        Some(evidence)
    } else if is_designation(name) {
        Some(format!("“{name}” is a model's designation"))
    } else if tagged == EntityKind::Person && two_words && AGREEMENTS.contains(&last) {
        Some(format!(
            "“{written}” ends names of agreements, plans and laws"
        ))
    } else if tagged != EntityKind::Person && two_words && is_programme_or_law(&plain, last) {
        Some(format!(
            "“{written}” ends names of agreements, programmes and laws"
        ))
    } else if has_legal_form(name) {
        // `EMS Corp` is a firm.
        None
    } else {
        economic_measure(&plain).map(|measure| format!("“{name}” names {measure}"))
    }
}

/// Holidays, which the tagger reads as people or bodies by their capital (`Christmas`: 9
/// Reuters articles' "person").
const HOLIDAYS: &[&str] = &[
    "christmas",
    "easter",
    "thanksgiving",
    "ramadan",
    "hanukkah",
    "passover",
    "diwali",
    "new year",
];

/// Whether a one-word name is a model's designation, an aircraft's, an engine's, a
/// missile's or a product's: one to three capitals, a hyphen or not, two to four digits and
/// maybe a suffix (`A300-600R`, `F-15E`, `MD-11`, `SS-20`, `CF-80C`). No firm is named so,
/// and the tagger reads such a code by the firm it follows (`Airbus A300`). Not a group of
/// countries (`G-77`), which the tagger already reads as CoNLL counts it, nor an interstate
/// highway (`I-95`).
fn is_designation(name: &str) -> bool {
    let letters = name.chars().take_while(char::is_ascii_uppercase).count();
    let rest = name[letters..]
        .strip_prefix('-')
        .unwrap_or(&name[letters..]);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let suffix = &rest[digits..];
    let suffix = suffix.strip_prefix('-').unwrap_or(suffix);
    (1..=3).contains(&letters)
        && (2..=4).contains(&digits)
        && !name.starts_with("G-")
        && !name.starts_with("I-")
        && suffix.len() <= 6
        && suffix
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || c == '-')
}

/// Why a name of two words or more is an event's or a prize's, if a word says so: it ends
/// in one (`Stanley Cup`, `Nobel Peace Prize`, `Glastonbury Festival`, `Gulf War`, `Geneva
/// Motor Show`, `Tokyo Summit` but not the town Lees Summit) or opens as a battle's or a
/// siege's name does (`Battle of Antietam`). The tagger, which learned from news that names few of them, reads the words
/// before such an ending as a person's, a firm's or a place's name. Words that also end
/// organisations' names are left out (`Campaign`: the Human Rights Campaign; `Games`:
/// Scientific Games; `Conference`, `Congress`, `Series`), and `war` after `of` is a
/// ministry's (`Ministry of War`).
fn event_word(name: &str, plain: &str) -> Option<String> {
    const ENDINGS: &[&str] = &[
        "award",
        "awards",
        "championship",
        "championships",
        "cup",
        "exhibition",
        "expo",
        "fair",
        "festival",
        "olympics",
        "prize",
        "prizes",
        "show",
        "tournament",
        "trophy",
        "war",
        "wars",
    ];
    const OPENINGS: &[&str] = &["battle of ", "siege of "];
    let mut from_end = words(plain).rev();
    let last = from_end.next()?;
    let before = from_end.next()?;
    // A summit is a meeting's where a place, a people or a body holds it (`Tokyo Summit`,
    // `Venice Economic Summit`, `NATO Summit`); a town's name ends so too (Lees Summit).
    let held_summit = || {
        let host = name
            .trim_end()
            .rsplit_once(' ')
            .map_or("", |(host, _)| host.trim_end());
        ["economic", "world", "earth"].contains(&before)
            || is_known_place(host)
            || is_country_or_nationality(host)
            || is_acronym(host)
    };
    if (ENDINGS.contains(&last) && !(last == "war" && before == "of"))
        || (last == "summit" && held_summit())
    {
        let written = name.split_whitespace().next_back().unwrap_or(last);
        Some(format!(
            "“{written}” ends names of events, shows and prizes"
        ))
    } else if OPENINGS.iter().any(|o| plain.starts_with(o)) {
        let written = name.split_whitespace().next().unwrap_or(name);
        Some(format!("“{written} of” begins names of battles"))
    } else {
        None
    }
}

/// Whether a plain key of two words or more, ending in `last`, names an agreement, a
/// programme or a law rather than the body that makes or runs it (see [`misc_word`]).
fn is_programme_or_law(plain: &str, last: &str) -> bool {
    // A programme and a plan are asked more of below; these end such names whatever opens them.
    const ENDINGS: &[&str] = &[
        "accord",
        "accords",
        "act",
        "acts",
        "agreement",
        "agreements",
        "bill",
        "initiative",
        "law",
        "laws",
        "treaties",
        "treaty",
    ];
    const BODIES: &[&str] = &["u n ", "un ", "united nations ", "world "];
    match last {
        "plan" => words(plain).count() == 2,
        "program" | "programme" => !BODIES.iter().any(|b| plain.starts_with(b)),
        _ => ENDINGS.contains(&last),
    }
}

/// The spelt-out name of an economic measure written as its acronym (`GNP` → `Gross
/// National Product`): one measure, so one facet value, whichever way an article writes
/// it. A list, since news rarely spells these out beside the acronym (Reuters: `GNP` in
/// 122 mentions, `Gross National Product` in 16, almost never both in one article), which
/// is what the collection's acronym rule learns from.
pub fn measure_spelt_out(name: &str) -> Option<&'static str> {
    // An acronym's length and first letter, dots aside: most names are turned away before
    // any allocation (this runs for every name of the collection).
    let letters = name.chars().filter(|c| *c != '.').count();
    let first = name.chars().next()?.to_ascii_lowercase();
    if !MEASURE_ACRONYMS.iter().any(|(acronym, _)| {
        acronym.len() == letters && acronym.as_bytes()[0].to_ascii_lowercase() as char == first
    }) {
        return None;
    }
    let plain = plain_key(name);
    MEASURE_ACRONYMS
        .iter()
        .find(|(acronym, _)| acronym.eq_ignore_ascii_case(&plain))
        .map(|(_, full)| *full)
}

/// The acronyms [`measure_spelt_out`] knows, with their spelt-out names.
pub const MEASURE_ACRONYMS: &[(&str, &str)] = &[
    ("GNP", "Gross National Product"),
    ("GDP", "Gross Domestic Product"),
    ("CPI", "Consumer Price Index"),
    ("PPI", "Producer Price Index"),
    ("RPI", "Retail Price Index"),
    ("WTI", "West Texas Intermediate"),
    ("LIBOR", "London Interbank Offered Rate"),
];

/// What an economic measure's name (a plain key) measures, if it is one: output (`Gross
/// National Product`, `GNP`), prices or a market (`Consumer Price Index`, `Dow Jones
/// Industrial Average`), an interbank rate (`Libor`, `London Interbank Offered Rate`), or a
/// crude oil grade (`West Texas Intermediate`, `WTI`). Neither a body nor a place, whatever
/// the tagger read; miscellaneous, as CoNLL counts them. (The acronyms join their spelt-out
/// names through [`measure_spelt_out`].)
fn economic_measure(plain: &str) -> Option<&'static str> {
    const RATES: &[&str] = &["libor", "pibor", "fibor", "hibor", "sibor", "euribor"];
    let mut backwards = words(plain).rev();
    let last = backwards.next()?;
    let before = backwards.next();
    match (before, last) {
        (Some("national" | "domestic"), "product") | (None, "gnp" | "gdp") => {
            Some("a measure of output")
        }
        (Some(_), "index") | (None, "cpi" | "ppi" | "rpi") => {
            Some("an index of prices or a market")
        }
        (Some("industrial" | "transportation" | "utility"), "average") => {
            Some("a stock market average")
        }
        (None, rate) if RATES.contains(&rate) => Some("an interbank interest rate"),
        (Some("interbank" | "offered"), "rate" | "rates") if plain.contains("interbank") => {
            Some("an interbank interest rate")
        }
        // `Brent` alone is the North Sea grade, whose name a person seldom bears alone.
        (Some("texas"), "intermediate")
        | (None, "wti" | "brent")
        | (Some("brent"), "crude" | "blend") => Some("a grade of crude oil"),
        // `West Texas Sour`, `Light Louisiana Sweet`; not `Robert Sweet`.
        (Some(grade), "sour" | "sweet")
            if matches!(grade, "light" | "heavy" | "medium") || gazetteer::is_place(grade) =>
        {
            Some("a grade of crude oil")
        }
        (None, "fob" | "cif") => Some("a trade term (free on board; cost, insurance, freight)"),
        (None, "treasuries") => Some("US government securities"),
        (None, "ems") | (Some("monetary"), "system")
            if plain.starts_with("european") || last == "ems" =>
        {
            Some("the European Monetary System, an exchange-rate arrangement")
        }
        _ => None,
    }
}

/// Whether a one-word name looks like an acronym (`CSTO`, `U.N.`): 2-6 capitals.
pub fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// How a one-word organisation name can be short for a name of several words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ShortFor {
    /// Its first word (`Ford` of `Ford Motor Co`, `Moody` of `Moody's Investors Service`).
    FirstWord,
    /// Its initials (`GM` of `General Motors Corp`, `USDA` of `U.S. Department of
    /// Agriculture`).
    Initials,
    /// Its first word cut short (`Fed` of `Federal Reserve`).
    Clipping,
    /// A later word of a firm's name, a founder's or partner's surname (`Disney` of `Walt
    /// Disney Co`, `Lynch` of `Merrill Lynch and Co`).
    LaterWord,
}

impl ShortFor {
    /// How the evidence says it.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::FirstWord => "the first word of",
            Self::Initials => "the initials of",
            Self::Clipping => "the first word, cut short, of",
            Self::LaterWord => "a word of",
        }
    }
}

/// Words an organisation's initials skip (`Department of Agriculture` → `DA`).
const INITIALS_SKIP: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "de", "du", "des", "la", "le", "et",
];

/// Whether the one-word name `short_name` (key `short_key`) can be short for `full_name`
/// (key `full_key`, of two words or more), and how. Whether it is, only the article or the
/// collection can tell: this is the shape alone.
///
/// A first word stands for a firm, a name with a legal form (`Ford` of `Ford Motor Co`),
/// never for a body named after its parent (`House` of `House Ways and Means Committee`,
/// `GATT` of `GATT Council`); an acronym stands only for the name it spells.
pub fn short_for(
    short_name: &str,
    short_key: &str,
    full_name: &str,
    full_key: &str,
) -> Option<ShortFor> {
    let full: Vec<&str> = words(full_key).collect();
    let first = *full.first()?;
    if full.len() < 2 || short_key.is_empty() || words(short_key).nth(1).is_some() {
        return None;
    }
    // A lower-case word other than a name's own connectors (`Bank of England`) marks two
    // names the tagger read as one (`Amalgamated Sugar Co into LLC Corp`): nothing to join.
    let run_on = full_name.split_whitespace().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !INITIALS_SKIP.contains(&w.to_lowercase().as_str())
    });
    if run_on {
        return None;
    }
    let acronym = is_acronym(short_name);
    // `Moody` and `Moody's` (key `moodys`) both stand for Moody's Investors Service.
    if !acronym
        && has_legal_form(full_name)
        && (first == short_key || first.strip_suffix('s') == Some(short_key))
    {
        return Some(ShortFor::FirstWord);
    }
    if acronym {
        let spelt_by = |name_words: &[&str]| {
            let content: Vec<&str> = name_words
                .iter()
                .copied()
                .filter(|w| !INITIALS_SKIP.contains(w))
                .collect();
            content.len() >= 2 && spells_initials(&content, short_key)
        };
        // The words as written too: the key puts an office's words in their short order
        // (`USDA` spells `U.S. Department of Agriculture`, keyed `us agriculture department`).
        let spelt_as_written = || {
            let written = plain_key(full_name);
            spelt_by(&words(&written).collect::<Vec<_>>())
        };
        return (spelt_by(&full) || spelt_as_written()).then_some(ShortFor::Initials);
    }
    // A firm's later word, neither a legal form nor a connector (`Co` of `Walt Disney Co`).
    if !acronym
        && has_legal_form(full_name)
        && full[1..]
            .iter()
            .any(|w| *w == short_key && !is_legal_form(w) && !INITIALS_SKIP.contains(w))
    {
        return Some(ShortFor::LaterWord);
    }
    // Three letters at least: `Co` or `In` cut from anything is no evidence.
    let clipped = short_key.chars().count() >= 3
        && first.len() > short_key.len()
        && first.starts_with(short_key);
    clipped.then_some(ShortFor::Clipping)
}

/// Whether `letters` are the initials of `words` in order, a word of two or three letters
/// (`U.S.`, key `us`) giving either its initial or all its letters.
fn spells_initials(words: &[&str], letters: &str) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let Some(initial) = word.chars().next() else {
        return false;
    };
    letters
        .strip_prefix(initial)
        .is_some_and(|after| spells_initials(rest, after))
        || (word.chars().count() <= 3
            && word.chars().count() > 1
            && letters
                .strip_prefix(word)
                .is_some_and(|after| spells_initials(rest, after)))
}

/// Whether every letter is upper case (`WASHINGTON`).
pub fn is_all_caps(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_ratings_are_told_from_initials() {
        for rating in ["AAA", "Aaa", "BBB+", "Baa2", "Aa-1", "CCC", "AA+", "BB-"] {
            assert!(is_credit_rating(rating), "{rating}");
        }
        for name in [
            "AA", "BA", "Aachen", "ABC", "AAAA", "BBC", "A1", "Caa-12", "B-1", "A-1",
        ] {
            assert!(!is_credit_rating(name), "{name}");
        }
    }

    #[test]
    fn keys_ignore_case_dots_and_punctuation() {
        assert_eq!(key("WASHINGTON"), key("Washington"));
        assert_eq!(key("Stanislav  Zas"), "stanislav zas");
        assert_eq!(key("Standard & Poor's"), "standard poors");
        assert_ne!(key("Howard Baker"), key("James Baker"));
        assert_eq!(key("Chrysler Corp"), key("Chrysler"));
        assert_eq!(key("Standard and Poor's Corp"), key("Standard and Poor's"));
        assert_eq!(key("Co Inc"), "co");
        assert_eq!(key("Harris Upham and Co Inc"), "harris upham");
        assert_eq!(key("Cable and Wireless"), "cable and wireless");
        assert_eq!(key("Colorado Inc"), "colorado inc");
    }

    #[test]
    fn an_office_written_with_of_shares_the_key_of_its_short_order() {
        assert_eq!(
            key("U.S. Department of Agriculture"),
            key("U.S. Agriculture Department")
        );
        assert_eq!(key("Department of the Treasury"), "treasury department");
        assert_eq!(
            key("Ministry of International Trade and Industry"),
            key("International Trade and Industry Ministry")
        );
        // A second `of`, or no subject: as written.
        assert_eq!(
            key("Department of Agriculture of Brazil"),
            "department of agriculture of brazil"
        );
        // Initials read from the name as written: the key's order, or its dropped legal
        // form, would not spell them.
        for (acronym, full) in [
            ("USDA", "U.S. Department of Agriculture"),
            ("LILCO", "Long Island Lighting Co"),
        ] {
            assert_eq!(
                short_for(acronym, &key(acronym), full, &key(full)),
                Some(ShortFor::Initials),
                "{acronym}"
            );
        }
        assert_eq!(key("Ministry of"), "ministry of");
        assert_eq!(
            key("Organisation of Petroleum Exporting Countries"),
            key("Organization of Petroleum Exporting Countries")
        );
        assert_eq!(
            key("Department of Energy Secretary John Herrington"),
            "department of energy secretary john herrington"
        );
        assert_eq!(
            key("Department Stores of America"),
            "department stores of america"
        );
    }

    #[test]
    fn country_forms_share_a_key_and_nothing_else_does() {
        for form in ["U.S.", "US", "USA", "U.S.A.", "United States"] {
            assert_eq!(key(form), "united states", "{form}");
        }
        for form in ["U.K.", "Britain", "United Kingdom"] {
            assert_eq!(key(form), "united kingdom", "{form}");
        }
        assert_eq!(key("America"), "america");
        assert_eq!(key("Russia"), "russia");
        assert_eq!(
            place_form("U.S.A."),
            Some(("United States", PlaceForm::Country))
        );
        assert_eq!(place_form("Washington"), None);
    }

    #[test]
    fn state_abbreviations_share_the_states_key_but_not_washington() {
        assert_eq!(key("Calif."), "california");
        assert_eq!(key("Calif"), key("California"));
        assert_eq!(key("N.Y."), key("New York"));
        assert_eq!(key("W. Va."), "west virginia");
        assert_eq!(
            place_form("Minn"),
            Some(("Minnesota", PlaceForm::StateAbbreviation))
        );
        assert_eq!(place_form("Wash."), None);
        assert_eq!(key("Wash."), "wash");
        assert_eq!(key("LA"), "la");
        assert_eq!(key("La."), "louisiana");
        assert_eq!(key("US"), "united states");
    }

    #[test]
    fn nationality_adjectives_are_told_from_names() {
        for adjective in ["Kuwaiti", "Philippine", "Venezuelan", "Iraqi", "Japanese"] {
            assert!(is_nationality(adjective), "{adjective}");
        }
        for name in ["Kuwait", "Jordan", "Baker", "Mali", "South Korean Airlines"] {
            assert!(!is_nationality(name), "{name}");
        }
    }

    #[test]
    fn points_of_months_are_told_from_hyphenated_names() {
        for point in [
            "end-February",
            "mid-March",
            "end-Sep",
            "20-Dec",
            "post-February",
        ] {
            assert!(is_month_point(point), "{point}");
        }
        for name in [
            "Core-Mark",
            "Wal-Mart",
            "Neiman-Marcus",
            "ex-Marine",
            "D-mark",
            "end",
        ] {
            assert!(!is_month_point(name), "{name}");
        }
    }

    #[test]
    fn cleaning_removes_unbalanced_brackets_and_edge_punctuation() {
        assert_eq!(clean("World) Bank"), "World Bank");
        assert_eq!(clean("<Standard Oil Co>"), "Standard Oil Co");
        assert_eq!(clean("U.S."), "U.S.");
        assert_eq!(clean("Bank of America (BofA)"), "Bank of America (BofA)");
        assert_eq!(clean("- Reuters"), "Reuters");
        assert_eq!(clean("Despite Reagan"), "Reagan");
        assert_eq!(clean("Behind Baker"), "Baker");
        assert_eq!(clean("Paul Volcker said"), "Paul Volcker");
    }

    #[test]
    fn shapes_that_name_nobody() {
        assert!(is_ticker("TPN.PA"));
        assert!(is_ticker("IBM.N"));
        assert!(!is_ticker("U.S."));
        assert!(!is_ticker("St.Louis"));
        assert!(is_not_a_name("P"));
        assert!(is_not_a_name("J."));
        assert!(!is_not_a_name("Li"));
        assert!(!is_not_a_name("U.S."));
        assert!(!is_not_a_name("F-16"));
        assert!(ends_like_organisation(
            "dairy farm international holdings ltd"
        ));
        assert!(ends_like_organisation("Electric Power Co"));
        assert!(ends_like_organisation("Dauphin Deposit Corp"));
        assert!(!ends_like_organisation("Ltd"));
        assert!(!ends_like_organisation("James Baker"));
        for firm in [
            "Yamaichi International",
            "Banque Paribas",
            "Accounting Office",
        ] {
            assert!(organisation_word(firm).is_some(), "{firm}");
        }
        for person in ["James Baker", "Emily Post", "Banque", "Karl Otto Poehl"] {
            assert_eq!(organisation_word(person), None, "{person}");
        }
    }
}
