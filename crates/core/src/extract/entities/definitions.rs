//! What the text says a name is: "Aisby is a village in Lincolnshire", "Linkin Park is an
//! American rock band", "Westpac, the Australian bank, said". Such a sentence outweighs the
//! tagger, which judges a name by its letters and neighbours and, on names it never saw in
//! 1996 news, makes villages and bands people. The kind the definition gives holds for every
//! mention of the same name in the article.
//!
//! A definition is the name, then either a form of "to be" (the name opening its sentence,
//! after "The" at most, and an aside in brackets allowed: "Ervenik (Serbian Cyrillic:
//! Ервеник) is a village") or a comma (an appositive), then "a", "an" or "the", up to
//! [`MAX_MODIFIERS`] words, and a category noun of [`CATEGORIES`] that ends its noun phrase:
//! what follows is punctuation, the sentence's end or one of [`PHRASE_ENDS`]. So "a band
//! member" (no category ends the phrase, and "member" says nothing), "the bank's chairman"
//! (the possessive ends the scan) and "in Tianjin, the newspaper said" (a verb follows: the
//! comma closed a clause, and what follows it names who reports) decide nothing, and "a
//! company spokesman" is a person.
//!
//! Two more forms say the same: an address ("Debden, England;": see [`is_address`]) and a
//! category noun right before the name ("the band Deadsy", "the town of Bridgton": see
//! [`named_kind`]).

use super::gazetteer;
use super::mentions::{Mention, is_based_adjective, sentence_start};
use super::tokens::{NerText, is_word};
use crate::extract::EntityKind;
use crate::extract::quotes::cues;

