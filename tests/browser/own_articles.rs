//! Your own articles (issue 14) on `dist/`: files given to the panel's file input are read in
//! the page's workers, show in the list, the facets and the reader, stay after a reload, can be
//! removed one by one and all at once, and never travel: no request the server saw, and no
//! resource the page loaded, carries a marker word that only the files contain. A link to
//! someone else's own article says so and still shows the rest of the view, and so does a
//! link naming a person only the sender's files name, opened in a fresh browser.
//!
//! Files reach `<input type=file>` the WebDriver way: their paths (newline-separated for
//! several) sent as keys; the files are written to a temporary folder on this machine, where
//! the browser runs. A folder's path reaches the folder picker in ChromeDriver only (the
//! other engines' tests say SKIPPED). Dropped files are built in the page: a `DataTransfer`
//! carried by `dragover` and `drop` events; a dropped folder cannot be built so and is not
//! tested. The File System Access pickers (Chromium's way of choosing, where the page has
//! them) open native dialogs no WebDriver can answer: the test puts functions in their
//! place that give handles built in the page (`BUILD_PICKED`).

use crate::harness::{App, READER_PANICKED, TestResult, page};
use fantoccini::Locator;
use std::path::Path;
use std::time::Duration;

/// A word only the test's files contain: no request may carry it.
const MARKER: &str = "qzvmarkerxk7";

/// Writes the test's files: every seed format, a saved page with a script and an event
/// handler (which must stay inert), a broken JSON file and a picture (not an article).
fn write_files(folder: &Path) -> std::io::Result<Vec<String>> {
    let files: [(&str, String); 6] = [
        (
            "memo.md",
            format!(
                "---\ntitle: Harbour memo\ndate: 2024-03-05\nsource: Own Notes\n---\n\
                 The harbour master said the {MARKER} shipments arrived on Tuesday. \
                 \"We counted forty containers,\" said Ottoline Brackenbury, the harbour master.\n"
            ),
        ),
        (
            "notes.txt",
            format!("Field notes. The ferry to Oban left late on Friday; {MARKER} was aboard.\n"),
        ),
        (
            "records.jsonl",
            format!(
                "{{\"id\": \"r1\", \"title\": \"First record\", \"body\": \"A record about {MARKER} in Leith.\", \"source\": \"Own Notes\"}}\n\
                 {{\"id\": \"r2\", \"title\": \"Second record\", \"body\": \"Another record, about Dundee.\", \"source\": \"Own Notes\"}}\n"
            ),
        ),
        (
            "saved.html",
            format!(
                "<!doctype html><html><head><title>Saved page title</title>\
                 <meta property=\"og:title\" content=\"Dock strike ends in Leith\">\
                 <script>window.__ownScriptRan = true;</script></head><body>\
                 <nav><a href=\"/\">Home</a></nav><article><h1>Dock strike ends in Leith</h1>\
                 <p>Dock workers in Leith returned to work on Monday after a week-long strike over pay, the union said. {MARKER}</p>\
                 <p><img src=\"x\" onerror=\"window.__ownHandlerRan = true\">The port authority said ships would be cleared by Friday.</p>\
                 </article></body></html>"
            ),
        ),
        ("broken.json", "{ \"title\": \"never closed\"".to_string()),
        ("photo.jpg", "not a picture".to_string()),
    ];
    let mut paths = Vec::new();
    for (name, content) in files {
        let path = folder.join(name);
        std::fs::write(&path, content)?;
        paths.push(path.to_string_lossy().into_owned());
    }
    Ok(paths)
}

/// The archive site `./dev test` builds (`None`: skipped, loudly).
fn archive_site() -> Option<std::path::PathBuf> {
    crate::harness::fixture_dist(
        "DOSSIER_SITE_ARCHIVE",
        "site-archive",
        "`dossier build SEEDS --out target/site-archive --app target/dist-app` makes it",
    )
}

/// Opens the own-articles panel unless it is open.
async fn open_panel(app: &App) -> TestResult {
    if app
        .client
        .find(Locator::Css("#own-articles"))
        .await
        .is_err()
    {
        app.wait_for("#own-articles-button").await?.click().await?;
    }
    Ok(())
}

/// Opens the panel and gives `paths` to its file input.
async fn add_files(app: &App, paths: &[String]) -> TestResult {
    open_panel(app).await?;
    let input = app.wait_for("#own-files-input").await?;
    input.send_keys(&paths.join("\n")).await?;
    Ok(())
}

/// Waits until `<body data-own-articles>` says `n` (set once the reader's articles are in).
/// A minute, not the harness's 20 s: after each navigation the files come back from
/// IndexedDB through freshly started workers, which in WebKitGTK (baseline wasm tier, see
/// harness/engines.rs) with another browser test beside it took longer than 20 s once.
async fn wait_own_articles(app: &App, n: usize) -> TestResult {
    let started = std::time::Instant::now();
    let selector = format!("body[data-own-articles=\"{n}\"]");
    let found = app
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(60))
        .for_element(Locator::Css(&selector))
        .await;
    if let Err(e) = found {
        let what = format!(
            "the page never had {n} own articles ({e}); the panel says: {}",
            own_panel(app).await
        );
        return Err(app.gave_up(&what, started).await.into());
    }
    Ok(())
}

/// The names of this page's IndexedDB databases for own articles, as the browser lists
/// them (`indexedDB.databases()`, in all three engines tested).
async fn own_databases(app: &App) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    let script = "const done = arguments[arguments.length - 1];
        indexedDB.databases().then(
            (list) => done(list.map((d) => d.name).filter((n) => n.startsWith('dossier-own-articles'))),
            (e) => done('failed: ' + e));";
    let names = app.client.execute_async(script, vec![]).await?;
    let names = names
        .as_array()
        .ok_or_else(|| format!("indexedDB.databases(): {names}"))?;
    Ok(names
        .iter()
        .filter_map(|n| n.as_str().map(str::to_string))
        .collect())
}

/// What the own-articles panel says (`App::gave_up` adds `<body>`'s data and the query).
async fn own_panel(app: &App) -> String {
    match app.client.find(Locator::Css("#own-articles")).await {
        Ok(panel) => panel.text().await.unwrap_or_default(),
        Err(_) => "(closed)".into(),
    }
}

/// Whether any request the server saw, or any resource the page loaded, carries `MARKER`.
async fn assert_marker_never_sent(app: &App) -> TestResult {
    for request in app.server.raw_requests() {
        let text = String::from_utf8_lossy(&request);
        assert!(
            !text.contains(MARKER),
            "a request carried the reader's article: {}",
            text.lines().next().unwrap_or("")
        );
    }
    let loaded = app
        .client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).join('\\n')",
            vec![],
        )
        .await?;
    let loaded = loaded.as_str().unwrap_or("");
    assert!(
        !loaded.contains(MARKER),
        "the page loaded a resource naming the reader's article: {loaded}"
    );
    Ok(())
}

