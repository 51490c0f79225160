//! The one list of vendors regen serves: each with its crate, its documents and the function
//! that reads them into enums of rows. Everything after reading is the same for every vendor.

use crate::model::EnumRows;
use crate::model::{Origin, Row, Translation};
use crate::overlay::Overlay;
use crate::parse::{
    authing, authing_v3, aws_interface, huawei_iam, huawei_iam_classic, s3, s3_aws, s3_server, tencent_cam,
    tencent_cam_v3, tencent_cam_v3_en, tencent_common, Language,
};

/// Reads a document of `docs/vendor/` by file name.
pub type ReadDoc<'a> = dyn Fn(&str) -> Result<String, String> + 'a;

/// What a vendor's reader returns: the documents' version stamps, and the rows of each enum.
pub struct Read {
    pub snapshot: String,
    pub enums: Vec<EnumRows>,
}

pub struct Vendor {
    /// The vendor's name, as the command spells it; also the stem of its overlay and names file.
    pub name: &'static str,
    /// The crate directory under `crates/`.
    pub crate_dir: &'static str,
    /// The documents it is generated from, in `docs/vendor/`.
    pub documents: &'static [&'static str],
    /// Reads the documents (with the overlay, for Tencent's column borders).
    pub read: fn(&ReadDoc<'_>, &Overlay) -> Result<Read, String>,
}

pub const VENDORS: &[Vendor] = &[
    Vendor {
        name: "aws-interface",
        crate_dir: "aws-interface-errors",
        documents: &[aws_interface::TABLE, aws_interface::SOURCE_LIST],
        read: |read, _| {
            let doc = aws_interface::parse(&read(aws_interface::TABLE)?, &read(aws_interface::SOURCE_LIST)?)?;
            let summary =
                "Every error code of `aws-interface.md` and the server's list `aws-interface-errorlist.tsv`";
            Ok(Read { snapshot: doc.snapshot, enums: vec![enum_rows("ErrorCode", true, summary, doc.rows)] })
        },
    },
    Vendor {
        name: "huawei-iam",
        crate_dir: "huawei-iam-errors",
        documents: &[huawei_iam::DOC, huawei_iam_classic::DOC],
        read: |read, _| {
            let v5 = huawei_iam::parse(&read(huawei_iam::DOC)?)?;
            let classic = huawei_iam_classic::parse(&read(huawei_iam_classic::DOC)?)?;
            Ok(Read {
                snapshot: format!("{}; {}", v5.snapshot, classic.snapshot),
                enums: vec![
                    enum_rows("ErrorCode", false, "Every error code documented in `huawei-iam.txt` (IAM v5)", v5.rows),
                    enum_rows(
                        "ClassicCode",
                        false,
                        "Every classic IAM error code (`IAM.*` and 1100-1120) of `huawei-iam-classic-errors.rst`, \
                         the classic page as Open Telekom Cloud publishes it",
                        classic.rows,
                    ),
                ],
            })
        },
    },
    Vendor {
        name: "authing",
        crate_dir: "authing-errors",
        documents: &[authing::DOC, authing_v3::DOC],
        read: |read, _| {
            let legacy = authing::parse(&read(authing::DOC)?)?;
            let v3 = read(authing_v3::DOC)?;
            let (classes, api_codes) = authing_v3::parse(&v3)?;
            Ok(Read {
                snapshot: format!("{}; {}", legacy.snapshot, classes.snapshot),
                enums: vec![
                    enum_rows(
                        "ErrorCode",
                        true,
                        "Every error code (`code`) documented in `authing.md` (the legacy API)",
                        legacy.rows,
                    ),
                    EnumRows {
                        success: Some(authing_v3::success(&v3)?),
                        ..enum_rows(
                            "V3StatusCode",
                            true,
                            "Every error class (`statusCode`) documented in `authing-v3.md` (the V3 API)",
                            classes.rows,
                        )
                    },
                    enum_rows(
                        "V3ApiCode",
                        true,
                        "Every business error code (`apiCode`) documented in `authing-v3.md` (the V3 API)",
                        api_codes.rows,
                    ),
                ],
            })
        },
    },
    Vendor {
        name: "s3",
        crate_dir: "s3-errors",
        documents: &[s3::DOC, s3_server::DOC, s3_aws::DOC],
        read: |read, _| {
            let documented = s3::parse(&read(s3::DOC)?)?;
            let server = s3_server::parse(&read(s3_server::DOC)?)?;
            let (aws_stamp, aws) = s3_aws::parse(&read(s3_aws::DOC)?)?;
            let snapshot = format!("{}; {}; {aws_stamp}", documented.snapshot, server.snapshot);
            let summary = "Every error code of `s3.rst` (the store's documentation page), of the S3 sections of \
                           `s3-server-errors.ts` (its server's error list) and of `s3-aws-error-codes.html` (AWS's own list)";
            let mut table = s3_server::merge(documented, server, summary);
            s3_aws::merge(&mut table, aws);
            Ok(Read { snapshot, enums: vec![table] })
        },
    },
    Vendor {
        name: "tencent-cam",
        crate_dir: "tencent-cam-errors",
        documents: &[tencent_cam::DOC, tencent_cam_v3::DOC, tencent_cam_v3_en::DOC, tencent_common::DOC],
        read: |read, overlay| {
            let text = read(tencent_cam::DOC)?;
            let (common, module) = tencent_cam::parse(&text, &overlay.split())?;
            let v3 = tencent_cam_v3::parse(&read(tencent_cam_v3::DOC)?)?;
            let (english_stamp, english) = tencent_cam_v3_en::parse(&read(tencent_cam_v3_en::DOC)?)?;
            let (common_stamp, common_v3) = tencent_common::parse(&read(tencent_common::DOC)?)?;
            let v3_rows = tencent_v3_rows(v3.rows, english, common_v3)?;
            Ok(Read {
                snapshot: format!("{}; {}; {english_stamp}; {common_stamp}", module.snapshot, v3.snapshot),
                enums: vec![
                    enum_rows(
                        "ErrorCode",
                        false,
                        "Every module error code (`codeDesc`) documented in `tencent-cam.txt` (API 2.0)",
                        module.rows,
                    ),
                    EnumRows {
                        success: Some(tencent_cam::success(&text)?),
                        ..enum_rows(
                            "CommonCode",
                            true,
                            "Every common error code (`code`) documented in `tencent-cam.txt` (API 2.0)",
                            common.rows,
                        )
                    },
                    enum_rows(
                        "V3ErrorCode",
                        false,
                        "Every error code (`Response.Error.Code`) a CAM call of API 3.0 answers with: CAM's own, as the vendor's SDK lists them in `tencent-cam-v3-errorcodes.py` (Chinese) and `tencent-cam-v3-errors.en.go` (English), then the common codes every API 3.0 product answers with, from `tencent-common-errors.swift` (both languages)",
                        v3_rows,
                    ),
                ],
            })
        },
    },
];

