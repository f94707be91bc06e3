//! The core alone (`dossier_core_only`: no browser worker) with every seed reader built in
//! (`dossier_html_seeds`), as the main crate's build script would decide for HTML seeds.
fn main() {
    for name in ["dossier_core_only", "dossier_html_seeds", "dossier_no_seeds", "dossier_test_panic"] {
        println!("cargo::rustc-check-cfg=cfg({name})");
    }
    println!("cargo::rustc-cfg=dossier_core_only");
    println!("cargo::rustc-cfg=dossier_html_seeds");
}
