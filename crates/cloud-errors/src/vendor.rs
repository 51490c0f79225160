//! The vendors, by name; which of them this build includes.

use core::fmt;
use core::str::FromStr;

macro_rules! vendor_enum {
    ($($variant:ident, $name:literal, $krate:ident, [$($table:ident),*],
       [$($envelope:ident: $response:ident $envelope_name:literal),*], $prose:literal, $doc:literal;)*) => {
        /// A vendor this crate knows. Every vendor is always named and recognized; only those
        /// whose features are enabled can be decoded.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Vendor {
            $(
                #[doc = concat!($doc, " (feature `", $name, "`).")]
                $variant,
            )*
        }

        impl Vendor {
            /// Every vendor, enabled or not, in the project's order.
            pub const ALL: &'static [Vendor] = &[$(Vendor::$variant),*];

            /// The vendor's name, which is also its Cargo feature: `aws-interface`,
            /// `huawei-iam`, `authing`, `s3`, `tencent-cam`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Vendor::$variant => $name,)*
                }
            }

            /// The vendor's name as prose writes it, for messages meant for people: `AWS
            /// Interface`, `Huawei IAM`, `Authing`, `S3`, `Tencent CAM`.
            pub const fn prose_name(self) -> &'static str {
                match self {
                    $(Vendor::$variant => $prose,)*
                }
            }

            /// Whether this build includes the vendor's crate.
            pub const fn is_enabled(self) -> bool {
                match self {
                    $(Vendor::$variant => cfg!(feature = $name),)*
                }
            }
        }

        /// One kind of error body: a vendor's envelope of one API generation. Every envelope is
        /// always named and recognized; only those of enabled vendors can be decoded.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum EnvelopeKind {
            $($(
                #[doc = concat!("`", stringify!($krate), "::", stringify!($response), "`.")]
                $envelope,
            )*)*
        }

        impl EnvelopeKind {
            /// Every envelope, in the project's order.
            pub const ALL: &'static [EnvelopeKind] = &[$($(EnvelopeKind::$envelope,)*)*];

            /// The envelope's name: the vendor's, with `-v3` for its current generation where it
            /// has two (`authing-v3`, `tencent-cam-v3`).
            pub const fn name(self) -> &'static str {
                match self {
                    $($(EnvelopeKind::$envelope => $envelope_name,)*)*
                }
            }

            /// The vendor that sends it.
            pub const fn vendor(self) -> Vendor {
                match self {
                    $($(EnvelopeKind::$envelope => Vendor::$variant,)*)*
                }
            }
        }
    };
}

with_vendors!(vendor_enum);

impl Vendor {
    /// The vendors this build includes.
    pub fn enabled() -> impl Iterator<Item = Vendor> {
        Vendor::ALL.iter().copied().filter(|v| v.is_enabled())
    }

    /// Any vendor by name, enabled or not.
    pub fn by_name(name: &str) -> Option<Vendor> {
        Vendor::ALL.iter().copied().find(|v| v.name() == name)
    }
}

impl fmt::Display for EnvelopeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name given to [`Vendor::from_str`] is not a vendor, or names one this build leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVendor(String);

impl UnknownVendor {
    /// The name as given.
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Vendor::by_name(&self.0) {
            Some(vendor) => write!(f, "vendor `{vendor}` is not enabled in this build (feature `{vendor}`)"),
            None => {
                let names: Vec<&str> = Vendor::enabled().map(Vendor::name).collect();
                write!(f, "unknown vendor `{}`; expected one of: {}", self.0, names.join(", "))
            }
        }
    }
}

impl std::error::Error for UnknownVendor {}

impl FromStr for Vendor {
    type Err = UnknownVendor;

    /// Parses an enabled vendor's name.
    fn from_str(name: &str) -> Result<Self, UnknownVendor> {
        Vendor::enabled().find(|v| v.name() == name).ok_or_else(|| UnknownVendor(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_names_parse_and_print() {
        for vendor in Vendor::enabled() {
            assert_eq!(vendor.name().parse::<Vendor>(), Ok(vendor));
            assert_eq!(vendor.to_string(), vendor.name());
        }
        let err = "azure".parse::<Vendor>().unwrap_err();
        assert!(err.to_string().starts_with("unknown vendor `azure`"));
        assert_eq!(err.name(), "azure");
        // Every vendor is known by name, whichever this build includes.
        for &vendor in Vendor::ALL {
            assert_eq!(Vendor::by_name(vendor.name()), Some(vendor));
        }
        assert_eq!(Vendor::by_name("azure"), None);
        for &envelope in EnvelopeKind::ALL {
            assert_eq!(envelope.to_string(), envelope.name());
        }
        assert_eq!(EnvelopeKind::AwsJson.to_string(), "aws-json");
        assert_eq!(Vendor::ALL.len(), 5);
        assert_eq!(EnvelopeKind::ALL.len(), 10);
        assert_eq!(
            (EnvelopeKind::TencentCamV3.name(), EnvelopeKind::TencentCamV3.vendor()),
            ("tencent-cam-v3", Vendor::TencentCam)
        );
    }
}