/// Category nouns and the kind of what they name. Only nouns that name one kind in news
/// and encyclopaedia text alike: not "group" ("a group of islands"), "producer" ("an oil
/// producer", "a record producer"), "author" ("Microsoft Corp, the author of MS-DOS"),
/// "station", "field" or "museum".
const CATEGORIES: &[(&str, EntityKind)] = &[
    // Places.
    ("village", EntityKind::Place),
    ("town", EntityKind::Place),
    ("city", EntityKind::Place),
    ("hamlet", EntityKind::Place),
    ("municipality", EntityKind::Place),
    ("commune", EntityKind::Place),
    ("suburb", EntityKind::Place),
    ("parish", EntityKind::Place),
    ("county", EntityKind::Place),
    ("district", EntityKind::Place),
    ("province", EntityKind::Place),
    ("island", EntityKind::Place),
    ("river", EntityKind::Place),
    ("lake", EntityKind::Place),
    ("mountain", EntityKind::Place),
    ("peninsula", EntityKind::Place),
    ("cave", EntityKind::Place),
    ("valley", EntityKind::Place),
    ("neighbourhood", EntityKind::Place),
    ("neighborhood", EntityKind::Place),
    ("borough", EntityKind::Place),
    ("settlement", EntityKind::Place),
    ("township", EntityKind::Place),
    ("capital", EntityKind::Place),
    ("country", EntityKind::Place),
    ("port", EntityKind::Place),
    ("bay", EntityKind::Place),
    ("park", EntityKind::Place),
    ("reservoir", EntityKind::Place),
    ("creek", EntityKind::Place),
    ("dock", EntityKind::Place),
    ("canal", EntityKind::Place),
    // Organisations.
    ("band", EntityKind::Organization),
    ("company", EntityKind::Organization),
    ("corporation", EntityKind::Organization),
    ("firm", EntityKind::Organization),
    ("conglomerate", EntityKind::Organization),
    ("manufacturer", EntityKind::Organization),
    ("retailer", EntityKind::Organization),
    ("airline", EntityKind::Organization),
    ("bank", EntityKind::Organization),
    ("lender", EntityKind::Organization),
    ("insurer", EntityKind::Organization),
    ("label", EntityKind::Organization),
    ("publisher", EntityKind::Organization),
    ("newspaper", EntityKind::Organization),
    ("magazine", EntityKind::Organization),
    ("broadcaster", EntityKind::Organization),
    ("university", EntityKind::Organization),
    ("college", EntityKind::Organization),
    ("club", EntityKind::Organization),
    ("team", EntityKind::Organization),
    ("party", EntityKind::Organization),
    ("organization", EntityKind::Organization),
    ("organisation", EntityKind::Organization),
    ("agency", EntityKind::Organization),
    ("charity", EntityKind::Organization),
    ("foundation", EntityKind::Organization),
    ("union", EntityKind::Organization),
    ("association", EntityKind::Organization),
    ("orchestra", EntityKind::Organization),
    ("duo", EntityKind::Organization),
    ("trio", EntityKind::Organization),
    ("quartet", EntityKind::Organization),
    ("supergroup", EntityKind::Organization),
    ("subsidiary", EntityKind::Organization),
    ("regiment", EntityKind::Organization),
    ("battalion", EntityKind::Organization),
    ("hospital", EntityKind::Organization),
    ("website", EntityKind::Organization),
    ("startup", EntityKind::Organization),
    ("start-up", EntityKind::Organization),
    ("utility", EntityKind::Organization),
    ("carrier", EntityKind::Organization),
    ("automaker", EntityKind::Organization),
    ("carmaker", EntityKind::Organization),
    ("chipmaker", EntityKind::Organization),
    ("brokerage", EntityKind::Organization),
    // People.
    ("actor", EntityKind::Person),
    ("actress", EntityKind::Person),
    ("singer", EntityKind::Person),
    ("songwriter", EntityKind::Person),
    ("singer-songwriter", EntityKind::Person),
    ("rapper", EntityKind::Person),
    ("musician", EntityKind::Person),
    ("guitarist", EntityKind::Person),
    ("drummer", EntityKind::Person),
    ("pianist", EntityKind::Person),
    ("composer", EntityKind::Person),
    ("politician", EntityKind::Person),
    ("writer", EntityKind::Person),
    ("novelist", EntityKind::Person),
    ("poet", EntityKind::Person),
    ("journalist", EntityKind::Person),
    ("painter", EntityKind::Person),
    ("footballer", EntityKind::Person),
    ("cricketer", EntityKind::Person),
    ("boxer", EntityKind::Person),
    ("wrestler", EntityKind::Person),
    ("athlete", EntityKind::Person),
    ("businessman", EntityKind::Person),
    ("businesswoman", EntityKind::Person),
    ("entrepreneur", EntityKind::Person),
    ("lawyer", EntityKind::Person),
    ("economist", EntityKind::Person),
    ("historian", EntityKind::Person),
    ("philosopher", EntityKind::Person),
    ("scientist", EntityKind::Person),
    ("physicist", EntityKind::Person),
    ("spokesman", EntityKind::Person),
    ("spokeswoman", EntityKind::Person),
    ("analyst", EntityKind::Person),
    ("comedian", EntityKind::Person),
    // Works, events and things: what the scorer calls a miscellany.
    ("album", EntityKind::Misc),
    ("song", EntityKind::Misc),
    ("film", EntityKind::Misc),
    ("movie", EntityKind::Misc),
    ("novel", EntityKind::Misc),
    ("opera", EntityKind::Misc),
    ("musical", EntityKind::Misc),
    ("sitcom", EntityKind::Misc),
    ("festival", EntityKind::Misc),
    ("tournament", EntityKind::Misc),
    ("award", EntityKind::Misc),
    ("trophy", EntityKind::Misc),
    ("language", EntityKind::Misc),
    ("toy", EntityKind::Misc),
    ("drug", EntityKind::Misc),
    // Products business news names like firms or people (`Cephalexin, an antibiotic`,
    // `Protropin, a human growth hormone`).
    ("antibiotic", EntityKind::Misc),
    ("hormone", EntityKind::Misc),
    ("vaccine", EntityKind::Misc),
    ("painkiller", EntityKind::Misc),
    ("antidepressant", EntityKind::Misc),
    ("sweetener", EntityKind::Misc),
    ("pesticide", EntityKind::Misc),
    ("herbicide", EntityKind::Misc),
    ("insecticide", EntityKind::Misc),
    ("fungicide", EntityKind::Misc),
];

