//! The three browser engines the tests run in — Chromium, Firefox and WebKit — and how to
//! start each one's WebDriver server, headless, in its own process group so that nothing
//! outlives the test.
//!
//! `DOSSIER_BROWSERS=chromium,firefox,webkit` chooses engines (all three by default). An engine
//! that is not installed is skipped loudly, or is a failure when `DOSSIER_DIST` is set (the
//! test command, `./dev test`, installs all three with `scripts/setup.sh --browsers`).

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A browser engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chromium with ChromeDriver (apt `chromium`, `chromium-driver`).
    Chromium,
    /// Firefox ESR with geckodriver (apt `firefox-esr`, `cargo install geckodriver`).
    Firefox,
    /// WebKitGTK's MiniBrowser with WebKitWebDriver under Xvfb (apt `webkit2gtk-driver`, `xvfb`).
    WebKit,
}

impl Engine {
    const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// The name used in `DOSSIER_BROWSERS`, messages and screenshot folders.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// The engines chosen by `DOSSIER_BROWSERS` (comma-separated), all three by default.
    pub fn chosen() -> Vec<Engine> {
        match std::env::var("DOSSIER_BROWSERS") {
            Ok(list) if !list.trim().is_empty() => list
                .split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(|name| {
                    Self::ALL.into_iter().find(|e| e.name() == name).unwrap_or_else(|| {
                        panic!("DOSSIER_BROWSERS names {name:?}; the engines are chromium, firefox, webkit")
                    })
                })
                .collect(),
            _ => Self::ALL.to_vec(),
        }
    }

    /// What is missing to run this engine, if anything.
    pub fn missing(self) -> Option<String> {
        let needs: Vec<(&str, Option<PathBuf>)> = match self {
            Engine::Chromium => vec![
                ("chromedriver", find_program(&chromedriver())),
                ("chromium", Some(chromium_binary())),
            ],
            Engine::Firefox => vec![
                ("geckodriver", find_program(&geckodriver())),
                ("firefox-esr", Some(firefox_binary())),
            ],
            Engine::WebKit => vec![
                ("WebKitWebDriver", find_program("WebKitWebDriver")),
                ("MiniBrowser", minibrowser_binary()),
                ("Xvfb", find_program("Xvfb")),
            ],
        };
        let missing: Vec<&str> = needs
            .iter()
            .filter(|(_, path)| !path.as_ref().is_some_and(|p| p.is_file()))
            .map(|(n, _)| *n)
            .collect();
        (!missing.is_empty()).then(|| missing.join(", "))
    }

    /// Starts this engine's WebDriver server on `port`.
    pub fn start_driver(self, port: u16) -> std::io::Result<ProcessGroup> {
        match self {
            Engine::Chromium => {
                ProcessGroup::spawn(Command::new(chromedriver()).arg(format!("--port={port}")))
            }
            Engine::Firefox => ProcessGroup::spawn(
                // Port 0 everywhere: parallel tests each get their own Marionette and BiDi ports.
                Command::new(geckodriver()).args([
                    "--port",
                    &port.to_string(),
                    "--marionette-port",
                    "0",
                    "--websocket-port",
                    "0",
                    "--log",
                    "fatal",
                ]),
            ),
            Engine::WebKit => {
                let display = start_xvfb()?;
                let mut group = ProcessGroup::spawn(
                    Command::new("WebKitWebDriver")
                        .arg(format!("--port={port}"))
                        .env("DISPLAY", &display.name)
                        // WebKitGTK 2.50's optimising wasm tier (OMG) intermittently
                        // miscompiles the app on the 19k Reuters build: "RuntimeError: Out of
                        // bounds memory access" or "Unreachable code" in safe Rust, 1–2 loads
                        // in 24, never in Chromium or Firefox, none in 24 loads with OMG off
                        // (the browser then runs the baseline tier, BBQ). The engine's bug, not
                        // the page's: the tests keep every check in WebKit with OMG off, and
                        // boot.js turns such a trap into the error panel for readers.
                        .env("JSC_useOMGJIT", "false"),
                )?;
                group.companions.push(display.process);
                Ok(group)
            }
        }
    }

