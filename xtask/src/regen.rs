//! Reads the documents and overlays, builds each vendor's table, and writes or checks the
//! generated files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::emit;
use crate::model::VendorTable;
use crate::names::Names;
use crate::overlay::{finish, Overlay};
use crate::vendors::{Vendor, VENDORS};

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

fn read_doc(root: &Path, file: &str) -> Result<String, String> {
    let path = root.join("docs/vendor").join(file);
    fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The names file of a vendor, relative to the root.
fn names_path(vendor: &Vendor) -> String {
    format!("docs/vendor/{}.names.toml", vendor.name)
}

/// Builds the table of one vendor from its documents, overlay and names file; also returns the
/// names file as it should now read (new codes named).
pub fn build(root: &Path, vendor: &'static Vendor) -> Result<(VendorTable, Names), String> {
    let overlay_file = format!("{}.overlay.toml", vendor.name);
    let overlay = Overlay::parse(&overlay_file, &read_doc(root, &overlay_file)?)?;
    let names_file = names_path(vendor);
    let mut names = match fs::read_to_string(root.join(&names_file)) {
        Ok(text) => Names::parse(&names_file, &text)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Names::empty(&names_file),
        Err(e) => return Err(format!("{names_file}: {e}")),
    };
    let read = (vendor.read)(&|file| read_doc(root, file), &overlay)?;
    overlay.check_codes(&overlay_file, &read.enums)?;
    let enums = read
        .enums
        .iter()
        .map(|rows| finish(&overlay_file, &overlay, &mut names, rows))
        .collect::<Result<Vec<_>, _>>()?;
    let table = VendorTable {
        vendor: vendor.name,
        sources: vendor.documents.to_vec(),
        snapshot: read.snapshot,
        enums,
    };
    crate::citations::check(&table, &|file| read_doc(root, file))?;
    Ok((table, names))
}

/// Lays generated Rust out with rustfmt, so the checked-in file passes `cargo fmt --check`.
fn rustfmt(root: &Path, source: &str) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".into()))
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        .arg("--config-path")
        .arg(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run rustfmt: {e}"))?;
    child.stdin.take().expect("stdin is piped").write_all(source.as_bytes()).map_err(|e| e.to_string())?;
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt rejected the generated code: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| e.to_string())
}

/// Every file regen writes: each vendor's generated code and names file, (path relative to
/// the root, contents).
pub fn generate(root: &Path) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    let mut tables = Vec::new();
    for vendor in VENDORS {
        let (table, names) = build(root, vendor)?;
        files.push((
            format!("crates/{}/src/generated.rs", vendor.crate_dir),
            rustfmt(root, &emit::emit(&table)?)?,
        ));
        files.push((names_path(vendor), names.render()));
        tables.push(table);
    }
    files.push((
        "crates/cloud-errors/src/generated.rs".to_owned(),
        rustfmt(root, &emit::emit_recognition(&tables))?,
    ));
    Ok(files)
}

/// Regenerates (or, with `check`, verifies) every generated file; returns what it did.
pub fn run(root: &Path, check: bool) -> Result<Vec<String>, String> {
    let mut report = Vec::new();
    let mut stale = Vec::new();
    for (path, contents) in generate(root)? {
        let full = root.join(&path);
        let current = fs::read_to_string(&full).ok();
        if current.as_deref() == Some(contents.as_str()) {
            report.push(format!("fresh    {path}"));
        } else if check {
            stale.push(path);
        } else {
            fs::write(&full, contents).map_err(|e| format!("{}: {e}", full.display()))?;
            report.push(format!("wrote    {path}"));
        }
    }
    if stale.is_empty() {
        Ok(report)
    } else {
        Err(format!(
            "generated code is stale; run `cargo xtask regen` and commit the result:\n{}",
            stale.iter().map(|p| format!("  stale  {p}")).collect::<Vec<_>>().join("\n")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same check as `cargo xtask regen --check`: `cargo test` fails when a generated file
    /// no longer matches its documents.
    #[test]
    fn generated_code_is_fresh() {
        if let Err(err) = run(&workspace_root(), true) {
            panic!("{err}");
        }
    }

    /// A vendor rewording a message must not rename a public variant: the recorded name stays.
    #[test]
    fn a_reworded_message_keeps_its_variant_name() {
        let copy = std::env::temp_dir().join(format!("cloud-errors-regen-{}", std::process::id()));
        let docs = copy.join("docs/vendor");
        fs::create_dir_all(&docs).unwrap();
        for entry in fs::read_dir(workspace_root().join("docs/vendor")).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), docs.join(entry.file_name())).unwrap();
        }
        let text = fs::read_to_string(docs.join("huawei-iam.txt")).unwrap();
        assert!(text.contains("\nconcurrent modification\n"));
        fs::write(
            docs.join("huawei-iam.txt"),
            text.replace("\nconcurrent modification\n", "\nsimultaneous edits\n"),
        )
        .unwrap();
        let vendor = crate::vendors::find("huawei-iam").unwrap();
        let (table, names) = build(&copy, vendor).unwrap();
        let code = table.enums[0].codes.iter().find(|c| c.wire == "PAP5.0006").unwrap();
        assert_eq!(
            (code.name.as_str(), code.wire_message.as_deref()),
            ("ConcurrentModification", Some("simultaneous edits"))
        );
        assert_eq!(names.render(), fs::read_to_string(workspace_root().join(names_path(vendor))).unwrap());
        fs::remove_dir_all(&copy).unwrap();
    }
}