/// Words between the determiner and the category noun, at most.
const MAX_MODIFIERS: usize = 5;

/// Lowercase words after which a category noun has ended its phrase.
const PHRASE_ENDS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "from",
    "and",
    "or",
    "that",
    "which",
    "who",
    "with",
    "near",
    "located",
    "situated",
    "based",
    "formed",
    "founded",
    "known",
    "established",
    "for",
    "by",
    "between",
    "within",
    "to",
    "whose",
    "where",
];

/// The kind `noun` names, if it is a category noun as written inside a sentence: in lower
/// case, since a capitalised one is a name's word ("China, the Soviet Union", "Japan, the
/// World Bank").
fn category(noun: &str) -> Option<EntityKind> {
    CATEGORIES
        .iter()
        .find(|(c, _)| *c == noun)
        .map(|(_, kind)| *kind)
}

/// The token after a bracketed aside that opens at `t`, or `t` where none does.
fn after_aside(text: &str, ner: &NerText, t: usize) -> usize {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    if t >= ner.tokens.len() || word(t) != "(" {
        return t;
    }
    (t + 1..ner.tokens.len().min(t + 24))
        .find(|&u| word(u) == ")")
        .map_or(t, |close| close + 1)
}

/// The kind a definition right after `name` gives it, reading within the sentence that
/// ends before token `sentence_end`.
fn defined_kind(
    text: &str,
    ner: &NerText,
    name: &Mention,
    sentence_end: usize,
) -> Option<EntityKind> {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let opens_sentence = {
        let first = sentence_start(ner, name.tokens.start);
        name.tokens.start == first
            || (name.tokens.start == first + 1 && word(first).eq_ignore_ascii_case("the"))
    };
    let mut t = name.tokens.end;
    if t >= sentence_end {
        return None;
    }
    let appositive = word(t) == ",";
    if appositive {
        t += 1;
    } else {
        t = after_aside(text, ner, t);
        if !opens_sentence || t >= sentence_end || !matches!(word(t), "is" | "was") {
            return None;
        }
        t += 1;
    }
    if t >= sentence_end || !matches!(word(t), "a" | "an" | "the") {
        return None;
    }
    t += 1;
    let last = sentence_end.min(t + MAX_MODIFIERS + 1);
    // A verb ends the scan: "…in Tianjin, the newspaper said" names who reports, not what
    // Tianjin is.
    let is_verb = |w: &str| cues::is_speech_verb(w) || cues::is_verb_helper(w);
    while t < last
        && is_word(word(t))
        && !word(t).contains('\'')
        && !word(t).contains('’')
        && !is_verb(word(t))
    {
        let ends_phrase =
            t + 1 >= sentence_end || !is_word(word(t + 1)) || PHRASE_ENDS.contains(&word(t + 1));
        if let Some(kind) = category(word(t)).filter(|_| ends_phrase) {
            let holds = !appositive || appositive_holds(text, ner, t + 1, sentence_end);
            return holds.then_some(kind);
        }
        if PHRASE_ENDS.contains(&word(t)) {
            return None;
        }
        t += 1;
    }
    None
}

/// Words that may follow a name its category noun introduces: what ends a noun phrase. Not
/// a verb: the name may be the subject of a clause that describes the noun ("a company
/// Cross is forming", "the district SOLIDERE is rebuilding").
const AFTER_INTRODUCED: &[&str] = &[
    "in", "on", "at", "of", "from", "and", "or", "with", "for", "to", "which", "who", "whose",
    "that",
];

