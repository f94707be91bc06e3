//! Where a name stands, as evidence that it is no name at all: an agency sign-off stands on
//! an article's last short line ("REUTER"), a table header or row label in lines of numbers
//! without a sentence ("Shr 25 cts vs 20 cts", "Nine mths"; a first line after its
//! dateline), a ticker between angle brackets ("<SRD>"), a month before its day ("Jan 15").
//! Counted over every mention in the collection, so a name is dropped for where it usually
//! stands, not for how it is spelt.

use crate::corpus::Article;
use crate::extract::entities::spelled_out;
use crate::extract::{Annotations, structure};
use crate::span::ByteSpan;

/// Where one line of a body stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineShape {
    /// A sentence or paragraph.
    Prose,
    /// The last non-empty line, not the only one, three words or fewer, no sentence: a sign-off.
    SignOff,
    /// A short line without sentence punctuation, with numbers or of four words or fewer.
    Table,
}

/// How often an article's mentions of one entity stand in each position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Positions {
    /// Every mention.
    pub mentions: u32,
    /// On the article's last short line.
    pub sign_off: u32,
    /// In a table-like line.
    pub table: u32,
    /// Between angle brackets, in capitals (`<SRD>`).
    pub bracketed_code: u32,
    /// An acronym right after the lower-case words it abbreviates ("commercial paper
    /// (CP)"): its article defines a term.
    pub spelled_out: u32,
    /// Followed by a number, as a month by its day (`Jan 15`, `Jan. 2`).
    pub before_number: u32,
    /// Followed by a lone capital letter, as a share class or a series (`Class A`).
    pub before_letter: u32,
    /// Followed by a word in lower case, as an adjective by its noun (`Federal funds`,
    /// `Congressional sources`).
    pub before_lowercase: u32,
    /// Followed by a word only a firm's name stands before (`Valor ordinary shares`,
    /// `Kingsbridge common stock`, `Varig airline`; see [`FIRM_NOUNS`]).
    pub before_firm_noun: u32,
    /// Followed by a word only an agreement's name stands before (`Louvre accord`, `Plaza
    /// agreement`; see [`ACCORD_NOUNS`]).
    pub before_accord_noun: u32,
    /// In a dateline's place (`PROVIDENCE, R.I., March 2 -`), or followed by a word only
    /// a place's name stands before (`Jiangsu province`; see [`PLACE_NOUNS`]): the name
    /// is a place's.
    pub as_place: u32,
    /// Articles counted (filled in by the caller when adding up the collection).
    pub articles: u32,
    /// Of them, articles with a mention on the last short line.
    pub sign_off_articles: u32,
    /// Of them, articles with a mention in a table line.
    pub table_articles: u32,
}

impl Positions {
    /// Adds another count.
    pub fn add(&mut self, other: Positions) {
        self.mentions += other.mentions;
        self.sign_off += other.sign_off;
        self.table += other.table;
        self.bracketed_code += other.bracketed_code;
        self.spelled_out += other.spelled_out;
        self.before_number += other.before_number;
        self.before_letter += other.before_letter;
        self.before_lowercase += other.before_lowercase;
        self.before_firm_noun += other.before_firm_noun;
        self.before_accord_noun += other.before_accord_noun;
        self.as_place += other.as_place;
        self.articles += other.articles;
        self.sign_off_articles += other.sign_off_articles;
        self.table_articles += other.table_articles;
    }
}

/// Words after a name that make it a firm's: its stock, its shareholders. Not `shares`
/// alone, a verb after a person's name as often ("Volcker shares the view").
pub const FIRM_NOUNS: &[&str] = &[
    "common",
    "ordinary",
    "preferred",
    "preference",
    "convertible",
    "stock",
    "stockholders",
    "shareholders",
    "airline",
    "subsidiary",
];

/// Words after a name that make it a thing's name, miscellaneous: the place or building an
/// agreement was made in names the agreement (`the Louvre accord`), not a body, and the
/// seismologist a scale is named after names the scale (`6.9 on the Richter scale`: 22
/// Reuters mentions the tagger read as a person).
pub const ACCORD_NOUNS: &[&str] = &[
    "accord",
    "accords",
    "agreement",
    "agreements",
    "pact",
    "scale",
    "treaty",
];

/// Words after a name that make it a place's (`Jiangsu province`, `Orange county`), in
/// lower case: `Jiangsu Province` may be a body's name.
pub const PLACE_NOUNS: &[&str] = &["province", "county", "state", "region", "district"];

