//! `cargo xtask public-api [--bless]`: the public API of every library crate, one item a line,
//! as `cargo public-api` lists it (rustdoc's JSON output, read on the stable toolchain through
//! `RUSTC_BOOTSTRAP=1`), compared with `golden/public-api/<crate>.txt`. An added, removed or
//! changed item fails the check until the listing is blessed, so every API change is a reviewed
//! diff, like a golden body.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// The library crates whose API is a promise.
const CRATES: &[&str] = &[
    "cloud-errors-core",
    "aws-interface-errors",
    "huawei-iam-errors",
    "authing-errors",
    "s3-errors",
    "tencent-cam-errors",
    "cloud-errors",
];

/// Lists each crate's API and compares it with (or, blessing, writes) its golden listing.
pub fn run(root: &Path, bless: bool) -> Result<Vec<String>, String> {
    let dir = root.join("golden/public-api");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut report = Vec::new();
    let mut problems = String::new();
    for krate in CRATES {
        let listed = list(root, krate)?;
        let path = dir.join(format!("{krate}.txt"));
        let golden = std::fs::read_to_string(&path).unwrap_or_default();
        if golden == listed {
            report.push(format!("same     golden/public-api/{krate}.txt"));
        } else if bless {
            std::fs::write(&path, &listed).map_err(|e| format!("{}: {e}", path.display()))?;
            report.push(format!("wrote    golden/public-api/{krate}.txt"));
        } else {
            writeln!(problems, "{krate}: the public API differs from golden/public-api/{krate}.txt:")
                .unwrap();
            problems.push_str(&diff(&golden, &listed));
        }
    }
    if problems.is_empty() {
        Ok(report)
    } else {
        problems.push_str(
            "review the change; if it is meant, run `cargo xtask public-api --bless` and commit the listing",
        );
        Err(problems)
    }
}

/// `cargo public-api`'s listing of one crate with every feature, without blanket, auto-trait
/// and derived impls (which follow from the items listed).
fn list(root: &Path, krate: &str) -> Result<String, String> {
    let output = Command::new("cargo")
        .args(["public-api", "--package", krate, "--all-features", "-sss"])
        .env("RUSTC_BOOTSTRAP", "1")
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run `cargo public-api` ({e}); install it with `cargo install cargo-public-api --locked`"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo public-api --package {krate}` failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("`cargo public-api` wrote non-UTF-8: {e}"))
}

/// The lines only one side has, `-` for the golden listing and `+` for the current one.
fn diff(golden: &str, listed: &str) -> String {
    let old: std::collections::BTreeSet<&str> = golden.lines().collect();
    let new: std::collections::BTreeSet<&str> = listed.lines().collect();
    let mut out = String::new();
    for line in old.difference(&new) {
        writeln!(out, "  - {line}").unwrap();
    }
    for line in new.difference(&old) {
        writeln!(out, "  + {line}").unwrap();
    }
    if out.is_empty() {
        out.push_str("  (the same items in another order)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::diff;

    #[test]
    fn a_diff_names_removed_and_added_items() {
        let golden = "pub fn a()\npub fn b()\n";
        assert_eq!(diff(golden, "pub fn a()\npub fn c()\n"), "  - pub fn b()\n  + pub fn c()\n");
        assert_eq!(diff(golden, "pub fn b()\npub fn a()\n"), "  (the same items in another order)\n");
    }
}
