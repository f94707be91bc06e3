//! Archive: here is an indexed collection, give me immutable, content-addressed parts a
//! static host can serve forever — and, on the read side, here is a filter, tell me which
//! parts it needs, then answer it from those parts alone.
//!
//! The write side ([`write`], native only) runs in `dossier build`; the read side
//! ([`Archive`]) has no threads and no file system, so the browser can drive it with
//! `fetch`: [`Archive::search`] either answers or returns the parts it still needs
//! ([`Needs`]); the caller fetches them (asynchronously in the browser, from a folder
//! natively: [`search_from`]), hands them to [`Archive::add`], and asks again. A view needs
//! at most four rounds: catalogue; words (each with its typos' names), entities, speakers;
//! expanded words and positions; the `docs` of the first page and the facet postings (or,
//! for a view filtered by one entity, speaker or metadata value alone, its bucket's
//! `keyfacets` part: [`key_facets`]).
//!
//! # Format (version 1)
//!
//! ```text
//! SITE/archive/manifest.json   {"format":1,"catalogue":"<part name>","list":"<part name>",
//!                               "parts":N,"bytes":B}
//!                              the only mutable file: serve it with Cache-Control: no-cache;
//!                              N and B count every part, the list included (B is what
//!                              "Save for offline" downloads); "list" is absent in archives
//!                              built before it existed (they open, but cannot be saved)
//! SITE/archive/parts/<name>    immutable: Cache-Control: public, max-age=31536000, immutable
//!
//! name     = hex32 "." kind           ; hex32: first 16 bytes of SHA-256 of the stored bytes
//! kind     = "catalogue" | "terms" | "positions" | "lexicon" | "lexicon2" | "entities"
//!          | "speakers" | "docs" | "texts" | "facets" | "doctable"
//!          | "termtable" | "partlist" | "ids" | "profiles" | "fields" | "tallies"
//!          | "mentioned" | "names" | "fates" | "bucketlist" | "keyfacets"
//! stored   = gzip(payload)            ; level 6, mtime 0, no file name: bytes depend on payload only
//! payload  = "DSAR" version:u8 kind:u8 body   ; version = 1; kind = position in the list above
//! varint   = LEB128 (u32/u64)         ; every number below is a varint unless said otherwise
//! str      = len bytes                ; UTF-8
//! docs     = len { gap }              ; ascending document numbers as gaps from 0
//! hash     = 16 raw bytes             ; a part name; its kind is known from where it is stored
//! key      = str | "" form:varint     ; a facet value's link key; never empty itself, so an
//!                                     ;   empty one says it follows from the value's label:
//!                                     ;   form 0 "", 1 slug(label), 2..5 "person:" |
//!                                     ;   "organization:" | "place:" | "misc:" slug(label)
//! names    = len { hash }
//!
//! catalogue = docs:varint avg_words:f32-bits
//!             len { first_doc-gap lo hi-lo }                  ; publication-date runs
//!             len { name:str docs }                           ; sources
//!             B:varint names(termtable)                       ; bucket b = fnv1a64(term) mod B
//!             len { char hash } len { char hash }             ; lexicon, lexicon2
//!             names(entities) names(speakers)                 ; bucket = fnv1a64(key) mod B
//!             names(doctable)                                 ; as the layout says
//!             4 × ( len { key label:str count } names(facets) )  ; people, orgs, places, speakers
//!             [ names(ids) [ names(profiles)                   ; bucket = fnv1a64(article id) mod len,
//!                                                             ;   fnv1a64(entity key) mod len
//!               [ len { field:str articles                    ; metadata fields kept as facets
//!                       len { value:str count } names(facets) } ; their top 200 values
//!                 names(fields)                               ; fnv1a64(field US value) mod len
//!                 [ len { key label:str count } names(facets) ; other names (misc)
//!                   [ 5 × names(tallies)                      ; people, orgs, places, speakers, misc
//!                     [ len { lo-gap reach-lo hash }          ; mentioned dates by start (absent:
//!                       names(mentioned)                      ;   built before them); year-unknown
//!                       [ names(names)                        ; fnv1a64(word start) mod len
//!                         [ docs_per_part parts_per_table     ; absent: 64, 128, 25
//!                           facet_values_per_part
//!                           [ names(fates)                ; fnv1a64(extraction id) mod len
//!                             [ 5 × ( buckets:varint          ; ids, profiles, fields, names,
//!                                     names(bucketlist) ) ]   ;   fates: when buckets > 0, the
//!                           ] ] ] ] ] ] ] ] ]                 ;   catalogue's own list of them
//!                                                             ;   is empty and len = buckets
//! terms     = len { term:str len { doc-gap tf doc_words } }   ; sorted by term
//!             [ per term: len { near:str } ]                  ; its typos: terms one edit away,
//!                                                             ;   by length then term (absent:
//!                                                             ;   built before them)
//! positions = len { term:str len { docs(positions) } }        ; same buckets, one list per posting
//! lexicon   = len { shared:len suffix:str df }                ; front-coded, sorted (by 1st char)
//! lexicon2  = the same, terms grouped by their 2nd character  ; typos at the first character
//! entities  = len { id:str name:str kind:str docs }           ; speakers: kind is empty
//!             [ hash ]                                        ; its keyfacets part (absent:
//!                                                             ;   built before them)
//! fields    = the same layout, id = field US value (US = U+001F), name = value, kind = field
//! tallies   = len { elsewhere:varint len { mentions quotes } } ; per value and posting of the
//!                                                             ;   facets part of the same place
//! mentioned = len { lo-gap hi-lo docs }                       ; per interval, sorted by (lo, hi);
//!                                                             ;   a document once per mention
//! names     = len { table key:str label:str count }           ; table: 0 people, 1 orgs, 2 places,
//!                                                             ;   3 speakers; by (table, key)
//! termtable = names(terms) names(positions)                   ; 128 buckets each
//! bucketlist = kind:varint names                              ; 64 bucket names of that kind;
//!                                                             ;   bucket b: list b / 64, at b mod 64
//! doctable  = names(docs)                                     ; parts_per_table docs parts
//!                                                             ;   of docs_per_part documents
//! docs      = first_doc len { id title date source words lede
//!                             len { number speaker:str start len } }  names(texts)
//!             [ per document: len { speaker-name:str text:str } ]  ; per quote (absent: built
//!                                                             ;   before quotes kept them)
//! texts     = first_doc len { article-json:str annotations-json:str }  ; 32 documents each
//! facets    = len { docs }                                    ; facet_values_per_part values each
//! keyfacets = len { len { slot-gap articles } }               ; per entry of the bucket naming
//!                                                             ;   it: the values its articles
//!                                                             ;   share with it; slots number
//!                                                             ;   the 4 tables, then the fields'
//! partlist  = len { kind:varint hash size:varint }            ; every other part, sorted by name
//!                                                             ; kind = its position in the list above
//! ids       = len { id:str doc }                              ; sorted by id, ~2,048 per bucket
//! profiles  = len { key:str name:str }                       ; entities named with others, sorted
//!             len { key:str mentions len { alias:str }        ; sorted by key
//!                   len { role:str count len { variant:str count } }
//!                   co_total len { named-index shared }       ; the first 100 named with it
//!                   total quotes total quotes                 ; by it, naming it: all counted,
//!                                                             ;   the first 200 of each kept
//!                   len { name:str from:str rule:str evidence:str articles } }  ; merged names
//! quotes    = len { doc-gap number speaker:str text:str }
//! fates     = len { from:str kept:0|1                         ; sorted by from (extraction id)
//!                   len { into:str name:str rule:str articles reads:0|1 }  ; merged into, most
//!                                                             ;   articles first
//!                   len { rule:str articles reads:0|1 } }     ; left out by; reads: the rule read
//!                                                             ;   the article's text
//! ```
//!
//! The `partlist` kind and the manifest's `list` were added within version 1: they change
//! no existing part, so an archive built before them still opens (without "Save for
//! offline"), and a reader that does not know them ignores them. So were the `ids` parts,
//! named at the very end of the catalogue: a catalogue without them still reads, and its
//! articles are found through the hits of a link's own filter only. The `profiles` parts
//! came next, named after the `ids`: without them an archive has no entity pages. The
//! metadata fields came next: an archive without them answers an `m.` link with no
//! article, as the embedded build answers a field it does not keep. The mentioned dates
//! ([`mentioned`]) came next: an archive without them answers `dates=mentioned` with
//! [`ArchiveError::Unsupported`] ("rebuild it"), never with a wrong count. The `names`
//! parts after them let a facet's find box find any value ([`names`]). The layout came
//! next ([`parts::Layout`]): `docs` parts of 4, 8 or 16 documents, 64 to a `doctable`, 100 facet
//! values to a `facets` part, where the first archives had 64, 128 and 25; a catalogue
//! without it has the first layout. Then `docs` parts kept each quote's speaker name and
//! words after their end, for the quotes view: an older part shows quotes by speaker key
//! and without their words (and cannot narrow them by the query's words). The `fates`
//! parts came next, named after the layout ([`fates`]): without them the reader's own
//! articles beside the archive are resolved among themselves only. Then `terms` parts
//! kept each term's typos after their end: an older part's word reads the lexicons for
//! them, a round later. Last, `bucketlist` parts name the buckets of the `ids`,
//! `profiles`, `fields`, `names` and `fates` parts ([`parts::Buckets`]), so that a link
//! that looks no key up does not read their names (at a million articles, 3,279
//! `profiles` buckets were 52 KB of the catalogue): a catalogue that names those buckets
//! itself still reads, and its lookups take one round fewer. Then a facet value's key
//! was written only where it does not follow from its label ([`crate::index::slug`]):
//! an older catalogue spells every key, and reads the same. Then each `entities`,
//! `speakers` and `fields` bucket named a `keyfacets` part after its entries
//! ([`key_facets`]): without it a view of one key counts its facets from the `facets`
//! parts, as every other filtered view does. (A section is written whenever a later one is, so a
//! catalogue with a layout always has a `mentioned` table: every build that writes the
//! layout also writes mentioned dates.)
//!
//! Documents are numbered by publication date (undated first), then article id, so a date
//! filter is a union of ranges read off the catalogue's date runs, and the histogram of a
//! match set is exact without any other part. Every `terms` posting carries the term's
//! frequency and the document's length, so ranking is the embedded build's BM25, bit for
//! bit, from the words' own parts.
//!
//! Limits of version 1 (see docs/notes/archive.md): a mentioned-dates histogram without a
//! range reads every `mentioned` part; an entity page's named-with list keeps only entities
//! sharing two or more articles with it; a filtered view's facet counts, the network and the entity table are
//! exact for the globally top [`parts::FACET_TOP`] values of each facet (a value outside
//! them is not listed, drawn or tabled); every build numbers documents afresh.

pub mod codec;
pub mod curated;
pub mod fates;
pub mod key_facets;
pub mod mentioned;
pub mod names;
pub mod parts;
pub mod profiles;
mod read;
pub mod with_own;
#[cfg(not(target_arch = "wasm32"))]
pub mod write;

pub use codec::{Kind, PartError, PartName, Problem};
pub use read::{
    Archive, ArchiveEntity, ArchiveError, ArchiveHit, ArchiveQuote, ArchiveResults, EntityShown,
    Fetched, Manifest, Needs, PartSource, bucket_names, open_part_list, open_texts, search_from,
};
#[cfg(not(target_arch = "wasm32"))]
pub use write::{DirSource, WriteSummary, write_archive, write_archive_in};
