//! Reads the documents and overlays, builds each vendor's table, and writes or checks the
//! generated files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::emit;
use crate::model::{CodeEnum, VendorTable};
use crate::overlay::{finish, Overlay};
use crate::parse::{authing, aws_interface, huawei_iam, s3, tencent_cam};

/// The vendors, in the order the project lists them: (vendor name, crate directory).
pub const VENDORS: [(&str, &str); 5] = [
    ("aws-interface", "aws-interface-errors"),
    ("huawei-iam", "huawei-iam-errors"),
    ("authing", "authing-errors"),
    ("s3", "s3-errors"),
    ("tencent-cam", "tencent-cam-errors"),
];

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

struct Docs<'a> {
    root: &'a Path,
}

impl Docs<'_> {
    fn read(&self, file: &str) -> Result<String, String> {
        let path = self.root.join("docs/vendor").join(file);
        fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn overlay(&self, vendor: &str) -> Result<(String, Overlay), String> {
        let file = format!("{vendor}.overlay.toml");
        let text = self.read(&file)?;
        let overlay = Overlay::parse(&file, &text)?;
        Ok((file, overlay))
    }
}

/// Builds the table of one vendor from its documents and overlay.
pub fn build(root: &Path, vendor: &'static str) -> Result<VendorTable, String> {
    let docs = Docs { root };
    let (overlay_file, overlay) = docs.overlay(vendor)?;
    let single =
        |doc: crate::model::Doc, sources: Vec<&'static str>, numeric: bool| -> Result<VendorTable, String> {
            overlay.check_codes(&overlay_file, &[&doc])?;
            let codes = finish(&overlay_file, &doc.rows, &overlay)?;
            Ok(VendorTable {
                vendor,
                sources,
                snapshot: doc.snapshot,
                enums: vec![CodeEnum { rust_name: "ErrorCode", numeric, codes }],
            })
        };
    match vendor {
        "aws-interface" => {
            let doc = aws_interface::parse(
                &docs.read(aws_interface::TABLE)?,
                &docs.read(aws_interface::SOURCE_LIST)?,
            )?;
            single(doc, vec![aws_interface::TABLE, aws_interface::SOURCE_LIST], true)
        }
        "huawei-iam" => {
            single(huawei_iam::parse(&docs.read(huawei_iam::DOC)?)?, vec![huawei_iam::DOC], false)
        }
        "authing" => single(authing::parse(&docs.read(authing::DOC)?)?, vec![authing::DOC], true),
        "s3" => single(s3::parse(&docs.read(s3::DOC)?)?, vec![s3::DOC], false),
        "tencent-cam" => {
            let (common, module) = tencent_cam::parse(&docs.read(tencent_cam::DOC)?, &overlay.split())?;
            overlay.check_codes(&overlay_file, &[&common, &module])?;
            let module_codes = finish(&overlay_file, &module.rows, &overlay)?;
            let common_codes = finish(&overlay_file, &common.rows, &overlay)?;
            Ok(VendorTable {
                vendor,
                sources: vec![tencent_cam::DOC],
                snapshot: module.snapshot,
                enums: vec![
                    CodeEnum { rust_name: "ErrorCode", numeric: false, codes: module_codes },
                    CodeEnum { rust_name: "CommonCode", numeric: true, codes: common_codes },
                ],
            })
        }
        other => Err(format!("unknown vendor `{other}`")),
    }
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

/// The generated file of every vendor: (path relative to the root, contents).
pub fn generate(root: &Path) -> Result<Vec<(String, String)>, String> {
    VENDORS
        .iter()
        .map(|&(vendor, dir)| {
            let table = build(root, vendor)?;
            let code = rustfmt(root, &emit::emit(&table))?;
            Ok((format!("crates/{dir}/src/generated.rs"), code))
        })
        .collect()
}

/// Regenerates (or, with `check`, verifies) every generated file; returns what it did.
pub fn run(root: &Path, check: bool) -> Result<Vec<String>, String> {
    let mut report = Vec::new();
    let mut stale = Vec::new();
    for (path, code) in generate(root)? {
        let full = root.join(&path);
        let current = fs::read_to_string(&full).ok();
        if current.as_deref() == Some(code.as_str()) {
            report.push(format!("fresh    {path}"));
        } else if check {
            stale.push(path);
        } else {
            fs::write(&full, code).map_err(|e| format!("{}: {e}", full.display()))?;
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

    fn count(vendor: &'static str, enum_name: &str) -> usize {
        let table = build(&workspace_root(), vendor).unwrap();
        table.enums.iter().find(|e| e.rust_name == enum_name).unwrap().codes.len()
    }

    /// The counts the documents give; a parser that drops or invents a row fails here.
    #[test]
    fn every_documented_code_is_read() {
        assert_eq!(count("aws-interface", "ErrorCode"), 85);
        assert_eq!(count("huawei-iam", "ErrorCode"), 73);
        assert_eq!(count("authing", "ErrorCode"), 99);
        assert_eq!(count("s3", "ErrorCode"), 105);
        assert_eq!(count("tencent-cam", "ErrorCode"), 39);
        assert_eq!(count("tencent-cam", "CommonCode"), 8);
    }

    #[test]
    fn huawei_families_have_their_documented_sizes() {
        let table = build(&workspace_root(), "huawei-iam").unwrap();
        let family =
            |prefix: &str| table.enums[0].codes.iter().filter(|c| c.wire.starts_with(prefix)).count();
        assert_eq!((family("PAP5."), family("STS5."), family("AccessAnalyzer.")), (40, 3, 30));
    }

    #[test]
    fn the_real_documents_keep_their_quirks() {
        let root = workspace_root();
        let s3 = build(&root, "s3").unwrap();
        let s3_codes: Vec<&str> = s3.enums[0].codes.iter().map(|c| c.wire.as_str()).collect();
        assert!(s3_codes.contains(&"IllegalVersioningConfigurationException"));
        assert!(s3_codes.contains(&"IncorrectNumberOfFilesInPostRequest"));
        let upload = s3.enums[0].codes.iter().find(|c| c.wire == "NoSuchUpload").unwrap();
        assert!(upload.description.contains("does not exis. The upload ID"));

        let aws = build(&root, "aws-interface").unwrap();
        let by_number = |n: i64| aws.enums[0].codes.iter().find(|c| c.number == Some(n)).unwrap();
        assert_eq!(by_number(62).message, "A combination of <item._pk & item._sk> already exist");
        assert_eq!(by_number(71).message, "Need <item_id> param");
        assert_eq!(by_number(85).source, aws_interface::SOURCE_LIST);

        let authing = build(&root, "authing").unwrap();
        assert!(!authing.enums[0].codes.iter().any(|c| c.number == Some(2033)));

        let tencent = build(&root, "tencent-cam").unwrap();
        let wrapped = tencent.enums[0]
            .codes
            .iter()
            .find(|c| c.wire == "InvalidParameter.policyDocument.LengthOverlimit")
            .unwrap();
        assert_eq!(
            wrapped.remediation.as_deref(),
            Some("Reduce the length of policy. Split the policy into multiple policies if it is too long.")
        );
    }

    /// The same check as `cargo xtask regen --check`: `cargo test` fails when a generated file
    /// no longer matches its documents.
    #[test]
    fn generated_code_is_fresh() {
        if let Err(err) = run(&workspace_root(), true) {
            panic!("{err}");
        }
    }
}
