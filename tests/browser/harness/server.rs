//! A static file server for `dist/` on 127.0.0.1, under any sub-path, that a test can stop
//! (to go offline) or switch to another build (an update) while the browser lives, and that
//! logs every request — what any static host or CDN does, and nothing more.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// A running server; stops when dropped or on [`StaticServer::stop`].
pub struct StaticServer {
    addr: SocketAddr,
    base: String,
    shared: Arc<Shared>,
    task: Mutex<Option<JoinHandle<()>>>,
}

/// What the serving task and the test both see.
struct Shared {
    root: Mutex<PathBuf>,
    requests: Mutex<Vec<String>>,
    /// Requests whose path contains the text wait this long before the answer.
    slow: Mutex<Option<(String, std::time::Duration)>>,
    /// Every request whole: its head and its body (up to [`BODY_KEPT`] bytes).
    raw: Mutex<Vec<Vec<u8>>>,
}

/// Bytes of a request body kept for [`StaticServer::raw_requests`].
const BODY_KEPT: usize = 16 * 1024 * 1024;

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:PORT{base}` (`base` starts and ends with `/`).
    pub async fn start(root: &Path, base: &str) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            root: Mutex::new(root.to_path_buf()),
            requests: Mutex::new(Vec::new()),
            slow: Mutex::new(None),
            raw: Mutex::new(Vec::new()),
        });
        let prefix = base.to_string();
        let serving = Arc::clone(&shared);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (shared, prefix) = (Arc::clone(&serving), prefix.clone());
                tokio::spawn(async move {
                    let _ = serve(stream, &shared, &prefix).await;
                });
            }
        });
        Ok(Self {
            addr,
            base: base.to_string(),
            shared,
            task: Mutex::new(Some(task)),
        })
    }

    /// `http://127.0.0.1:PORT`, the app's origin.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// From now on, serves the files of `root` (another build: an update of the site).
    pub fn serve_from(&self, root: &Path) {
        *self
            .shared
            .root
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = root.to_path_buf();
    }

    /// From now on, answers requests whose path contains `containing` only after `delay`
    /// (a slow network, so a test can watch a download's progress); `None` ends it.
    pub fn slow_down(&self, slow: Option<(&str, std::time::Duration)>) {
        *self
            .shared
            .slow
            .lock()
            .unwrap_or_else(PoisonError::into_inner) =
            slow.map(|(containing, delay)| (containing.to_string(), delay));
    }

    /// Whether a new connection is refused (true soon after [`StaticServer::stop`]).
    pub fn refuses_connections(&self) -> bool {
        std::net::TcpStream::connect_timeout(&self.addr, std::time::Duration::from_millis(500))
            .is_err()
    }

    /// Every request so far, as `METHOD TARGET` (`GET /a/b/index.html`), in order.
    pub fn requests(&self) -> Vec<String> {
        self.shared
            .requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The app's URL (the base path) with `query` appended when not empty.
    pub fn url(&self, query: &str) -> String {
        let q = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        format!("http://{}{}{q}", self.addr, self.base)
    }

    /// Every request so far whole (head and body), in order: what a page could have sent.
    pub fn raw_requests(&self) -> Vec<Vec<u8>> {
        self.shared
            .raw
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Stops accepting connections: the site is now offline.
    pub fn stop(&self) {
        if let Some(task) = self
            .task
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        {
            task.abort();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn serve(mut stream: TcpStream, shared: &Shared, prefix: &str) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 64 * 1024 {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let request = String::from_utf8_lossy(&head).into_owned();
    // The body, if the request has one (a static host ignores it; the log keeps it).
    let head_end = head
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(head.len(), |at| at + 4);
    let length: usize = header_value(&request, "content-length")
        .and_then(|value| value.parse().ok())
        .unwrap_or(0);
    let mut whole = head.clone();
    while whole.len() < head_end + length.min(BODY_KEPT) {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        whole.extend_from_slice(&buf[..n]);
    }
    shared
        .raw
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(whole);
    let mut words = request.split_whitespace();
    let method = words.next().unwrap_or("?");
    let target = words.next().unwrap_or("/");
    shared
        .requests
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(format!("{method} {target}"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let delay = shared
        .slow
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .filter(|(containing, _)| path.contains(containing.as_str()))
        .map(|(_, delay)| *delay);
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    let root = shared
        .root
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    let accepts = header_value(&request, "accept-encoding").unwrap_or_default();
    let (status, content_type, encoding, body) = match resolve(&root, prefix, path) {
        Some(file) => match precompressed(&file, &accepts).await {
            Some((encoding, bytes)) => ("200 OK", mime(&file), Some(encoding), bytes),
            None => match tokio::fs::read(&file).await {
                Ok(bytes) => ("200 OK", mime(&file), None, bytes),
                Err(_) => ("404 Not Found", "text/plain", None, b"not found".to_vec()),
            },
        },
        None => ("404 Not Found", "text/plain", None, b"not found".to_vec()),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{}Vary: Accept-Encoding\r\nContent-Length: {}\r\nCache-Control: {}\r\nConnection: close\r\n\r\n",
        encoding.map_or(String::new(), |e| format!("Content-Encoding: {e}\r\n")),
        body.len(),
        if status.starts_with("200") {
            cache_control(path)
        } else {
            "no-store"
        },
    );
    stream.write_all(header.as_bytes()).await?;
    stream.write_all(&body).await?;
    stream.shutdown().await
}

/// The value of a request header, by name in any case.
fn header_value(request: &str, name: &str) -> Option<String> {
    request.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_string())
    })
}

/// The file's precompressed sibling (`x.wasm.br`, `x.wasm.gz`, which `dossier build` writes
/// beside the app's files) that the browser accepts, brotli first, as Caddy's
/// `precompressed br gzip` serves them: the archive's browser tests load the app the way
/// such a host sends it, in each engine (Firefox accepts brotli only over https, so gets gzip).
async fn precompressed(file: &Path, accepts: &str) -> Option<(&'static str, Vec<u8>)> {
    let accepted = |coding: &str| {
        accepts
            .split(',')
            .any(|offer| offer.split(';').next().unwrap_or("").trim() == coding)
    };
    for (coding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if !accepted(coding) {
            continue;
        }
        let mut name = file.as_os_str().to_owned();
        name.push(".");
        name.push(suffix);
        if let Ok(bytes) = tokio::fs::read(PathBuf::from(name)).await {
            return Some((coding, bytes));
        }
    }
    None
}

/// The headers docs/hosting.md recommends: content-hashed names forever, the rest revalidated.
fn cache_control(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .trim_end_matches("_bg");
    let hash = stem.rsplit_once('-').map_or("", |(_, hash)| hash);
    if hash.len() >= 12 && hash.chars().all(|c| c.is_ascii_hexdigit()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

fn resolve(root: &Path, prefix: &str, path: &str) -> Option<PathBuf> {
    let rest = path
        .strip_prefix(prefix)
        .or_else(|| (path == prefix.trim_end_matches('/')).then_some(""))?;
    if rest.split('/').any(|part| part == "..") {
        return None;
    }
    let file = if rest.is_empty() || rest.ends_with('/') {
        root.join(rest).join("index.html")
    } else {
        root.join(rest)
    };
    file.is_file().then_some(file)
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json" | "webmanifest") => "application/json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