/// The positions of each entity's mentions in one article (indexed like its entities).
pub fn positions(article: &Article, found: &Annotations) -> Vec<Positions> {
    let text = article.text.as_str();
    let (lines, dateline_place) = lines(text, article.body);
    let mut counts = vec![Positions::default(); found.entities.len()];
    let mut line = 0;
    for mention in &found.mentions {
        let Some(count) = counts.get_mut(mention.entity) else {
            continue;
        };
        // Mentions come in text order, so the line only moves forward.
        while line < lines.len() && lines[line].0.end <= mention.span.start {
            line += 1;
        }
        count.mentions += 1;
        if dateline_place
            .is_some_and(|p| p.start <= mention.span.start && mention.span.end <= p.end)
        {
            count.as_place += 1;
        }
        match lines.get(line) {
            Some((span, LineShape::SignOff)) if span.start <= mention.span.start => {
                count.sign_off += 1
            }
            Some((span, LineShape::Table)) if span.start <= mention.span.start => count.table += 1,
            _ => {}
        }
        let before = text.get(..mention.span.start).unwrap_or("");
        let after = text.get(mention.span.end..).unwrap_or("");
        let name = text.get(mention.span.start..mention.span.end).unwrap_or("");
        if before.ends_with('<')
            && after.starts_with('>')
            && !name.contains(' ')
            && !name.chars().any(char::is_lowercase)
        {
            count.bracketed_code += 1;
        }
        if spelled_out::is_spelled_out(before, name) {
            count.spelled_out += 1;
        }
        let next_word = after
            .strip_prefix('.')
            .unwrap_or(after)
            .trim_start_matches(' ');
        if next_word.len() < after.len() && next_word.starts_with(|c: char| c.is_ascii_digit()) {
            count.before_number += 1;
        }
        // The text after the one space that follows the name, if one does.
        let after_space = after.strip_prefix(' ');
        let firm_noun =
            after_space.and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next());
        if firm_noun.is_some_and(|w| FIRM_NOUNS.contains(&w)) {
            count.before_firm_noun += 1;
        }
        if firm_noun.is_some_and(|w| ACCORD_NOUNS.contains(&w)) {
            count.before_accord_noun += 1;
        }
        if firm_noun.is_some_and(|w| PLACE_NOUNS.contains(&w)) {
            count.as_place += 1;
        }
        if after_space
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_lowercase)
        {
            count.before_lowercase += 1;
        }
        // Right after one space, not after a full stop ("Reagan. A spokesman said" is a new
        // sentence), not an initial ("James A. Baker") nor a legal form ("A/S"): "Class A
        // shares".
        let mut next = after_space.unwrap_or("").chars();
        if next.next().is_some_and(|c| c.is_ascii_uppercase())
            && !next
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '/')
        {
            count.before_letter += 1;
        }
    }
    counts
}

/// The body's non-empty lines with their shape, in order, and the place of the dateline
/// that opens its first one, if any.
fn lines(text: &str, body: ByteSpan) -> (Vec<(ByteSpan, LineShape)>, Option<ByteSpan>) {
    let mut lines = Vec::new();
    let mut dateline_place = None;
    let Some(body_text) = text.get(body.start..body.end) else {
        return (lines, dateline_place);
    };
    let mut start = body.start;
    let mut first_line = true;
    for line in body_text.split_inclusive('\n') {
        let mut span = ByteSpan::new(start, start + line.len());
        start += line.len();
        let opens_body = first_line && !line.trim().is_empty();
        first_line &= !opens_body;
        if lines.is_empty()
            && let Some(dateline) = structure::dateline(text, span)
        {
            if opens_body {
                dateline_place = dateline.place;
            }
            // `SAN MATEO, Calif., March 2 - Mthly div 4.5 cts vs 4.5 cts prior`: the line
            // after its dateline is a table row, and the dateline's place is no table token.
            span = ByteSpan::new(dateline.span.end.min(span.end), span.end);
        }
        let line = text.get(span.start..span.end).unwrap_or("");
        if !line.trim().is_empty() {
            lines.push((span, shape(line.trim())));
        }
    }
    // A short heading right above a table line heads the table (`Nine Mths`, then `Shr …`).
    for at in (0..lines.len().saturating_sub(1)).rev() {
        let next_is_table = lines[at + 1].1 == LineShape::Table;
        let heading = text
            .get(lines[at].0.start..lines[at].0.end)
            .is_some_and(|l| {
                let l = l.trim();
                l.split_whitespace().count() <= 4
                    && !l.ends_with(['.', '!', '?', '"', '”', ':', ';', ','])
            });
        if next_is_table && heading {
            lines[at].1 = LineShape::Table;
        }
    }
    let only_line = lines.len() == 1;
    if let Some((span, shape)) = lines.last_mut() {
        let line = text.get(span.start..span.end).unwrap_or("").trim();
        let words = line.split_whitespace().count();
        let ends_sentence = line.ends_with(['.', '!', '?', '"', '”', ':', ';', ',']);
        if words <= 3 && !ends_sentence && !only_line {
            *shape = LineShape::SignOff;
        }
    }
    (lines, dateline_place)
}