/// Category nouns that say nothing of the name right after them: another sense ("how much
/// capital Daiwa", but see `is_a_capital`; "firm Sterling", "the aircraft carrier Kitty
/// Hawk"), or as often a person's trade as a firm's ("insurer Thierry Dehaan", "publisher
/// Lewis D. Whitehead").
const NOT_BEFORE_NAMES: &[&str] = &["capital", "firm", "carrier", "insurer", "publisher"];

/// What a share of something is held in: the asset a name after "in" may be (`a 51 pct
/// interest in the Cannon gold mine`, `its interest in Snyder's oil field`), which leaves
/// the name's kind to the tagger.
const HELD_ASSETS: &[&str] = &[
    "mine",
    "mines",
    "field",
    "fields",
    "project",
    "property",
    "properties",
    "plant",
    "plants",
    "prospect",
    "deposit",
    "well",
    "wells",
    "unit",
    "block",
    "concession",
    "accumulation",
    "reactor",
    "station",
    "claim",
    "claims",
];

/// The kind a holding right before the name gives it: a firm's, as only a company has
/// shares to hold: `a 43 pct stake in Husky`, `its stake in Progressive`, `a 57 pct
/// interest in Husky`, `an equity interest in Snyder`. "Interest" only after a share or an
/// equity's word (`pct`, `equity`, `minority`, `majority`, `controlling`): an interest in
/// Brazil or in Reagan is no holding. Not after "the" (`a stake in the Cannon gold mine`),
/// not before an asset's noun ([`HELD_ASSETS`]), not a listed place (`investment stakes in
/// Mexico`).
fn held_kind(text: &str, ner: &NerText, name: &Mention, sentence_end: usize) -> Option<EntityKind> {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let start = name.tokens.start;
    let first = sentence_start(ner, start);
    if start < first + 2 || word(start - 1) != "in" || name.kind == EntityKind::Organization {
        return None;
    }
    let holding = match word(start - 2) {
        "stake" | "stakes" | "stakeholding" | "shareholding" | "shareholdings" => true,
        "interest" | "interests" => {
            start >= first + 3
                && matches!(
                    word(start - 3),
                    "pct" | "percent" | "%" | "equity" | "minority" | "majority" | "controlling"
                )
        }
        _ => false,
    };
    // The asset's noun may follow a few modifiers: "Cannon gold mine", "Broussard oil and
    // gas field".
    let before_asset = (name.tokens.end..sentence_end)
        .take(4)
        .take_while(|&t| word(t).starts_with(|c: char| c.is_ascii_lowercase()))
        .any(|t| HELD_ASSETS.contains(&word(t)));
    // "a stake in Oporto-based Banco Totta": the adjective is the firm's seat.
    let is_seat = is_based_adjective(word(name.tokens.end - 1));
    (holding && !before_asset && !is_seat && !gazetteer::is_place(name.span.slice(text)))
        .then_some(EntityKind::Organization)
}