/// Tencent's API 3.0 table: CAM's codes (Chinese) with their English texts, then the common codes
/// CAM's list lacks. A common code CAM also lists keeps CAM's text as its description and gains
/// the common page's texts in both languages.
fn tencent_v3_rows(
    mut rows: Vec<Row>,
    english: Vec<tencent_cam_v3_en::EnglishText>,
    common: Vec<tencent_common::CommonCode>,
) -> Result<Vec<Row>, String> {
    let text = |language, text: &str, file, line| Translation {
        language,
        text: text.to_owned(),
        origin: Origin::at(file, line),
    };
    for (code, english_text, line) in english {
        let row = rows.iter_mut().find(|row| row.wire == code).ok_or_else(|| {
            format!(
                "{} line {line}: `{code}` is not a code of {}",
                tencent_cam_v3_en::DOC,
                tencent_cam_v3::DOC
            )
        })?;
        if let Some(english_text) = english_text {
            row.other_descriptions.push(text(Language::En, &english_text, tencent_cam_v3_en::DOC, line));
        }
    }
    for code in common {
        let (zh, en) = (
            text(Language::Zh, &code.zh.0, tencent_common::DOC, code.zh.1),
            text(Language::En, &code.en.0, tencent_common::DOC, code.en.1),
        );
        match rows.iter_mut().find(|row| row.wire == code.code) {
            Some(row) => row.other_descriptions.extend([zh, en]),
            None => {
                let mut row = Row::new(&code.code, &code.zh.0, tencent_common::DOC, code.zh.1);
                row.name = Some(tencent_cam::camel_case_code_desc(&code.code));
                row.other_descriptions.push(en);
                rows.push(row);
            }
        }
    }
    Ok(rows)
}

fn enum_rows(
    rust_name: &'static str,
    numeric: bool,
    summary: &str,
    rows: Vec<crate::model::Row>,
) -> EnumRows {
    EnumRows {
        rust_name,
        numeric,
        summary: summary.to_owned(),
        rows,
        field_origins: Vec::new(),
        success: None,
    }
}

/// The vendor called `name`.
#[cfg(test)]
pub fn find(name: &str) -> Option<&'static Vendor> {
    VENDORS.iter().find(|vendor| vendor.name == name)
}