/// The shape of one trimmed line (not yet knowing whether it is the last): a table line is
/// short, has no sentence punctuation, holds numbers or is four words or fewer, and holds
/// the lowercase abbreviations of a financial table (`cts`, `vs`, `mln`, `mths`: every
/// lowercase word five letters or fewer, at least one), or, without them, quantities in
/// half its words or more and no small count (a statistics table's row). A sports standings row
/// (`Northampton 5 3 1 1 10 6 10`) has neither and is not a table line here: its names are
/// real.
fn shape(line: &str) -> LineShape {
    let ends_sentence = line.ends_with(['.', '!', '?', '"', '”', ':', ';', ',']);
    if ends_sentence {
        return LineShape::Prose;
    }
    let words = line.split_whitespace().count();
    let numbers = line
        .split_whitespace()
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .count();
    let mut lowercase = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .peekable();
    let has_lowercase = lowercase.peek().is_some();
    let abbreviations_only = lowercase.all(|w| w.chars().count() <= 5);
    // Quantities say a statistics table's row without any lower-case word (`Start Stcks
    // 1,905   1,905    1,425`, `Start Stcks     212     212`): two or more, in half its
    // words or more, each of three digits or more or with a decimal point, and no count of
    // one or two digits, which a standings or results row has (`Dallas 10 6 0 .625 385`).
    let (mut quantities, mut counts) = (0, 0);
    for number in line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
    {
        if is_quantity(number) {
            quantities += 1;
        } else if number.bytes().all(|b| b.is_ascii_digit()) {
            counts += 1;
        }
    }
    let statistics_row = quantities >= 2 && quantities * 2 >= words && counts == 0;
    if words <= 12
        && (numbers > 0 || words <= 4)
        && ((has_lowercase && abbreviations_only) || statistics_row)
    {
        LineShape::Table
    } else {
        LineShape::Prose
    }
}

/// Whether `number` (digits, commas, points) is a quantity rather than a count: three
/// digits or more (`212`, `1,905`) or a decimal (`4.5`, `.625`).
fn is_quantity(number: &str) -> bool {
    number.contains('.') || number.bytes().filter(u8::is_ascii_digit).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_prose_tables_or_a_sign_off() {
        let text = "NEW YORK, March 3 - Acme Inc said profits rose.\n\nShr 25 cts vs 20 cts\n\
                    Nine Mths\nShr 1.20 dlrs vs 1.10 dlrs\nNorthampton 5 3 1 1 10 6 10\n\
                    Start Stcks  1,905   1,905    1,425\nDallas 10 6 0 .625 385 330\n\
                    A long line with many words but no final stop that goes on and on and on\n\nReuter\n";
        let shapes: Vec<LineShape> = lines(text, ByteSpan::new(0, text.len()))
            .0
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(
            shapes,
            [
                LineShape::Prose,
                LineShape::Table,
                LineShape::Table,
                LineShape::Table,
                LineShape::Prose,
                LineShape::Table,
                LineShape::Prose,
                LineShape::Prose,
                LineShape::SignOff
            ]
        );
    }

    #[test]
    fn a_table_row_after_a_dateline_is_a_table_line_but_not_its_place() {
        let text =
            "SAN MATEO, Calif., March 2 - Mthly div 4.5 cts vs 4.5 cts prior\n\nPay March 31.\n";
        let found = Annotations {
            entities: ["SAN MATEO", "Mthly"]
                .iter()
                .map(|name| crate::extract::Entity {
                    id: crate::extract::EntityId::new(crate::extract::EntityKind::Place, name),
                    kind: crate::extract::EntityKind::Place,
                    canonical: name.to_string(),
                    aliases: Vec::new(),
                    role: None,
                })
                .collect(),
            mentions: vec![
                crate::extract::EntityMention {
                    span: ByteSpan::new(0, 9),
                    entity: 0,
                },
                crate::extract::EntityMention {
                    span: ByteSpan::new(29, 34),
                    entity: 1,
                },
            ],
            ..Annotations::default()
        };
        let article = crate::corpus::parse_file("a.txt", text.as_bytes())
            .expect("article")
            .remove(0);
        assert_eq!(&article.text[article.body.start..][..9], "SAN MATEO");
        let counts = positions(&article, &found);
        assert_eq!((counts[0].mentions, counts[0].table), (1, 0), "the place");
        assert_eq!(
            (counts[1].mentions, counts[1].table),
            (1, 1),
            "the row label"
        );
    }

    #[test]
    fn a_long_last_line_is_no_sign_off() {
        let text = "Zas said the mission would go ahead as planned.";
        let shapes: Vec<LineShape> = lines(text, ByteSpan::new(0, text.len()))
            .0
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(shapes, [LineShape::Prose]);
    }
}