/// The kind a category noun right before the name gives it: "the band Deadsy", "independent
/// label Food", "American rock band, Eels.", "the drug Prozac"; for a place's category,
/// also across "of": "the town of Bridgton", "the island of Divar". The name must end its
/// phrase (punctuation, the sentence's end or one of [`AFTER_INTRODUCED`]), so "the company
/// Smith said" and "the company Smith founded" decide nothing, and after a comma it must be
/// followed by a mark. A person with a listed given name is no name of a body's category:
/// "the duo Ben Wolff and Nick Dewey" are people.
fn named_kind(
    text: &str,
    ner: &NerText,
    name: &Mention,
    sentence_end: usize,
) -> Option<EntityKind> {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let first = sentence_start(ner, name.tokens.start);
    let after = name.tokens.end;
    let is_mark = |t: usize| t >= sentence_end || is_closing_mark(word(t));
    let ends_phrase = is_mark(after) || AFTER_INTRODUCED.contains(&word(after));
    if !ends_phrase {
        return None;
    }
    let mut noun = name.tokens.start.checked_sub(1).filter(|&t| t > first)?;
    let mut across_of = false;
    if word(noun) == "," {
        if !is_mark(after) {
            return None;
        }
        noun = noun.checked_sub(1).filter(|&t| t >= first)?;
        // The noun's phrase after "of" is what the name's title is of: "the head of the
        // food logistics agency, Bustanil Arifin,".
        let complements = (first..noun)
            .rev()
            .take(MAX_MODIFIERS + 1)
            .take_while(|&t| is_word(word(t)))
            .any(|t| word(t) == "of");
        if complements {
            return None;
        }
    } else if word(noun) == "of" {
        noun = noun.checked_sub(1).filter(|&t| t >= first)?;
        across_of = true;
    }
    // A country's capital has "the" or the country's adjective before it: "the capital
    // Yamoussoukro", "the Ivorian capital Yamoussoukro", not "working capital CanCapital"
    // nor "the capital of Waterman" (a firm's share capital).
    let is_a_capital = word(noun) == "capital"
        && !across_of
        && noun > first
        && (word(noun - 1) == "the" || cues::is_capitalised(word(noun - 1)));
    if NOT_BEFORE_NAMES.contains(&word(noun)) && !is_a_capital {
        return None;
    }
    // A plural acronym is a kind of thing the noun modifies: "money centre bank FRNs".
    let last = word(name.tokens.end - 1);
    let is_plural_acronym = last.len() > 2
        && last.ends_with('s')
        && last[..last.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_uppercase());
    if is_plural_acronym {
        return None;
    }
    let kind = category(word(noun))?;
    if across_of && kind != EntityKind::Place {
        return None;
    }
    let is_given_name =
        gazetteer::contains_word(gazetteer::List::FirstName, word(name.tokens.start));
    if kind != EntityKind::Person && name.kind == EntityKind::Person && is_given_name {
        return None;
    }
    Some(kind)
}

/// Whether an appositive whose category noun ends before token `from` describes the name
/// before it: not when a verb of saying follows within it ("…in Singapore, a spokesman for
/// the federation said": the words name who speaks), nor when its closing comma is followed
/// by a name, which it then introduces ("in Ohio, the joint venture company, Clevite Co").
fn appositive_holds(text: &str, ner: &NerText, from: usize, sentence_end: usize) -> bool {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let close = (from..sentence_end).find(|&t| word(t) == ",");
    if (from..close.unwrap_or(sentence_end)).any(|t| cues::is_speech_verb(word(t))) {
        return false;
    }
    match close {
        Some(comma) => comma + 1 >= sentence_end || !cues::is_capitalised(word(comma + 1)),
        None => true,
    }
}

/// Whether `m` follows another name and "of", "in", "at" or a comma (a "the" between
/// allowed), as a place ends a firm's name or address: `Mafina BV of Voorburg`, `CoMED Inc
/// of Denville, N.J.`. `name_ends` holds the token after each mention's last, sorted.
fn ends_a_name_or_address(text: &str, ner: &NerText, m: &Mention, name_ends: &[usize]) -> bool {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let mut t = m.tokens.start;
    if t > 0 && word(t - 1).eq_ignore_ascii_case("the") {
        t -= 1;
    }
    t > 1
        && matches!(word(t - 1), "of" | "in" | "at" | ",")
        && name_ends.binary_search(&(t - 1)).is_ok()
}

