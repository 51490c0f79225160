//! Every documented code of the enabled vendors, as plain data for listing and explaining.

use cloud_errors_core::{CodeSpec, DocumentedCode, Language, RetryClass, Source};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::Vendor;

/// What a vendor's documents (and overlays) say about one code: its table row, with where
/// each field comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeInfo {
    vendor: Vendor,
    table: &'static str,
    spec: &'static CodeSpec,
}

impl CodeInfo {
    fn of<C: DocumentedCode>(vendor: Vendor, table: &'static str, code: C) -> Self {
        CodeInfo { vendor, table, spec: code.spec() }
    }

    /// The vendor.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// Which table of the vendor: `ErrorCode`, or Tencent's `CommonCode`.
    pub fn table(&self) -> &'static str {
        self.table
    }

    /// The row.
    pub fn spec(&self) -> &'static CodeSpec {
        self.spec
    }

    /// The code as it travels on the wire.
    pub fn code(&self) -> &'static str {
        self.spec.code()
    }

    /// The enum variant's name.
    pub fn name(&self) -> &'static str {
        self.spec.name()
    }

    /// Whether retrying can succeed.
    pub fn retry(&self) -> RetryClass {
        self.spec.retry()
    }
}

/// The JSON object `list --format json` and `explain --format json` print for a code: every
/// field of the row, and `sources`, each field's source as a string.
impl Serialize for CodeInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let spec = self.spec;
        let mut map = serializer.serialize_map(Some(14))?;
        map.serialize_entry("vendor", self.vendor.name())?;
        map.serialize_entry("table", self.table)?;
        map.serialize_entry("code", spec.code())?;
        map.serialize_entry("name", spec.name())?;
        map.serialize_entry("number", &spec.number())?;
        map.serialize_entry("http_status", &spec.http_status())?;
        map.serialize_entry("message", spec.message())?;
        map.serialize_entry("wire_message", &spec.wire_message())?;
        map.serialize_entry("title", &spec.title())?;
        map.serialize_entry("description", spec.description())?;
        map.serialize_entry("descriptions", &DescriptionsJson(spec))?;
        map.serialize_entry("remediation", &spec.remediation())?;
        map.serialize_entry("retry", spec.retry().as_str())?;
        map.serialize_entry("sources", &SourcesJson(spec))?;
        map.end()
    }
}

/// `{"zh": "…", "en": "…"}`: the description in each language a document gives it (the first
/// text in each language, as `description_in` answers).
struct DescriptionsJson(&'static CodeSpec);

impl Serialize for DescriptionsJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for &language in Language::ALL {
            if let Some(text) = self.0.description_in(language) {
                map.serialize_entry(language.tag(), text)?;
            }
        }
        map.end()
    }
}

/// `{"code": "docs/vendor/s3.rst:13", "http_status": ..., ...}`: every field that has a value
/// (and the retry class, always) with its source; `descriptions.zh`, `descriptions.en`, ...
/// for the texts of `descriptions`.
struct SourcesJson(&'static CodeSpec);

impl Serialize for SourcesJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.0.sources().fields();
        let mut map = serializer.serialize_map(None)?;
        for (field, source) in fields {
            if source != Source::Unstated || field == "retry" || field == "http_status" {
                map.serialize_entry(field, &source.to_string())?;
            }
        }
        for &language in Language::ALL {
            if let Some(text) = self.0.descriptions().iter().find(|d| d.language() == language) {
                map.serialize_entry(&format!("descriptions.{}", language.tag()), &text.source().to_string())?;
            }
        }
        map.end()
    }
}

macro_rules! code_tables {
    ($($variant:ident, $name:literal, $krate:ident, [$($table:ident),*],
       [$($envelope:ident: $response:ident $envelope_name:literal),*], $prose:literal, $doc:literal;)*) => {
        /// Every code `vendor` documents, table by table, each in table order (Tencent: API 2.0
        /// module codes, common codes, then API 3.0 codes). Empty for a vendor this build leaves
        /// out.
        pub fn documented_codes(vendor: Vendor) -> Vec<CodeInfo> {
            match vendor {
                $(
                    #[cfg(feature = $name)]
                    Vendor::$variant => {
                        let mut codes = Vec::new();
                        $(
                            codes.extend(
                                <$krate::$table as DocumentedCode>::ALL
                                    .iter()
                                    .map(|&code| CodeInfo::of(vendor, stringify!($table), code)),
                            );
                        )*
                        codes
                    }
                )*
                #[allow(unreachable_patterns)]
                _ => Vec::new(),
            }
        }
    };
}

with_vendors!(code_tables);

/// The documented codes of the enabled vendors (or of `vendor`) that `query` names: by wire
/// code (`NoSuchKey`, `PAP5.0003`, `2004`), case-insensitively, or by variant name.
pub fn find_codes(query: &str, vendor: Option<Vendor>) -> Vec<CodeInfo> {
    let query = query.trim();
    Vendor::enabled()
        .filter(|v| vendor.is_none_or(|only| only == *v))
        .flat_map(documented_codes)
        .filter(|info| info.code().eq_ignore_ascii_case(query) || info.name().eq_ignore_ascii_case(query))
        .collect()
}
