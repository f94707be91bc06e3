//! `fates` parts: where the archive's resolve stage sent each name extraction gave, in all
//! its articles ([`NameFate`]), filed by the extraction id (`person:volcker`), so the
//! reader's own articles take the archive's verdicts on the same names
//! ([`crate::resolve::from_archive`]) by fetching the parts of their own names only.
//!
//! Only names the stage merged elsewhere or left out have a fate: a name that stayed itself
//! everywhere needs no lookup (its id is the archive's entity's). A link to a name with a
//! fate (made before the archive resolved it so) finds where it went here too.

use super::codec::{Dec, Enc, Problem};
use super::parts::{done, find_sorted};
use crate::resolve::from_archive::{DroppedBy, MergedTo, NameFate};

/// Fates per `fates` part, on average (the bucket count follows from it). A reader's
/// article names about ten names, each in its own bucket: smaller parts cost a few
/// articles less, but every bucket's name is in the catalogue every link fetches (16 bytes
/// each). 512: about 10 KB a part, 18 parts at 19,000 articles.
pub const FATES_PER_PART: usize = 512;

/// A `fates` part: the fates of one hash bucket of extraction ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FatesPart {
    /// Sorted by extraction id.
    pub fates: Vec<NameFate>,
}

impl FatesPart {
    /// The body bytes: `len { from:str kept len { into:str name:str rule:str articles
    /// reads } len { rule:str articles reads } }` (`kept`, `reads`: 0 or 1).
    pub fn encode(&self) -> Vec<u8> {
        let mut enc = Enc::default();
        enc.list(&self.fates, |enc, fate| {
            enc.str(&fate.from);
            enc.u32(u32::from(fate.kept));
            enc.list(&fate.merged, |enc, m| {
                enc.str(&m.into);
                enc.str(&m.name);
                enc.str(&m.rule);
                enc.u32(m.articles);
                enc.u32(u32::from(m.reads_the_article));
            });
            enc.list(&fate.dropped, |enc, d| {
                enc.str(&d.rule);
                enc.u32(d.articles);
                enc.u32(u32::from(d.reads_the_article));
            });
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`FatesPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let fates = dec.list(|dec| {
            Ok(NameFate {
                from: dec.str()?,
                kept: flag(dec)?,
                merged: dec.list(|dec| {
                    Ok(MergedTo {
                        into: dec.str()?,
                        name: dec.str()?,
                        rule: dec.str()?,
                        articles: dec.u32()?,
                        reads_the_article: flag(dec)?,
                    })
                })?,
                dropped: dec.list(|dec| {
                    Ok(DroppedBy {
                        rule: dec.str()?,
                        articles: dec.u32()?,
                        reads_the_article: flag(dec)?,
                    })
                })?,
            })
        })?;
        if !fates.is_sorted_by(|a: &NameFate, b| a.from < b.from) {
            return Err(Problem::Invalid("fates out of order"));
        }
        done(&dec, Self { fates })
    }

    /// The fate of extraction id `from`, if the archive merged or dropped it.
    pub fn find(&self, from: &str) -> Option<&NameFate> {
        find_sorted(&self.fates, from, |f| f.from.as_str())
    }
}

/// A 0 or 1 written as a varint.
fn flag(dec: &mut Dec) -> Result<bool, Problem> {
    match dec.u32()? {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Problem::Invalid("fates flag")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fates_part_round_trips_and_refuses_disorder() {
        let part = FatesPart {
            fates: vec![
                NameFate {
                    from: "person:baker".into(),
                    kept: true,
                    merged: vec![MergedTo {
                        into: "person:james-baker".into(),
                        name: "James Baker".into(),
                        rule: "collection evidence".into(),
                        articles: 40,
                        reads_the_article: false,
                    }],
                    dropped: Vec::new(),
                },
                NameFate {
                    from: "person:reuter".into(),
                    kept: false,
                    merged: Vec::new(),
                    dropped: vec![DroppedBy {
                        rule: "agency sign-off".into(),
                        articles: 4_629,
                        reads_the_article: false,
                    }],
                },
            ],
        };
        let read = FatesPart::decode(&part.encode()).expect("a part it wrote");
        assert_eq!(read, part);
        assert_eq!(
            read.find("person:reuter").map(|f| f.dropped[0].articles),
            Some(4_629)
        );
        assert_eq!(read.find("person:volcker"), None);
        let mut unsorted = part;
        unsorted.fates.reverse();
        assert!(FatesPart::decode(&unsorted.encode()).is_err());
    }
}