/// Whether `name`, read as a person, is a place's name in an address: a comma, then a
/// listed country or region (a US state among them) that ends the address at a mark
/// ("Debden, England;", "born in Fort Lauderdale, Florida.", "Little Falls, Minnesota)").
/// Not a name that opens with a listed given name, nor one whose place goes on into more
/// words: the place then opens a clause or a description ("According to Gaviria, Colombia
/// can hope", "Craig Stromme, U.S. embassy spokesman", "Smith, Texas A&M's coach").
fn is_address(text: &str, ner: &NerText, name: &Mention, place: &Mention) -> bool {
    let word = |t: usize| ner.tokens[t].span.slice(text);
    let after = place.tokens.end;
    name.kind == EntityKind::Person
        && place.kind == EntityKind::Place
        && place.tokens.start == name.tokens.end + 1
        && word(name.tokens.end) == ","
        && !gazetteer::contains_word(gazetteer::List::FirstName, word(name.tokens.start))
        && [gazetteer::List::Country, gazetteer::List::Region]
            .into_iter()
            .any(|list| gazetteer::contains(list, place.span.slice(text)))
        && (after >= ner.tokens.len() || is_closing_mark(word(after)))
}

/// Whether `word` is a mark that ends a name's phrase or an address.
fn is_closing_mark(word: &str) -> bool {
    matches!(word, "," | "." | ";" | ")" | ":")
}

