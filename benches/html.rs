//! Guards: reading saved web pages (issue 14, item 6: 1,000 saved pages ready to explore in
//! ≤ 5 s in the browser), natively. Run: `cargo bench --bench html [DIR] [-- --pages N]`.
//!
//! Wraps the first N (default 1,000) Reuters articles of DIR (default
//! `../shared/data/corpus/reuters21578`, or `$DOSSIER_SHARED/data/corpus/reuters21578`) in the
//! boilerplate of a saved news page — head metadata and JSON-LD, inline scripts and styles,
//! navigation, ads, share buttons, related links, comments, footer — in memory (nothing is
//! written), then times `corpus::parse_file` on every page: MB/s of HTML and pages/s, best of
//! three runs, and `extract::annotate` on the result for comparison.

#[path = "common/reuters.rs"]
mod reuters;

use dossier::corpus::{self, Article};
use dossier::extract;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pages_wanted = args
        .iter()
        .position(|a| a == "--pages")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);
    let Some(files) = reuters::corpus_files(&args, "html") else {
        return;
    };
    let articles: Vec<Article> = reuters::articles(&files)
        .filter(|a| a.body_text().len() > 400)
        .take(pages_wanted)
        .collect();
    let pages: Vec<(String, String)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (format!("page-{i:05}.html"), saved_page(a, i)))
        .collect();
    let html_bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
    let mb = html_bytes as f64 / 1_048_576.0;
    println!(
        "{} saved pages, {mb:.1} MB of HTML ({:.0} KB a page; {:.1} MB of article text in them)",
        pages.len(),
        html_bytes as f64 / 1024.0 / pages.len().max(1) as f64,
        articles.iter().map(|a| a.body.len()).sum::<usize>() as f64 / 1_048_576.0
    );

    let mut best = f64::INFINITY;
    let mut read = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        read = pages
            .iter()
            .map(|(name, page)| corpus::parse_file(name, page.as_bytes()))
            .collect::<Vec<_>>();
        best = best.min(started.elapsed().as_secs_f64());
    }
    let failed = read.iter().filter(|r| r.is_err()).count();
    let read: Vec<Article> = read.into_iter().filter_map(Result::ok).flatten().collect();
    println!(
        "read (parse_file)       {:>8.0} ms {:>8.1} MB/s {:>8.0} pages/s  ({failed} refused)",
        best * 1000.0,
        mb / best,
        pages.len() as f64 / best
    );
    let started = Instant::now();
    for a in &read {
        std::hint::black_box(extract::annotate(a));
    }
    let annotate = started.elapsed().as_secs_f64();
    println!(
        "annotate (extracted)    {:>8.0} ms {:>8.0} pages/s",
        annotate * 1000.0,
        read.len() as f64 / annotate
    );
    // How much of each article the reader kept: its paragraphs should all be there.
    let kept = read
        .iter()
        .zip(&articles)
        .filter(|(r, a)| {
            a.body_text()
                .split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .all(|p| r.text.contains(&collapse(p)))
        })
        .count();
    println!(
        "{kept} of {} pages kept every paragraph of their article",
        read.len()
    );
    for boilerplate in BOILERPLATE {
        let leaked = read.iter().filter(|r| r.text.contains(boilerplate)).count();
        if leaked > 0 {
            println!("{leaked} pages kept the boilerplate {boilerplate:?}");
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that appear only in the boilerplate around the article.
const BOILERPLATE: &[&str] = &[
    "Accept all cookies",
    "Sign up for the briefing",
    "Related coverage",
    "Most read",
    "All rights reserved",
    "Report this comment",
    "Advertisement",
];

/// A saved news page around `a`: what "Save page as… (HTML only)" gives for a news site.
fn saved_page(a: &Article, i: usize) -> String {
    let title = escape(&a.title);
    let date = a.date.map(|d| d.to_string()).unwrap_or_default();
    let paragraphs: String = a
        .body_text()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
        .map(|(n, p)| {
            let ad = if n == 2 {
                "<div class=\"ad ad-inline\"><span>Advertisement</span><iframe src=\"https://ads.example.net/slot\"></iframe></div>\n"
            } else {
                ""
            };
            format!("{ad}<p>{}</p>\n", escape(p))
        })
        .collect();
    let nav: String = (0..60)
        .map(|n| format!("<li><a href=\"/section/{n}\">Section {n}</a></li>"))
        .collect();
    let related: String = (0..10)
        .map(|n| format!("<li><a href=\"/story/{i}-{n}\">Related story number {n} about markets and politics</a></li>"))
        .collect();
    let comments: String = (0..6)
        .map(|n| format!("<div class=\"comment\"><span class=\"comment-author\">reader{n}</span><p>Comment {n}: I think this is interesting, thanks for the report.</p><a href=\"#\">Report this comment</a></div>"))
        .collect();
    let footer: String = (0..40)
        .map(|n| format!("<li><a href=\"/about/{n}\">Footer link {n}</a></li>"))
        .collect();
    // Inline scripts and styles are most of a saved page's bytes.
    let script = format!(
        "window.__STATE__ = {{\"articles\": [{}]}};",
        (0..300)
            .map(|n| format!("{{\"id\": {n}, \"headline\": \"Teaser headline {n} for the front page\", \"url\": \"/story/{n}\"}}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let style: String = (0..400)
        .map(|n| format!(".c{n} {{ margin: {n}px; padding: 0 {n}px; color: #333; }}\n"))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<!-- saved from url=(0040)https://www.example-wire.com/story/{i} -->
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{title} | Example Wire</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article"><meta property="og:title" content="{title}">
<meta property="og:site_name" content="Example Wire"><meta property="og:url" content="https://www.example-wire.com/story/{i}">
<meta property="article:published_time" content="{date}T12:00:00Z"><meta name="author" content="Wire Staff">
<meta name="twitter:card" content="summary_large_image">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"{date}","publisher":{{"@type":"Organization","name":"Example Wire"}}}}</script>
<script>{script}</script>
<style>{style}</style>
</head><body>
<div class="cookie-banner">We use cookies. <button>Accept all cookies</button></div>
<header><a class="logo" href="/">Example Wire</a><nav class="main-nav"><ul>{nav}</ul></nav></header>
<div class="ad ad-top"><span>Advertisement</span><iframe src="https://ads.example.net/top"></iframe></div>
<main><article><h1>{title}</h1><div class="byline">By Wire Staff</div><time datetime="{date}">{date}</time>
<div class="share"><a href="https://twitter.com/share">Share</a> <a href="mailto:?">Email</a></div>
<div class="article-body">
{paragraphs}</div>
<aside class="related"><h2>Related coverage</h2><ul>{related}</ul></aside>
<div class="newsletter"><h3>Sign up for the briefing</h3><input type="email"><button>Sign up</button></div>
</article>
<section class="comments" id="comments"><h2>Comments</h2>{comments}</section>
<div class="sidebar most-read"><h2>Most read</h2><ol>{related}</ol></div></main>
<footer><ul>{footer}</ul><p>© Example Wire. All rights reserved.</p></footer>
<script>document.querySelectorAll('.ad').forEach(function (a) {{ a.dataset.seen = '1'; }});</script>
</body></html>
"#
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