    /// The WebDriver capabilities that open a fresh, headless browser of this engine.
    pub fn capabilities(self) -> serde_json::Map<String, serde_json::Value> {
        let value = match self {
            Engine::Chromium => serde_json::json!({
                "goog:chromeOptions": {
                    "binary": chromium_binary(),
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1200,900"
                    ]
                }
            }),
            Engine::Firefox => serde_json::json!({
                "moz:firefoxOptions": {
                    "binary": firefox_binary(),
                    "args": ["-headless", "-width=1200", "-height=900"],
                    "prefs": {
                        // No background traffic that is not the app's.
                        "app.update.enabled": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false
                    }
                }
            }),
            Engine::WebKit => serde_json::json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": minibrowser_binary().unwrap_or_default(),
                    "args": ["--automation", "--geometry=1200x900"]
                }
            }),
        };
        match value {
            serde_json::Value::Object(map) => map,
            _ => unreachable!("each capabilities literal above is an object"),
        }
    }
}

/// Processes started for one browser session, in their own process group: dropping it ends
/// the driver, the browser it started, and companions (Xvfb), even after a failed test.
pub struct ProcessGroup {
    leader: Child,
    companions: Vec<Child>,
}

impl ProcessGroup {
    fn spawn(command: &mut Command) -> std::io::Result<Self> {
        let leader = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()?;
        Ok(Self {
            leader,
            companions: Vec::new(),
        })
    }
}

impl Drop for ProcessGroup {
    fn drop(&mut self) {
        // The group id is the leader's pid (process_group(0)); only our own processes are in it.
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.leader.id())])
            .status();
        let _ = self.leader.kill();
        let _ = self.leader.wait();
        for companion in &mut self.companions {
            let _ = companion.kill();
            let _ = companion.wait();
        }
    }
}

struct Display {
    name: String,
    process: Child,
}

/// Starts an Xvfb on a free display (MiniBrowser has no headless mode). Xvfb chooses the
/// display itself (`-displayfd`): it skips displays in use, reclaims the lock files that killed
/// servers leave behind, and writes the number only once it accepts connections.
fn start_xvfb() -> std::io::Result<Display> {
    let mut process = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()?;
    let stdout = process
        .stdout
        .take()
        .ok_or_else(|| std::io::Error::other("Xvfb has no stdout"))?;
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
        let _ = sender.send(line);
    });
    match receiver.recv_timeout(Duration::from_secs(30)) {
        Ok(line) if line.trim().parse::<u32>().is_ok() => Ok(Display {
            name: format!(":{}", line.trim()),
            process,
        }),
        _ => {
            let _ = process.kill();
            let _ = process.wait();
            Err(std::io::Error::other(
                "Xvfb did not report a display within 30 s",
            ))
        }
    }
}

fn find_program(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        return Some(PathBuf::from(name));
    }
    let path = std::env::var_os("PATH")?;
    let home_cargo = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin"));
    std::env::split_paths(&path)
        .chain(home_cargo)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into())
}

fn geckodriver() -> String {
    std::env::var("GECKODRIVER")
        .ok()
        .or_else(|| find_program("geckodriver").map(|p| p.display().to_string()))
        .unwrap_or_else(|| "geckodriver".into())
}

/// The real Chromium binary: Debian's /usr/bin/chromium is a wrapper script whose output
/// confuses the driver.
fn chromium_binary() -> PathBuf {
    first_file(
        "CHROMIUM_BINARY",
        &[
            "/usr/lib/chromium/chromium",
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
        ],
    )
}

fn firefox_binary() -> PathBuf {
    first_file(
        "FIREFOX_BINARY",
        &[
            "/usr/lib/firefox-esr/firefox-esr",
            "/usr/bin/firefox-esr",
            "/usr/bin/firefox",
        ],
    )
}

/// MiniBrowser ships in libwebkit2gtk-4.1-0 under the multiarch library folder.
fn minibrowser_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MINIBROWSER_BINARY") {
        return Some(PathBuf::from(path));
    }
    std::fs::read_dir("/usr/lib")
        .ok()?
        .flatten()
        .map(|entry| entry.path().join("webkit2gtk-4.1/MiniBrowser"))
        .find(|p| p.is_file())
}

fn first_file(variable: &str, candidates: &[&str]) -> PathBuf {
    std::env::var_os(variable)
        .map(PathBuf::from)
        .or_else(|| candidates.iter().map(PathBuf::from).find(|p| p.is_file()))
        .unwrap_or_else(|| PathBuf::from(candidates[0]))
}