/// Gives every mention of a defined name the kind its first definition in the article says.
pub fn apply(text: &str, ner: &NerText, mentions: &mut [Mention]) {
    let mut defined: Vec<(u64, EntityKind)> = Vec::new();
    let mut name_ends: Vec<usize> = mentions.iter().map(|m| m.tokens.end).collect();
    name_ends.sort_unstable();
    let mut sentence = 0;
    for (k, m) in mentions.iter().enumerate() {
        while sentence + 1 < ner.sentences.len() && ner.sentences[sentence].end <= m.tokens.start {
            sentence += 1;
        }
        let Some(end) = ner.sentences.get(sentence).map(|s| s.end) else {
            continue;
        };
        let key = ner.sequence_hash(m.tokens.clone());
        if defined.iter().any(|(done, _)| *done == key) {
            continue;
        }
        let address = mentions
            .get(k + 1)
            .filter(|next| is_address(text, ner, m, next));
        let kind = if address.is_some() {
            Some(EntityKind::Place)
        } else {
            defined_kind(text, ner, m, end)
                .or_else(|| named_kind(text, ner, m, end))
                .or_else(|| held_kind(text, ner, m, end))
        };
        let Some(kind) = kind else {
            continue;
        };
        // A place defined as anything else is the end of a longer name or of an address,
        // and the definition is the whole name's ("Caisse de depot et placement du Quebec,
        // the government agency", "of Baltimore, Maryland, a federal savings association",
        // "Mafina BV of Voorburg, a subsidiary of Petrofina SA"): a listed place, or one the
        // tagger read as a place after another name and "of", "in", "at" or a comma. Asked
        // only of a defined name: the lists tokenise it.
        let is_place = || {
            gazetteer::is_place(m.span.slice(text))
                || (m.kind == EntityKind::Place && ends_a_name_or_address(text, ner, m, &name_ends))
        };
        if kind == EntityKind::Place || !is_place() {
            defined.push((key, kind));
        }
    }
    if defined.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let key = ner.sequence_hash(m.tokens.clone());
        if let Some((_, kind)) = defined.iter().find(|(done, _)| *done == key) {
            m.kind = *kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagged::kinds;
    use super::*;

    use EntityKind::{Misc, Organization as Org, Person, Place};

    /// Asserts that `name`, which the tagger read as `tagged` in `text` (its only name), is
    /// `defined`.
    fn assert_defined(text: &str, name: &str, tagged: EntityKind, defined: EntityKind) {
        assert_eq!(
            kinds(text, &[(name, tagged)]),
            [(name.into(), defined)],
            "{text}"
        );
    }

    /// Asserts that the tagger's reading of `name` as `kind` in `text` stands.
    fn assert_kept(text: &str, name: &str, kind: EntityKind) {
        let found = kinds(text, &[(name, kind)]);
        assert!(found.contains(&(name.into(), kind)), "{text}: {found:?}");
    }

    #[test]
    fn a_definition_gives_the_name_its_kind_everywhere_in_the_article() {
        let text = "Aisby is a village in the English county of Lincolnshire. \
                    Aisby can be spelt as Azeby.";
        assert_eq!(
            kinds(text, &[("Aisby", Person), ("Lincolnshire", Place)]),
            [
                ("Aisby".into(), Place),
                ("Lincolnshire".into(), Place),
                ("Aisby".into(), Place)
            ]
        );
        for (text, name, tagged, defined) in [
            (
                "Linkin Park is an American rock band from California.",
                "Linkin Park",
                Person,
                Org,
            ),
            (
                "Ervenik (Serbian Cyrillic: Ервеник) is a village.",
                "Ervenik",
                Person,
                Place,
            ),
            (
                "The Ayalon Cave is a large underground limestone cave.",
                "Ayalon Cave",
                Person,
                Place,
            ),
            (
                "Equimark, a Pittsburgh bank holding company, said so.",
                "Equimark",
                Person,
                Org,
            ),
            ("Smith, a company spokesman, said so.", "Smith", Org, Person),
            (
                "Teddy Ruxpin, the talking toy, sold well.",
                "Teddy Ruxpin",
                Person,
                Misc,
            ),
        ] {
            assert_defined(text, name, tagged, defined);
        }
    }

    #[test]
    fn a_name_before_a_listed_state_or_country_that_ends_the_address_is_a_place() {
        for (text, name) in [
            (
                "He was born in Fort Lauderdale, Florida.",
                "Fort Lauderdale",
            ),
            ("It moved to Debden, England; then to Trosten.", "Debden"),
        ] {
            let place = text
                .split(", ")
                .nth(1)
                .and_then(|r| r.split(['.', ';']).next());
            let tagged = [(name, Person), (place.expect("a place"), Place)];
            assert!(
                kinds(text, &tagged).contains(&(name.into(), Place)),
                "{text}"
            );
        }
        for (text, name, place) in [
            // The place opens a clause, or a description.
            (
                "According to Gaviria, Colombia can hope to earn more.",
                "Gaviria",
                "Colombia",
            ),
            (
                "Stromme, Florida embassy spokesman, said so.",
                "Stromme",
                "Florida",
            ),
            // A listed given name opens the name.
            (
                "It was Michael Johnson, Florida.",
                "Michael Johnson",
                "Florida",
            ),
        ] {
            let found = kinds(text, &[(name, Person), (place, Place)]);
            assert!(found.contains(&(name.into(), Person)), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_stake_in_a_name_makes_it_a_firm() {
        for (text, name, tagged) in [
            (
                "Union Faith would buy a 43 pct stake in Husky.",
                "Husky",
                Place,
            ),
            (
                "Rainbow lifted its stake in Progressive to 52 pct.",
                "Progressive",
                Misc,
            ),
            ("Nova owns a 57 pct interest in Husky.", "Husky", Place),
            (
                "It has a substantial equity interest in Snyder.",
                "Snyder",
                Person,
            ),
            (
                "The foundation's stake in Wurlitzer is below five pct.",
                "Wurlitzer",
                Place,
            ),
        ] {
            assert_defined(text, name, tagged, Org);
        }
    }

    #[test]
    fn an_interest_a_mine_or_a_listed_place_keeps_the_taggers_kind() {
        for (text, name, kind) in [
            // An interest that is no holding.
            (
                "There is keen interest in Brazil among investors.",
                "Brazil",
                Place,
            ),
            ("He lost interest in Reagan early.", "Reagan", Person),
            // An asset, not a firm.
            (
                "It has a 51 pct interest in Cannon gold mine.",
                "Cannon",
                Misc,
            ),
            (
                "It bought a stake in the Broussard field.",
                "Broussard",
                Misc,
            ),
            // A listed place.
            ("Japan cut its stakes in Mexico last year.", "Mexico", Place),
            // A firm's seat.
            (
                "It took a stake in Oporto-based banks.",
                "Oporto-based",
                Misc,
            ),
        ] {
            assert_kept(text, name, kind);
        }
    }

    #[test]
    fn a_category_noun_right_before_a_name_gives_it_its_kind() {
        for (text, name, tagged, defined) in [
            (
                "It was about the band Deadsy, whose members left.",
                "Deadsy",
                Person,
                Org,
            ),
            (
                "It was released by American rock band, Eels.",
                "Eels",
                Person,
                Org,
            ),
            (
                "Trains ran to the town of Bridgton in 1883.",
                "Bridgton",
                Person,
                Place,
            ),
            ("It makes the drug Prozac.", "Prozac", Place, Misc),
            (
                "It sells Lilly's human growth hormone, Humatrope, in Japan.",
                "Humatrope",
                Person,
                Misc,
            ),
            (
                "It may market Cephalexin, an antibiotic that is generic.",
                "Cephalexin",
                Person,
                Misc,
            ),
            (
                "They met in the Ivorian capital Yamoussoukro.",
                "Yamoussoukro",
                Person,
                Place,
            ),
        ] {
            assert_defined(text, name, tagged, defined);
        }
        for (text, name, kind) in [
            // The name is the subject of a clause about the noun, or speaks.
            (
                "It was merged into a company Cross is forming.",
                "Cross",
                Person,
            ),
            ("It is the company Smith said.", "Smith", Person),
            // The noun's phrase is what a title is of.
            (
                "The head of the food agency, Bustanil Arifin, said so.",
                "Bustanil Arifin",
                Person,
            ),
            // Another sense of the noun, or a person's trade as often as a firm's.
            (
                "He declined to say how much capital Daiwa, the broker, had.",
                "Daiwa",
                Org,
            ),
            (
                "It bought 51 pct of the capital of Waterman at 700 francs.",
                "Waterman",
                Org,
            ),
            (
                "The other was insurer Thierry Dehaan.",
                "Thierry Dehaan",
                Person,
            ),
            (
                "The money centre bank FRNs, with others, fell.",
                "FRNs",
                Misc,
            ),
            // A listed given name opens a person's name.
            (
                "It is the duo Ben Wolff and Nick Dewey.",
                "Ben Wolff",
                Person,
            ),
        ] {
            assert_kept(text, name, kind);
        }
    }

    #[test]
    fn what_only_looks_like_a_definition_decides_nothing() {
        for (text, name, kind) in [
            // A noun that does not end its phrase; a possessive.
            ("Smith, a band member, said so.", "Smith", Person),
            ("Jones, the bank's chairman, said so.", "Jones", Person),
            // An attribution after a clause, not an appositive.
            (
                "It is in Zembla, the newspaper said the company.",
                "Zembla",
                Place,
            ),
            (
                "It sells to Zembla, a spokesman for the federation said.",
                "Zembla",
                Place,
            ),
            // Capitalised: the next name of a list.
            (
                "It sold to Zembla, the Soviet Union and Iraq.",
                "Zembla",
                Place,
            ),
            // Not the sentence's subject.
            ("He said Nova is a company.", "Nova", Person),
            // The appositive introduces the name after it.
            (
                "It is in Akron, the joint venture company, Clevite Co, will say.",
                "Akron",
                Place,
            ),
            // A listed place defined as anything else ends a longer name or an address.
            (
                "It bought Caisse du Quebec, the government agency.",
                "Quebec",
                Place,
            ),
        ] {
            assert_kept(text, name, kind);
        }
        // A place after another name and "of" is the other name's address.
        let text = "Mafina BV of Voorburg, a subsidiary of Petrofina SA, is issuing bonds.";
        let tagged = [
            ("Mafina BV", Org),
            ("Voorburg", Place),
            ("Petrofina SA", Org),
        ];
        assert!(kinds(text, &tagged).contains(&("Voorburg".into(), Place)));
    }
}