#[tokio::test]
async fn own_articles_are_read_shown_kept_removed_and_never_sent() {
    App::run("", async |app| {
        let folder = tempfile::tempdir()?;
        let paths = write_files(folder.path())?;
        app.wait_ready().await?;
        // A visit that adds nothing leaves nothing in the browser's storage.
        wait_own_articles(app, 0).await?;
        assert_eq!(own_databases(app).await?, Vec::<String>::new());
        add_files(app, &paths).await?;
        // memo, notes, two records and the page; broken.json is refused by name.
        wait_own_articles(app, 5).await?;
        assert_eq!(own_databases(app).await?.len(), 1);
        let problems = app.wait_for_text("#own-problems", "broken.json:").await?;
        assert!(problems.contains("photo.jpg"), "{problems}");
        let space = app
            .wait_for_text("#own-space", "5 articles from 4 files")
            .await?;
        assert!(space.contains("in this browser"), "{space}");
        page::assert_accessible(app, &page::axe_source(), "the Your articles panel").await?;

        // Found by search, next to the site's article, and counted in the facets.
        app.open_link(&format!("q={MARKER}")).await?;
        wait_own_articles(app, 5).await?;
        app.wait_for_text("#summary", "4").await?;
        let collection = app
            .wait_for_text("[data-facet=collection]", "Your articles")
            .await?;
        assert!(collection.contains("4"), "{collection}");
        app.wait_for_text("[data-facet=sources]", "Own Notes")
            .await?;
        app.open_link("in=yours").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for_text("#summary", "5").await?;
        app.open_link("in=site").await?;
        wait_own_articles(app, 5).await?;
        assert_eq!(page::count(app, "#hits .hit").await?, 1);

        // The reader: the memo, marked as the reader's own; the saved page's text, inert.
        app.open_link("a=own/memo").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for_text("#reader-title", "Harbour memo").await?;
        app.wait_for(".own-badge").await?;
        app.open_link("a=own/saved").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for_text(".reader-body", "Dock workers in Leith")
            .await?;
        let ran = app
            .client
            .execute(
                "return Boolean(window.__ownScriptRan || window.__ownHandlerRan)",
                vec![],
            )
            .await?;
        assert_eq!(ran.as_bool(), Some(false), "the saved page's script ran");

        // Still there after a reload; removed one by one, then all at once, for good.
        app.open_link("").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("#own-articles-button").await?.click().await?;
        app.wait_for("[data-file='notes.txt'] .own-remove")
            .await?
            .click()
            .await?;
        wait_own_articles(app, 4).await?;
        app.open_link("").await?;
        wait_own_articles(app, 4).await?;
        app.wait_for("#own-articles-button").await?.click().await?;
        app.wait_for("#own-remove-all").await?.click().await?;
        wait_own_articles(app, 0).await?;
        app.open_link("").await?;
        wait_own_articles(app, 0).await?;
        app.wait_for_text("#summary", "1").await?;

        assert_marker_never_sent(app).await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test]
async fn a_link_to_someone_elses_own_article_says_so_and_shows_the_rest() {
    App::run("a=own/leak&q=csto", async |app| {
        app.wait_ready().await?;
        wait_own_articles(app, 0).await?;
        let notice = app
            .wait_for_text("#foreign-own-notice", "added in their own browser")
            .await?;
        assert!(notice.contains("never left"), "{notice}");
        app.wait_for_text("main .notice", "“own/leak”").await?;
        // The rest of the view: the link's search still applies.
        app.wait_for("#foreign-own-notice a").await?.click().await?;
        app.wait_for_query("q=csto").await?;
        app.wait_for("#hits .hit").await?;
        app.open_link("in=yours").await?;
        app.wait_for("#foreign-own-notice").await?;
        app.assert_no_crash().await
    })
    .await;
}

/// The link each engine's first browser made to a person only its own articles name.
static PERSON_LINKS: std::sync::Mutex<Vec<(&'static str, String)>> =
    std::sync::Mutex::new(Vec::new());

#[tokio::test]
async fn a_link_naming_a_person_only_the_senders_articles_have_says_so_and_shows_the_rest() {
    // The sender: their own memo names Ottoline Brackenbury, whom the site's articles never do.
    App::run("", async |app| {
        let folder = tempfile::tempdir()?;
        let paths = write_files(folder.path())?;
        app.wait_ready().await?;
        wait_own_articles(app, 0).await?;
        add_files(app, &paths).await?;
        wait_own_articles(app, 5).await?;
        app.click_until_query(
            "//section[@data-facet='people']//a[contains(., 'Ottoline Brackenbury')]",
            "e=person:ottoline-brackenbury",
        )
        .await?;
        app.wait_for("#hits .hit[data-article='own/memo']").await?;
        let link = app.query().await?;
        // In the sender's own browser the link is simply theirs.
        app.open_link(&format!("q=harbour&{link}")).await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("#hits .hit[data-article='own/memo']").await?;
        assert_eq!(page::count(app, "#foreign-own-notice").await?, 0);
        PERSON_LINKS
            .lock()
            .map_err(|e| e.to_string())?
            .push((app.engine.name(), link));
        app.assert_no_crash().await
    })
    .await;
    // Someone else, in a fresh browser: the person is named, the rest of the view is shown.
    App::run("", async |app| {
        let link = PERSON_LINKS
            .lock()
            .map_err(|e| e.to_string())?
            .iter()
            .find(|(engine, _)| *engine == app.engine.name())
            .map(|(_, link)| link.clone())
            .ok_or("the sender's browser made no link in this engine")?;
        let shared = format!("q=csto&{link}");
        app.open_link(&shared).await?;
        wait_own_articles(app, 0).await?;
        let notice = app
            .wait_for_text("#foreign-own-notice", "Ottoline Brackenbury (person)")
            .await?;
        assert!(
            notice.contains("in none of this site's articles")
                && notice.contains("never left their device")
                && notice.contains("older version of this site"),
            "{notice}"
        );
        assert_eq!(
            page::count(app, "#foreign-own-notice[role=status]").await?,
            1
        );
        // Not a blank page: the link's search answers without the unknown person, and the
        // link is left as written.
        app.wait_for("#hits .hit").await?;
        assert_eq!(app.query().await?, shared, "the link was rewritten");
        let way_out = app.wait_for("#foreign-own-notice a").await?;
        // One unknown name: the way out says "it", not "them".
        assert_eq!(way_out.text().await?, "See this view without it");
        way_out.click().await?;
        app.wait_for_query("q=csto").await?;
        app.wait_for("#hits .hit").await?;
        assert_eq!(page::count(app, "#foreign-own-notice").await?, 0);
        // The person alone: every article of the site, not none.
        app.open_link(&link).await?;
        wait_own_articles(app, 0).await?;
        app.wait_for("#foreign-own-notice #unknown-names").await?;
        app.wait_for("#hits .hit").await?;
        app.assert_no_crash().await
    })
    .await;
}

/// Drops `files` (name, MIME type, text) on the page as a browser would: `dragenter`,
/// `dragover` and `drop` events carrying a `DataTransfer` built in the page. Returns
/// whether the app took the drop (prevented the browser's default of opening the file),
/// or `Err` with why the engine cannot build such a drop.
async fn drop_files(app: &App, files: &[(&str, &str, &str)]) -> Result<bool, String> {
    let files = files
        .iter()
        .map(|(name, kind, text)| serde_json::json!([name, kind, text]))
        .collect();
    add_to_drop(app, files, true).await?;
    fire_drop(app).await
}

/// Adds `files` (`[name, MIME type, text]` each) to the drop kept in the page for
/// [`fire_drop`], a new one when `fresh`; `Err` with why the engine cannot build it.
async fn add_to_drop(app: &App, files: Vec<serde_json::Value>, fresh: bool) -> Result<(), String> {
    let outcome = app
        .client
        .execute(
            "try {
               if (arguments[1]) window.__dropped = new DataTransfer();
               for (const [name, type, text] of arguments[0]) window.__dropped.items.add(new File([text], name, { type }));
               return '';
             } catch (e) { return 'no DataTransfer: ' + e; }",
            vec![serde_json::Value::Array(files), fresh.into()],
        )
        .await
        .map_err(|e| e.to_string())?;
    match outcome.as_str() {
        Some("") => Ok(()),
        _ => Err(outcome.to_string()),
    }
}

/// Fires `dragenter`, `dragover` and `drop` on the page with the drop [`add_to_drop`]
/// built; whether the app took it (prevented the browser's default of opening the file,
/// and marked the page as a drop target), or `Err` with why the engine cannot fire it.
async fn fire_drop(app: &App) -> Result<bool, String> {
    let outcome = app
        .client
        .execute(
            "const dt = window.__dropped;
             const fire = (type) => {
               const event = new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true });
               if (event.dataTransfer !== dt) throw new Error('a DragEvent does not carry a built DataTransfer');
               document.body.dispatchEvent(event);
               return event.defaultPrevented;
             };
             try {
               fire('dragenter');
               const over = fire('dragover');
               const dropping = document.body.hasAttribute('data-dropping');
               const dropped = fire('drop');
               return JSON.stringify({ over, dropping, dropped });
             } catch (e) { return 'no DragEvent with files: ' + e; }",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?;
    let outcome = outcome.as_str().unwrap_or("").to_string();
    let Ok(taken) = serde_json::from_str::<serde_json::Value>(&outcome) else {
        return Err(outcome);
    };
    let taken = |key: &str| taken[key].as_bool() == Some(true);
    Ok(taken("over") && taken("dropping") && taken("dropped"))
}

#[tokio::test]
async fn files_dropped_on_the_page_are_added() {
    App::run("", async |app| {
        app.wait_ready().await?;
        wait_own_articles(app, 0).await?;
        let memo = format!(
            "---\ntitle: Dropped memo\ndate: 2024-04-02\nsource: Own Notes\n---\n\
             The ferry from Leith carried {MARKER} crates on Monday.\n"
        );
        let notes = format!("Dropped notes. The {MARKER} crates reached Oban.\n");
        let dropped = drop_files(
            app,
            &[
                ("dropped.md", "text/markdown", &memo),
                ("notes.txt", "text/plain", &notes),
                ("photo.jpg", "image/jpeg", "not a picture"),
            ],
        )
        .await;
        let taken = match dropped {
            Ok(taken) => taken,
            Err(reason) => {
                crate::harness::shout(&format!(
                    "SKIPPED dropping files in {}: {reason}",
                    app.engine.name()
                ));
                return Ok(());
            }
        };
        assert!(
            taken,
            "the page did not take the dropped files (dragover and drop not prevented, or no data-dropping)"
        );
        wait_own_articles(app, 2).await?;
        app.wait_for("#own-files [data-file='dropped.md']").await?;
        app.wait_for("#own-files [data-file='notes.txt']").await?;
        app.wait_for_text("#own-problems", "photo.jpg").await?;
        app.open_link(&format!("q={MARKER}")).await?;
        wait_own_articles(app, 2).await?;
        app.wait_for("#hits .hit[data-article='own/dropped']").await?;
        assert_eq!(page::count(app, "#hits .hit").await?, 2);
        app.wait_for_text("[data-facet=collection]", "Your articles")
            .await?;
        // Something dragged that is not files (text from another page) is left to the browser.
        let text_drag = page::script(
            app,
            "const dt = new DataTransfer(); dt.setData('text/plain', 'words');
             const event = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
             document.body.dispatchEvent(event);
             return event.defaultPrevented;",
        )
        .await?;
        assert_eq!(text_drag.as_bool(), Some(false), "a text drag was taken");
        assert_marker_never_sent(app).await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test]
async fn a_folder_chosen_with_the_folder_picker_is_added_with_its_paths() {
    App::run("", async |app| {
        let root = tempfile::tempdir()?;
        let folder = root.path().join("clippings");
        std::fs::create_dir_all(folder.join("2024"))?;
        std::fs::write(
            folder.join("2024").join("harbour.md"),
            format!("---\ntitle: Folder memo\ndate: 2024-05-01\n---\nThe {MARKER} harbour reopened.\n"),
        )?;
        std::fs::write(
            folder.join("notes.txt"),
            format!("Folder notes about {MARKER} in Leith.\n"),
        )?;
        std::fs::write(folder.join("photo.jpg"), "not a picture")?;
        app.wait_ready().await?;
        wait_own_articles(app, 0).await?;
        app.wait_for("#own-articles-button").await?.click().await?;
        let input = app.wait_for("#own-folder-input").await?;
        let picks_folders = page::script(
            app,
            "return document.getElementById('own-folder-input').webkitdirectory === true",
        )
        .await?;
        assert_eq!(
            picks_folders.as_bool(),
            Some(true),
            "the folder input is not a folder picker"
        );
        // WebDriver gives a file input paths; whether a folder's path fills a folder picker
        // is up to each driver.
        let skip = |why: String| {
            crate::harness::shout(&format!(
                "SKIPPED choosing a folder in {}: its WebDriver {why}",
                app.engine.name()
            ));
        };
        if let Err(e) = input.send_keys(&folder.to_string_lossy()).await {
            skip(format!("does not give a folder to <input webkitdirectory>: {e}"));
            return Ok(());
        }
        page::wait_until(
            app,
            "document.body.dataset.ownArticles === '2' || (document.getElementById('own-problems') || {}).innerText",
            "the folder's articles, or a problem",
        )
        .await?;
        let problems = match app.client.find(Locator::Css("#own-problems")).await {
            Ok(list) => list.text().await?,
            Err(_) => String::new(),
        };
        if problems.lines().any(|line| line.ends_with("): clippings")) {
            skip("gives <input webkitdirectory> the folder as one file named `clippings`, not the files in it".into());
            return Ok(());
        }
        wait_own_articles(app, 2).await?;
        app.wait_for("#own-files [data-file='clippings/2024/harbour.md']")
            .await?;
        app.wait_for("#own-files [data-file='clippings/notes.txt']")
            .await?;
        app.wait_for_text("#own-problems", "photo.jpg").await?;
        app.open_link("a=own/clippings/2024/harbour").await?;
        wait_own_articles(app, 2).await?;
        app.wait_for_text("#reader-title", "Folder memo").await?;
        assert_marker_never_sent(app).await?;
        app.assert_no_crash().await
    })
    .await;
}

/// Builds, in the page, the files `[path, MIME type, text]` under a folder `name` and keeps
/// its handle as `window.__picked[name]`: in the origin-private file system where the engine
/// can write there (real `FileSystemDirectoryHandle`s, as the pickers give), otherwise as
/// objects with the same members (`kind`, `name`, `values()`, `getFile()`). A path in
/// `gone` is listed but its file removed once its handle is taken (real), or refused
/// (built), as a file deleted after it was chosen. Resolves with "real" or "built".
const BUILD_PICKED: &str = r#"const [name, files, gone] = arguments;
     const done = arguments[arguments.length - 1];
     (async () => {
       window.__picked = window.__picked || {};
       const real = typeof navigator.storage?.getDirectory === 'function'
         && typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype;
       const built = (dirName) => {
         const entries = new Map();
         return {
           kind: 'directory', name: dirName, entries,
           async getDirectoryHandle(n) { if (!entries.has(n)) entries.set(n, built(n)); return entries.get(n); },
           async put(n, file) {
             entries.set(n, { kind: 'file', name: n, getFile: async () => {
               if (gone.includes(n)) throw new DOMException('A requested file or directory could not be found', 'NotFoundError');
               return file;
             } });
           },
           async *values() { yield* entries.values(); },
         };
       };
       const top = real
         ? await (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true })
         : built(name);
       const handles = [];
       for (const [path, type, text] of files) {
         const parts = path.split('/');
         let dir = top;
         for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
         const fileName = parts[parts.length - 1];
         if (real) {
           const handle = await dir.getFileHandle(fileName, { create: true });
           const writable = await handle.createWritable();
           await writable.write(new Blob([text], { type }));
           await writable.close();
           handles.push(handle);
         } else {
           await dir.put(fileName, new File([text], fileName, { type }));
           handles.push(dir.entries.get(fileName));
         }
       }
       window.__picked[name] = { folder: top, files: handles };
       if (real) for (const path of gone) await top.removeEntry(path);
       return real ? 'real' : 'built';
     })().then(done, (e) => done('error: ' + e));"#;

/// Puts the browser's File System Access pickers in the page's place for the test:
/// `showOpenFilePicker` gives the files of `window.__picked.loose`, `showDirectoryPicker`
/// the folder `window.__picked.clippings`, each call kept in `window.__pickerCalls`.
const STUB_PICKERS: &str = "window.__pickerCalls = [];
     window.showOpenFilePicker = async (options) => { window.__pickerCalls.push(['files', options]); return window.__picked.loose.files; };
     window.showDirectoryPicker = async (options) => { window.__pickerCalls.push(['folder', options]); return window.__picked.clippings.folder; };";

#[tokio::test]
async fn files_and_a_folder_chosen_through_the_browsers_pickers_are_added() {
    App::run("", async |app| {
        app.wait_ready().await?;
        wait_own_articles(app, 0).await?;
        let memo = format!(
            "---\ntitle: Picked memo\ndate: 2024-06-03\n---\nThe {MARKER} barges left Leith on Monday.\n"
        );
        let loose = serde_json::json!([
            ["memo.md", "text/markdown", memo],
            ["notes.txt", "text/plain", format!("Picked notes on the {MARKER} barges.\n")],
            ["gone.txt", "text/plain", "Deleted after it was chosen."],
            ["photo.jpg", "image/jpeg", "not a picture"],
        ]);
        let folder = serde_json::json!([
            ["2024/harbour.md", "text/markdown", format!("---\ntitle: Picked harbour\ndate: 2024-05-01\n---\nThe {MARKER} harbour reopened.\n")],
            ["notes.txt", "text/plain", format!("Folder notes about {MARKER} in Oban.\n")],
        ]);
        let mut kinds = Vec::new();
        for (name, files, gone) in [
            ("loose", loose, serde_json::json!(["gone.txt"])),
            ("clippings", folder, serde_json::json!([])),
        ] {
            let made = app
                .client
                .execute_async(BUILD_PICKED, vec![name.into(), files, gone])
                .await?;
            let made = made.as_str().unwrap_or_default().to_string();
            assert!(made == "real" || made == "built", "could not build the picked files: {made}");
            kinds.push(made);
        }
        crate::harness::shout(&format!(
            "{}: picked files are {} handles",
            app.engine.name(),
            kinds[0]
        ));
        page::script(app, STUB_PICKERS).await?;
        app.wait_for("#own-articles-button").await?.click().await?;
        app.wait_for("#own-choose-files").await?.click().await?;
        wait_own_articles(app, 2).await?;
        app.wait_for("#own-files [data-file='memo.md']").await?;
        app.wait_for("#own-files [data-file='notes.txt']").await?;
        app.wait_for_text("#own-problems", "gone.txt: could not be read (NotFoundError")
            .await?;
        app.wait_for_text("#own-problems", "photo.jpg").await?;
        app.wait_for("#own-choose-folder").await?.click().await?;
        wait_own_articles(app, 4).await?;
        app.wait_for("#own-files [data-file='clippings/2024/harbour.md']")
            .await?;
        app.wait_for("#own-files [data-file='clippings/notes.txt']")
            .await?;
        // The file picker offers the article formats; the folder picker asks to read only.
        let asked = page::script(
            app,
            "return JSON.stringify(window.__pickerCalls.map(([which, o]) => [which, o.multiple === true, o.mode || '', JSON.stringify(o.types || [])]))",
        )
        .await?;
        let asked = asked.as_str().unwrap_or_default();
        assert!(
            asked.starts_with(r#"[["files",true,"",""#) && asked.contains(".html") && asked.contains(r#"["folder",false,"read""#),
            "the pickers were asked: {asked}"
        );
        app.open_link("a=own/clippings/2024/harbour").await?;
        wait_own_articles(app, 4).await?;
        app.wait_for_text("#reader-title", "Picked harbour").await?;
        // A picker the browser refuses (a page in another site's frame): the panel says so,
        // and the plain chooser opens next time.
        page::script(
            app,
            "window.showOpenFilePicker = async () => { throw new DOMException('Not allowed in this frame', 'SecurityError'); };",
        )
        .await?;
        open_panel(app).await?;
        app.wait_for("#own-choose-files").await?.click().await?;
        app.wait_for_text("#own-note", "file picker failed (SecurityError: Not allowed in this frame)")
            .await?;
        assert_marker_never_sent(app).await?;
        app.assert_no_crash().await
    })
    .await;
}

/// Writes `n` generated articles of about `bytes` each, as `.txt` or saved `.html` pages.
fn write_generated(
    folder: &Path,
    n: usize,
    bytes: usize,
    pages: bool,
) -> std::io::Result<Vec<String>> {
    let sentence = "The minister of transport, Amelia Hartwell, said on Tuesday that the new \
                    bridge over the Forth would open in March, according to Reuters. ";
    let mut paths = Vec::with_capacity(n);
    for i in 0..n {
        let mut body = format!("Report {i} from Edinburgh. ");
        while body.len() < bytes {
            body.push_str(sentence);
        }
        let (name, content) = if pages {
            (
                format!("page-{i:04}.html"),
                format!(
                    "<!doctype html><html><head><title>Report {i}</title>\
                     <meta property=\"article:published_time\" content=\"2024-02-{:02}\"></head>\
                     <body><nav>Home · World · Business</nav><article><h1>Report {i}</h1><p>{body}</p></article>\
                     <footer>Related links</footer></body></html>",
                    1 + i % 28
                ),
            )
        } else {
            (format!("article-{i:04}.txt"), body)
        };
        let path = folder.join(name);
        std::fs::write(&path, content)?;
        paths.push(path.to_string_lossy().into_owned());
    }
    Ok(paths)
}

/// What one timed addition measured.
struct Timed {
    /// ms from the choice to the articles ready to explore.
    ready: f64,
    /// The longest main-thread task from the choice until the files are kept, in ms; -1
    /// where the engine has no long-task timing.
    longest: f64,
    /// Each long task, with the page's scripts in it ([`LONG_TASKS`]).
    tasks: String,
    /// The page's own account: hand-off, resolve and index main-thread ms.
    main_thread: String,
}

/// Observers for long tasks and, where the engine has them (Chromium), the scripts of long
/// animation frames, started once per page (a second observer would report every task
/// twice); each call empties what they collected.
const OBSERVE: &str = "window.__longTasks = [];
     window.__scripts = [];
     const types = PerformanceObserver.supportedEntryTypes;
     if (!types.includes('longtask')) {
       window.__longTasks = null;
     } else if (!window.__longTaskObserver) {
       window.__longTaskObserver = new PerformanceObserver((list) => {
         for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
       });
       window.__longTaskObserver.observe({ type: 'longtask' });
     }
     if (types.includes('long-animation-frame') && !window.__frameObserver) {
       window.__frameObserver = new PerformanceObserver((list) => {
         for (const e of list.getEntries()) {
           for (const s of e.scripts) window.__scripts.push([s.startTime, s.duration, s.invoker]);
         }
       });
       window.__frameObserver.observe({ type: 'long-animation-frame' });
     }";

/// Builds, in the page, a drop of the files at `paths` (read here, a hundred per script so
/// that no one task of the test's own is long), for [`fire_drop`].
async fn build_drop(
    app: &App,
    paths: &[String],
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    for (i, chunk) in paths.chunks(100).enumerate() {
        let files = chunk
            .iter()
            .map(|path| {
                let path = Path::new(path);
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let kind = if path.extension().is_some_and(|e| e == "html") {
                    "text/html"
                } else {
                    "text/plain"
                };
                Ok(serde_json::json!([
                    name,
                    kind,
                    std::fs::read_to_string(path)?
                ]))
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        add_to_drop(app, files, i == 0).await?;
    }
    Ok(())
}

/// Writes the files at `paths` into the page's origin-private file system, a hundred per
/// script, as the files the stubbed file picker gives ([`STUB_PICKERS`]).
async fn build_picked(
    app: &App,
    paths: &[String],
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    // A folder of its own per addition, so that one addition's files are not another's.
    let name = format!(
        "timed-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_millis()
    );
    for chunk in paths.chunks(100) {
        let files = chunk
            .iter()
            .map(|path| {
                let path = Path::new(path);
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                Ok(serde_json::json!([
                    name,
                    "text/plain",
                    std::fs::read_to_string(path)?
                ]))
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        let made = app
            .client
            .execute_async(
                BUILD_PICKED,
                vec![
                    name.clone().into(),
                    serde_json::Value::Array(files),
                    serde_json::json!([]),
                ],
            )
            .await?;
        if made.as_str() != Some("real") {
            return Err(format!("the picked files could not be written: {made}").into());
        }
        // Each script's files are kept together under the same folder name.
        page::script(
            app,
            &format!(
                "window.__picked.all = (window.__picked.all || []).concat(window.__picked['{name}'].files);
                 window.__picked['{name}'].files = [];"
            ),
        )
        .await?;
    }
    page::script(
        app,
        "window.__picked.loose = { files: window.__picked.all }; window.__picked.all = [];",
    )
    .await?;
    Ok(())
}

/// Whether the engine has the browser's file picker, can write the files it gives in the
/// origin-private file system, and times long tasks.
const CAN_TIME_A_PICK: &str = "return typeof window.showOpenFilePicker === 'function'
       && typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype
       && PerformanceObserver.supportedEntryTypes.includes('longtask');";

/// Whether the engine times long tasks and can build a drop of files in the page (a
/// `DataTransfer` holding a file, carried by a `DragEvent`).
const CAN_TIME_A_DROP: &str = "try {
       if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return false;
       const dt = new DataTransfer();
       dt.items.add(new File(['x'], 'x.txt', { type: 'text/plain' }));
       return new DragEvent('drop', { dataTransfer: dt }).dataTransfer === dt && dt.files.length === 1;
     } catch (e) { return false; }";

/// Each long task as `start+duration ms`, with the page's scripts that ran in it (from the
/// long animation frames): what is left of the task is the browser's own work.
const LONG_TASKS: &str = "return (window.__longTasks || []).map(([start, duration]) => {
       const mine = window.__scripts.filter(([s]) => s >= start && s < start + duration);
       const ms = mine.reduce((sum, [, d]) => sum + d, 0);
       const who = [...new Set(mine.map(([, , invoker]) => invoker))].join(', ');
       return `${Math.round(start)}+${Math.round(duration)} ms (page scripts ${Math.round(ms)} ms${who ? ': ' + who : ''})`;
     }).join('; ')";

/// How a timed addition gives the page its files.
#[derive(Clone, Copy)]
enum Given {
    /// Through the panel's file input, the WebDriver way: the browser's own hand-over of the
    /// files (one task before `change` fires) is timed with the page's work.
    Chosen,
    /// Dropped on the page: the files are built in the page beforehand, so what is timed is
    /// the page's own work from the `drop` event on.
    Dropped,
    /// Through the browser's file picker (`showOpenFilePicker`, Chromium's way where the
    /// page has it), answered with handles to files written beforehand in the page's
    /// origin-private file system: what is timed is the page's work from the picker's answer
    /// on, reading the files from their handles included.
    Picked,
}

/// Adds `paths` with the observers running and waits until they are ready and kept (the
/// page is loaded first).
async fn timed_addition(
    app: &App,
    paths: &[String],
    articles: usize,
    given: Given,
) -> Result<Timed, Box<dyn std::error::Error + Send + Sync>> {
    wait_own_articles(app, 0).await?;
    match given {
        Given::Chosen => {
            app.client.execute(OBSERVE, vec![]).await?;
            add_files(app, paths).await?;
        }
        Given::Dropped => {
            build_drop(app, paths).await?;
            app.client.execute(OBSERVE, vec![]).await?;
            if !fire_drop(app).await? {
                return Err("the page did not take the drop".into());
            }
        }
        Given::Picked => {
            build_picked(app, paths).await?;
            page::script(app, STUB_PICKERS).await?;
            open_panel(app).await?;
            app.client.execute(OBSERVE, vec![]).await?;
            app.wait_for("#own-choose-files").await?.click().await?;
        }
    }
    // A failure, not a panic: the harness then looks for a crashed page and says so (and
    // WebKitGTK, whose wasm tiers crash now and then, gets another try).
    let started = std::time::Instant::now();
    let mut checks = 0u32;
    while app
        .client
        .find(Locator::Css(&format!(
            "body[data-own-articles=\"{articles}\"]"
        )))
        .await
        .is_err()
    {
        checks += 1;
        // A worker that panicked never delivers its files: say so at once, not in 120 s.
        let reader_panicked =
            checks.is_multiple_of(10) && own_panel(app).await.contains(READER_PANICKED);
        if reader_panicked || started.elapsed() > Duration::from_secs(120) {
            let what = format!(
                "{articles} added articles were never ready; the panel says: {}",
                own_panel(app).await
            );
            return Err(app.gave_up(&what, started).await.into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Storing the files follows; the page must keep answering then too.
    app.wait_for_text("#own-note", "kept in this browser")
        .await?;
    let text = |script: &'static str| async move {
        app.client
            .execute(script, vec![])
            .await
            .map(|v| v.as_str().unwrap_or_default().to_string())
    };
    let number = |script: &'static str| async move {
        app.client
            .execute(script, vec![])
            .await
            .map(|v| v.as_f64().unwrap_or(f64::NAN))
    };
    Ok(Timed {
        ready: number("return Number(document.body.dataset.ownReadyMs)").await?,
        longest: number(
            "return window.__longTasks === null ? -1 : Math.max(0, ...window.__longTasks.map(([, d]) => d))",
        )
        .await?,
        tasks: text(LONG_TASKS).await?,
        main_thread: text(
            "return 'hand-off ' + document.body.getAttribute('data-own-handoff-ms') + ', resolve and index ' + document.body.getAttribute('data-own-rebuild-ms')",
        )
        .await?,
    })
}

/// Times adding 1,000 generated articles beside the archive site: the same as on the
/// embedded build, plus the wait for the archive's `fates` parts of their names.
#[tokio::test]
async fn a_thousand_own_articles_beside_an_archive_are_timed() {
    let Some(site) = archive_site() else {
        return;
    };
    App::run_with(&site, None, async |app| {
        let folder = tempfile::tempdir()?;
        let texts = write_generated(folder.path(), 1000, 4000, false)?;
        app.wait_for("body[data-view-ready]").await?;
        let timed = timed_addition(app, &texts, 1000, Given::Chosen).await?;
        let fates_ms = app
            .client
            .execute(
                "return document.body.getAttribute('data-own-fates-ms') + ' ms, ' + (document.body.getAttribute('data-own-archive-joined') || 0) + ' names joined'",
                vec![],
            )
            .await?;
        crate::harness::shout(&format!(
            "{}: 1,000 own articles (4 MB) beside the archive ready in {:.0} ms (fates parts: {}); longest main-thread task {:.0} ms; main thread (ms): {}",
            app.engine.name(),
            timed.ready,
            fates_ms.as_str().unwrap_or_default(),
            timed.longest,
            timed.main_thread,
        ));
        assert!(timed.ready < 40_000.0, "took {:.0} ms", timed.ready);
        app.wait_for("#own-remove-all").await?.click().await?;
        wait_own_articles(app, 0).await
    })
    .await;
}

/// Times adding 1,000 generated articles, then 1,000 saved pages, chosen, then picked and
/// dropped (where the engine has the picker, and times long tasks), `DOSSIER_OWN_RUNS` times (default once) in one page,
/// and prints the numbers: speed is shown by numbers, and the bounds below only catch a
/// reader that stopped working.
#[tokio::test]
async fn a_thousand_own_articles_and_a_thousand_saved_pages_are_timed() {
    let runs: usize = std::env::var("DOSSIER_OWN_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    App::run("", async |app| {
        let folder = tempfile::tempdir()?;
        let texts = write_generated(folder.path(), 1000, 4000, false)?;
        let pages_folder = tempfile::tempdir()?;
        let pages = write_generated(pages_folder.path(), 1000, 4000, true)?;
        app.wait_ready().await?;
        // Dropped files, so that the page's own tasks are timed without the browser's
        // hand-over of chosen files: only where the engine has long-task timing to show it
        // (Chromium), since the drop adds nothing the chosen files do not test elsewhere
        // and two more additions in one page are two more chances for WebKitGTK's wasm
        // tiers to crash (one out-of-bounds fault in the worker, seen in a full run).
        let dropping = app.client.execute(CAN_TIME_A_DROP, vec![]).await?.as_bool() == Some(true);
        if !dropping {
            crate::harness::shout(&format!(
                "SKIPPED timing dropped files in {}: no long-task timing, or no drop of files built in the page",
                app.engine.name()
            ));
        }
        let picking = app.client.execute(CAN_TIME_A_PICK, vec![]).await?.as_bool() == Some(true);
        if !picking {
            crate::harness::shout(&format!(
                "SKIPPED timing files chosen through the browser's file picker in {}: it has none, or no writable origin-private file system, or no long-task timing",
                app.engine.name()
            ));
        }
        for run in 1..=runs {
            for (what, paths, given) in [
                ("1,000 own articles (4 MB), chosen", &texts, Given::Chosen),
                ("1,000 saved pages, chosen", &pages, Given::Chosen),
                ("1,000 own articles (4 MB), picked", &texts, Given::Picked),
                ("1,000 saved pages, picked", &pages, Given::Picked),
                ("1,000 own articles (4 MB), dropped", &texts, Given::Dropped),
                ("1,000 saved pages, dropped", &pages, Given::Dropped),
            ] {
                if matches!(given, Given::Dropped) && !dropping
                    || matches!(given, Given::Picked) && !picking
                {
                    continue;
                }
                let timed = timed_addition(app, paths, 1000, given).await?;
                crate::harness::shout(&format!(
                    "{} run {run}: {what} ready in {:.0} ms; longest main-thread task {:.0} ms; long tasks: {}; main thread (ms): {}",
                    app.engine.name(),
                    timed.ready,
                    timed.longest,
                    if timed.tasks.is_empty() { "none" } else { &timed.tasks },
                    timed.main_thread,
                ));
                // Generous bounds: the machine is shared; the README reports the measured numbers.
                assert!(timed.ready < 40_000.0, "{what} took {:.0} ms", timed.ready);
                app.wait_for("#own-remove-all").await?.click().await?;
                wait_own_articles(app, 0).await?;
            }
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_archive_site_mixes_own_articles_into_its_views_and_explores_them_alone() {
    let Some(site) = archive_site() else {
        return;
    };
    App::run_with(&site, None, async |app| {
        let folder = tempfile::tempdir()?;
        let paths = write_files(folder.path())?;
        app.wait_for("body[data-view-ready]").await?;
        wait_own_articles(app, 0).await?;
        // Someone else's link to their own articles: said so, on the archive site too.
        app.open_link("in=yours").await?;
        wait_own_articles(app, 0).await?;
        app.wait_for("#foreign-own-notice").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.open_link("").await?;
        app.wait_for("body[data-view-ready]").await?;
        wait_own_articles(app, 0).await?;
        add_files(app, &paths).await?;
        wait_own_articles(app, 5).await?;
        app.open_link("in=yours").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for_text("#summary", "5").await?;
        assert_eq!(page::count(app, "#hits .hit").await?, 5);
        app.open_link("a=own/memo&in=yours").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for_text("#reader-title", "Harbour memo").await?;
        // The archive's views take the reader's articles in: the total, the Collection
        // facet, the list, the facets, and the reader.
        app.open_link("").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("body[data-view-ready]").await?;
        let summary = app.wait_for("#summary").await?.text().await?;
        let all: usize = summary
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("no count in the summary {summary:?}"))?;
        let counts = page::script(
            app,
            "return [...document.querySelectorAll(\"section[data-facet='collection'] .facet-count\")]
                .map(e => e.textContent);",
        )
        .await?;
        assert_eq!(
            counts,
            serde_json::json!([format!("{} articles", all - 5), "5 articles"]),
            "the Collection facet of {summary:?}"
        );
        app.open_link("q=harbour").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for("#hits .hit[data-article='own/memo']").await?;
        app.wait_for_text("#summary", &format!("of {all} articles"))
            .await?;
        app.wait_for_text("section[data-facet='people']", "Ottoline Brackenbury")
            .await?;
        // The mixed list says which articles are the reader's, and only those.
        app.wait_for_text("#hits .hit[data-article='own/memo'] .own-badge", "Yours")
            .await?;
        let (badges, own_hits) = (
            page::count(app, "#hits .hit .own-badge").await?,
            page::count(app, "#hits .hit[data-article^='own/']").await?,
        );
        assert_eq!(badges, own_hits, "a badge on each own article, none elsewhere");
        assert!(
            page::count(app, "#hits .hit").await? > own_hits,
            "the list mixes the site's articles in"
        );
        app.screenshot("archive-with-own-articles").await?;
        // A name only the reader's articles have filters the mixed view to them; their
        // quotes are among the archive's.
        app.open_link("e=person:ottoline-brackenbury").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &format!("1 of {all} articles match"))
            .await?;
        assert_eq!(page::count(app, "#foreign-own-notice").await?, 0);
        // Its entity page: the archive has no such entity, so the page is this browser's,
        // over the reader's articles.
        app.open_link("entity=person:ottoline-brackenbury").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#entity-name", "Ottoline Brackenbury")
            .await?;
        app.wait_for_text(".entity-articles", "Harbour memo").await?;
        app.wait_for_text("[data-section='by-heading'] .quote-hit", "forty containers")
            .await?;
        // The quotes view lists quotes holding the query's words: the memo's among the site's.
        app.open_link("q=containers&view=quotes").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text(
            ".quote-hits .quote-hit[data-article='own/memo'] blockquote",
            "forty containers",
        )
        .await?;
        app.open_link("q=harbour").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for("#hits .hit[data-article='own/memo'] .hit-link")
            .await?
            .click()
            .await?;
        app.wait_for_text("#reader-title", "Harbour memo").await?;
        // The site's articles alone: none of the reader's.
        app.open_link("q=harbour&in=site").await?;
        wait_own_articles(app, 5).await?;
        app.wait_for("body[data-view-ready]").await?;
        assert!(
            app.client
                .find(Locator::Css("#hits .hit[data-article^='own/']"))
                .await
                .is_err(),
            "`in=site` lists the reader's articles"
        );
        app.wait_for("#own-articles-button").await?.click().await?;
        app.wait_for("#own-remove-all").await?.click().await?;
        wait_own_articles(app, 0).await?;
        assert_marker_never_sent(app).await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_archive_entity_page_counts_the_readers_own_articles_naming_it_too_and_an_edit_applies_to_both()
 {
    let Some(site) = archive_site() else {
        return;
    };
    // The archive's most named person and its article count, as `dossier query --archive`
    // says.
    let query = |args: &[&str]| -> serde_json::Value {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["query", "--archive"])
            .arg(&site)
            .args(args)
            .arg("--json")
            .output()
            .expect("the dossier binary runs");
        serde_json::from_slice(&out.stdout).expect("dossier query --json prints JSON")
    };
    let top = query(&[])["facets"]["people"][0].clone();
    let (key, name) = (
        top["key"].as_str().expect("a person").to_string(),
        top["label"].as_str().expect("a name").to_string(),
    );
    let site_articles = query(&["--entity", &key])["total"]
        .as_u64()
        .expect("a total");
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("briefing.md");
    std::fs::write(
        &path,
        format!(
            "---\ntitle: Private briefing\ndate: 2024-05-02\n---\n\
             \"We will not retreat from the harbour talks,\" said {name} in a private call.\n"
        ),
    )
    .expect("the file is written");
    let paths = vec![path.to_string_lossy().into_owned()];
    App::run_with(&site, None, async |app| {
        app.wait_for("body[data-view-ready]").await?;
        add_files(app, &paths).await?;
        wait_own_articles(app, 1).await?;
        app.open_link(&format!("entity={key}")).await?;
        app.wait_for("body[data-view-ready] #entity-name").await?;
        app.wait_for_text("#entity-name", &name).await?;
        // One page over both: the counts add up, and the reader's article (the newest) and
        // quote are in the page's own lists, marked as theirs.
        let both = site_articles + 1;
        app.wait_for_text("#articles-heading", &format!("Articles ({both})"))
            .await?;
        app.wait_for_text(
            "#entity-mentions",
            &format!("in {both} articles (1 of them yours"),
        )
        .await?;
        app.wait_for_text(
            "[data-section='articles-heading'] .entity-articles li:first-child",
            "Private briefing",
        )
        .await?;
        app.wait_for_text(
            "[data-section='articles-heading'] .entity-articles li:first-child .hit-meta",
            "yours",
        )
        .await?;
        app.wait_for_text(
            "[data-section='by-heading'] .quote-hit",
            "We will not retreat from the harbour talks",
        )
        .await?;
        let bars = page::script(
            app,
            "const note = document.querySelector('.over-time .undated')?.textContent || '';\
             const said = (re) => Number((note.match(re) || [0, 0])[1]);\
             return [...document.querySelectorAll('.over-time rect')]\
             .reduce((n, r) => n + Number(r.dataset.count), 0)\
             + said(/(\\d+) undated/) + said(/(\\d+) with a less precise date/);",
        )
        .await?;
        assert_eq!(
            bars.as_u64(),
            Some(both),
            "the chart counts the archive's articles and the reader's"
        );
        app.screenshot("archive-entity-with-own-articles").await?;
        // An edit applies to both at once: renamed, the page moves to the new id and is
        // still the one entity over the archive's articles and the reader's.
        page::open_entity_edits(app).await?;
        page::rename_entity(app, &format!("{name} Senior")).await?;
        app.wait_for_text("#entity-name", &format!("{name} Senior"))
            .await?;
        app.wait_for_text("#articles-heading", &format!("Articles ({both})"))
            .await?;
        app.wait_for_text(
            "#entity-mentions",
            &format!("in {both} articles (1 of them yours"),
        )
        .await?;
        app.wait_for_text("#curation", "your articles: now named")
            .await?;
        // Undone, the entity has its own name and id again.
        app.wait_for(".curation-undo").await?.click().await?;
        page::wait_until(
            app,
            "!document.querySelector('.curation-edit')",
            "no edit left",
        )
        .await?;
        app.open_link(&format!("entity={key}")).await?;
        app.wait_for("body[data-view-ready] #entity-name").await?;
        app.wait_for_text("#entity-name", &name).await?;
        app.wait_for("#own-articles-button").await?.click().await?;
        app.wait_for("#own-remove-all").await?.click().await?;
        wait_own_articles(app, 0).await?;
        // Removed: the page is the archive's alone again.
        app.wait_for_text("#articles-heading", &format!("Articles ({site_articles})"))
            .await?;
        page::wait_until(
            app,
            "!document.querySelector('#entity-mentions').textContent.includes('yours')",
            "the counts are the archive's once the reader's articles are removed",
        )
        .await?;
        app.assert_no_crash().await
    })
    .await;
}

/// A short person name the archive at `site` sends, in all its articles, to one full name
/// by a rule on the name itself (its `fates` parts), and that extraction tags alone in
/// `sentence` (`{}` stands for the name): `(short name, extraction id, the archive's id,
/// its name)`.
fn name_the_archive_resolves(site: &Path, sentence: &str) -> (String, String, String, String) {
    use dossier::archive::fates::FatesPart;
    use dossier::archive::{Archive, DirSource, Manifest, PartSource, bucket_names, codec};
    use dossier::resolve::from_archive::Verdict;
    let mut source = DirSource::new(site.join("archive"));
    let manifest = Manifest::parse(&source.manifest().expect("a manifest")).expect("parses");
    let stored = source.fetch(&manifest.catalogue).expect("a catalogue");
    let archive = Archive::open(&manifest, &stored).expect("opens");
    let mut candidates = Vec::new();
    let buckets = bucket_names(&archive.catalogue().fates, &mut source).expect("bucket lists");
    for name in &buckets {
        let body = codec::open(name, &source.fetch(name).expect("a fates part")).expect("opens");
        for fate in FatesPart::decode(&body).expect("decodes").fates {
            let Some(short) = fate.from.strip_prefix("person:") else {
                continue;
            };
            if let Some(Verdict::Join { name, .. }) = fate.verdict()
                && fate.merged[0].into.starts_with("person:")
                && short.chars().all(|c| c.is_ascii_lowercase())
            {
                let last = name
                    .split_whitespace()
                    .last()
                    .unwrap_or_default()
                    .to_string();
                if last.to_lowercase() == short {
                    let into = fate.merged[0].into.clone();
                    candidates.push((last, fate.from.clone(), into, name));
                }
            }
        }
    }
    candidates.sort();
    candidates
        .into_iter()
        .find(|(short, from, _, _)| {
            let text = sentence.replace("{}", short);
            let article =
                &dossier::corpus::parse_file("a.txt", text.as_bytes()).expect("parses")[0];
            let found = dossier::extract::annotate(article);
            found.entities.len() == 1 && found.entities[0].id.0 == *from
        })
        .expect("the archive resolves a short person name to one full name")
}

#[tokio::test(flavor = "multi_thread")]
async fn beside_an_archive_the_readers_short_names_join_the_archives_entities() {
    let Some(site) = archive_site() else {
        return;
    };
    let sentence = "The harbour talks will go on, {} told reporters on Tuesday.";
    let (short, from, into, full_name) = name_the_archive_resolves(&site, sentence);
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("call.md");
    std::fs::write(
        &path,
        format!(
            "---\ntitle: Call notes\ndate: 2024-05-03\n---\n{}\n",
            sentence.replace("{}", &short)
        ),
    )
    .expect("the file is written");
    let paths = vec![path.to_string_lossy().into_owned()];
    App::run_with(&site, None, async |app| {
        app.wait_for("body[data-view-ready]").await?;
        // A link made before the archive resolved the short name says where it went, as
        // the embedded build's page does, and leads there.
        app.open_link(&format!("entity={from}")).await?;
        app.wait_for_text("#resolved-away", &format!("Now part of {full_name}"))
            .await?;
        app.screenshot("archive-name-placed-elsewhere").await?;
        app.wait_for("#resolved-away .entity-link")
            .await?
            .click()
            .await?;
        app.wait_for_text("#entity-name", &full_name).await?;
        app.open_link("").await?;
        app.wait_for("body[data-view-ready]").await?;
        add_files(app, &paths).await?;
        wait_own_articles(app, 1).await?;
        // Resolved alone, the article's `{short}` would be `{from}`: beside the archive it is
        // the archive's entity, so its filter finds the reader's article among the archive's.
        page::wait_until(
            app,
            "Number(document.body.dataset.ownArchiveJoined || 0) >= 1",
            "the archive's verdicts moved the reader's name",
        )
        .await?;
        app.open_link(&format!("e={into}&in=yours")).await?;
        wait_own_articles(app, 1).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", "1 ").await?;
        app.wait_for("#hits .hit[data-article^='own/']").await?;
        // The archive's page of the entity sums the reader's article in and lists the
        // reader's joined name among its merged names, marked as theirs.
        app.open_link(&format!("entity={into}")).await?;
        wait_own_articles(app, 1).await?;
        app.wait_for("body[data-view-ready] #entity-name").await?;
        app.wait_for_text("#entity-mentions", "1 of them yours")
            .await?;
        app.wait_for_text(
            ".merged-names .own-merged",
            &format!("{short} ({from}): as the archive resolves it"),
        )
        .await?;
        app.screenshot("archive-entity-with-joined-name").await?;
        app.open_link(&format!("e={from}&in=yours")).await?;
        wait_own_articles(app, 1).await?;
        app.wait_for("body[data-view-ready]").await?;
        // No article has the name any more: the link says so, as for any name none has.
        app.wait_for("#foreign-own-notice #unknown-names").await?;
        // Its entity page says why, with the archive's evidence.
        app.open_link(&format!("entity={into}&in=yours")).await?;
        wait_own_articles(app, 1).await?;
        app.wait_for("body[data-view-ready] #entity-name").await?;
        app.wait_for_text(".merged-names", "as the archive resolves it")
            .await?;
        app.screenshot("archive-own-name-joined").await?;
        // A hand edit applies at once to the reader's articles and to the archive read
        // through it, and to everyone's when the archive is rebuilt: the edits panel says so.
        page::open_entity_edits(app).await?;
        page::rename_entity(app, &format!("{full_name} Renamed")).await?;
        app.wait_for_text("#curation .curation-outcome", "your articles: now named")
            .await?;
        app.wait_for_text(
            "#curation .curation-outcome",
            "in this browser until the archive is rebuilt",
        )
        .await?;
        app.wait_for_text(
            "#curation",
            "to the archive's entities and to your own articles",
        )
        .await?;
        app.wait_for(".curation-undo").await?.click().await?;
        page::wait_until(
            app,
            "!document.querySelector('#curation')",
            "the edit is undone",
        )
        .await?;
        // After a reload the kept article joins again.
        app.client.refresh().await?;
        app.wait_for("body[data-view-ready]").await?;
        wait_own_articles(app, 1).await?;
        app.open_link(&format!("e={into}&in=yours")).await?;
        wait_own_articles(app, 1).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for("#hits .hit[data-article^='own/']").await?;
        app.wait_for("#own-articles-button").await?.click().await?;
        app.wait_for("#own-remove-all").await?.click().await?;
        wait_own_articles(app, 0).await?;
        app.assert_no_crash().await
    })
    .await;
}
