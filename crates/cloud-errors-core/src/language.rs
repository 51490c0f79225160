//! The languages vendors write their texts in, and a text in one of them.

use core::fmt;

use crate::Source;

/// A language a vendor publishes its error texts in (Tencent Cloud writes Chinese and English;
/// Authing's V3 page is Chinese; the others write English).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Language {
    /// Chinese (`zh`).
    Zh,
    /// English (`en`).
    En,
}

impl Language {
    /// Every language, in the order tables list them.
    pub const ALL: &'static [Language] = &[Language::Zh, Language::En];

    /// The language's tag, as BCP 47 writes it: `zh`, `en`.
    pub const fn tag(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::En => "en",
        }
    }

    /// The language with this tag, if it is one of [`Language::ALL`].
    pub fn from_tag(tag: &str) -> Option<Language> {
        Language::ALL.iter().copied().find(|language| language.tag() == tag)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A code's description in one language, and the document line it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Description {
    pub(crate) language: Language,
    pub(crate) text: &'static str,
    pub(crate) source: Source,
}

impl Description {
    /// A description, as generated tables write one.
    #[doc(hidden)]
    pub const fn new(language: Language, text: &'static str, source: Source) -> Description {
        Description { language, text, source }
    }

    /// The language it is written in.
    pub const fn language(&self) -> Language {
        self.language
    }

    /// The text, as the document gives it.
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// Where it is given.
    pub const fn source(&self) -> Source {
        self.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_each_language_once() {
        for &language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
            assert_eq!(language.to_string(), language.tag());
        }
        assert_eq!(Language::from_tag("fr"), None);
        assert_eq!((Language::Zh.tag(), Language::En.tag()), ("zh", "en"));
    }

    #[test]
    fn a_description_keeps_its_text_language_and_source() {
        let description = Description::new(Language::Zh, "参数错误", Source::document("t.md", 3));
        assert_eq!((description.text(), description.language()), ("参数错误", Language::Zh));
        assert_eq!(description.source(), Source::document("t.md", 3));
    }
}
