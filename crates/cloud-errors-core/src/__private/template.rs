//! Vendor message templates.
//!
//! Some documented messages are templates: Huawei writes `access denied: %s` and
//! `Maximum number of bytes %d ...`, its classic IAM page Python's named `%(key)s`, AWS Interface
//! writes `Function has errors: {}`. This module renders a template with arguments and matches a
//! received message back to its arguments.
//!
//! `%s`, `%(name)s` and `{}` stand for any text (possibly empty); `%d` and `%(name)d` for an
//! integer (an optional `-` and at least one ASCII digit). Nothing else is a placeholder:
//! Huawei's typo `s%` is literal text.

/// One piece of a template: literal text, or a placeholder as it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'t> {
    Literal(&'t str),
    /// As written: `%s`, `{}`, `%d`, `%(key)s`.
    Placeholder(&'t str),
}

impl Piece<'_> {
    /// Whether the placeholder stands for an integer (`%d`, `%(name)d`).
    fn is_integer(self) -> bool {
        matches!(self, Piece::Placeholder(token) if token.ends_with('d'))
    }
}

/// The length of the placeholder `text` starts with, if it starts with one: `%s`, `{}`, `%d`,
/// or Python's named `%(name)s` / `%(name)d` (a name of ASCII letters, digits and `_`).
fn placeholder_len(text: &str) -> Option<usize> {
    if ["%s", "{}", "%d"].iter().any(|token| text.starts_with(token)) {
        return Some(2);
    }
    let name = text.strip_prefix("%(")?;
    let close = name.find(')')?;
    let is_name = close > 0 && name[..close].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    (is_name && matches!(name.as_bytes().get(close + 1), Some(b's' | b'd'))).then_some(close + 4)
}

/// Splits a template into literal text and placeholders.
fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if let Some(len) = placeholder_len(rest) {
            let (token, after) = rest.split_at(len);
            rest = after;
            return Some(Piece::Placeholder(token));
        }
        let end = rest.char_indices().map(|(at, _)| at).find(|&at| placeholder_len(&rest[at..]).is_some());
        let end = end.unwrap_or(rest.len());
        let (literal, after) = rest.split_at(end);
        rest = after;
        Some(Piece::Literal(literal))
    })
}

/// How many placeholders `template` has.
pub fn placeholder_count(template: &str) -> usize {
    pieces(template).filter(|p| !matches!(p, Piece::Literal(_))).count()
}

/// Fills the placeholders of `template` with `args`, in order.
///
/// Missing arguments leave their placeholder as written; extra arguments are ignored. The
/// result is what a vendor server would send.
///
/// ```
/// use cloud_errors_core::__private::template::render;
/// assert_eq!(render("access denied: %s", &["alice"]), "access denied: alice");
/// assert_eq!(render("Function has errors: {}", &["x"]), "Function has errors: x");
/// ```
pub fn render(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut args = args.iter();
    for piece in pieces(template) {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Placeholder(token) => out.push_str(args.next().unwrap_or(&token)),
        }
    }
    out
}

/// Matches a received `message` against `template` and returns the text that stood in for each
/// placeholder, or `None` when the message does not have the template's shape.
///
/// Text placeholders take the shortest text that lets the rest match, except the last, which
/// takes everything up to the template's closing literal.
///
/// ```
/// use cloud_errors_core::__private::template::match_args;
/// assert_eq!(match_args("access denied: %s", "access denied: alice"), Some(vec!["alice"]));
/// assert_eq!(match_args("limit %d reached", "limit many reached"), None);
/// ```
pub fn match_args<'m>(template: &str, message: &'m str) -> Option<Vec<&'m str>> {
    let pieces: Vec<Piece<'_>> = pieces(template).collect();
    let mut args = Vec::new();
    let mut rest = message;
    let mut index = 0;
    while index < pieces.len() {
        match pieces[index] {
            Piece::Literal(text) => rest = rest.strip_prefix(text)?,
            placeholder => {
                // The placeholder runs up to the next literal (or the end of the message).
                let (taken, after) = match pieces.get(index + 1) {
                    None => (rest, ""),
                    Some(Piece::Literal(next)) if index + 2 == pieces.len() => {
                        let cut = rest.strip_suffix(next).map(|s| s.len())?;
                        (&rest[..cut], &rest[cut..])
                    }
                    Some(Piece::Literal(next)) => {
                        let cut = rest.find(next)?;
                        (&rest[..cut], &rest[cut..])
                    }
                    // Two placeholders in a row cannot be told apart; give the first nothing.
                    Some(_) => ("", rest),
                };
                if placeholder.is_integer() && !is_integer(taken) {
                    return None;
                }
                args.push(taken);
                rest = after;
            }
        }
        index += 1;
    }
    rest.is_empty().then_some(args)
}

fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_named_placeholders_render_and_match_in_order() {
        // Templates of huawei-iam-classic-errors.rst.
        let template = "Invalid input for field '%(key)s'. The value is '%(value)s'.";
        assert_eq!(placeholder_count(template), 2);
        assert_eq!(render(template, &["name", "x y"]), "Invalid input for field 'name'. The value is 'x y'.");
        assert_eq!(
            match_args(template, "Invalid input for field 'name'. The value is 'x y'."),
            Some(vec!["name", "x y"])
        );
        assert_eq!(match_args("limit %(n)d reached", "limit many reached"), None);
        assert_eq!(match_args("limit %(n)d reached", "limit 5 reached"), Some(vec!["5"]));
        // Not placeholders: an empty or odd name, or no conversion after it.
        for literal in ["%()s", "%(a b)s", "%(key)", "%(key)x"] {
            assert_eq!(placeholder_count(literal), 0, "{literal}");
        }
    }

    #[test]
    fn renders_each_placeholder_kind() {
        assert_eq!(render("access denied: %s", &["alice"]), "access denied: alice");
        assert_eq!(
            render("Maximum number of bytes %d of a policy", &["6144"]),
            "Maximum number of bytes 6144 of a policy"
        );
        assert_eq!(render("Function has errors: {}", &["boom"]), "Function has errors: boom");
        assert_eq!(render("%s and %s", &["a", "b"]), "a and b");
    }

    #[test]
    fn missing_arguments_leave_placeholders_and_extras_are_ignored() {
        assert_eq!(render("a %s b %d", &["x"]), "a x b %d");
        assert_eq!(render("plain", &["x"]), "plain");
    }

    #[test]
    fn the_typo_s_percent_is_not_a_placeholder() {
        let template = "Preview with id s% cannot be found.";
        assert_eq!(placeholder_count(template), 0);
        assert_eq!(render(template, &["x"]), template);
        assert_eq!(match_args(template, template), Some(vec![]));
    }

    #[test]
    fn matches_messages_back_to_arguments() {
        assert_eq!(match_args("access denied: %s", "access denied: alice"), Some(vec!["alice"]));
        assert_eq!(match_args("access denied: %s", "access denied: "), Some(vec![""]));
        assert_eq!(
            match_args("Analyzer with id %s cannot be found.", "Analyzer with id a-1 cannot be found."),
            Some(vec!["a-1"])
        );
        assert_eq!(match_args("bytes %d of a policy", "bytes 6144 of a policy"), Some(vec!["6144"]));
        assert_eq!(match_args("bytes %d of a policy", "bytes -2 of a policy"), Some(vec!["-2"]));
        assert_eq!(match_args("%s and %s", "a and b and c"), Some(vec!["a", "b and c"]));
        assert_eq!(match_args("Function has errors: {}", "Function has errors: x: y"), Some(vec!["x: y"]));
    }

    #[test]
    fn rejects_messages_of_another_shape() {
        assert_eq!(match_args("access denied: %s", "permission denied: alice"), None);
        assert_eq!(match_args("bytes %d of a policy", "bytes many of a policy"), None);
        assert_eq!(match_args("bytes %d of a policy", "bytes  of a policy"), None);
        assert_eq!(match_args("Analyzer %s found.", "Analyzer x found. Extra"), None);
        assert_eq!(match_args("plain", "plain!"), None);
    }

    #[test]
    fn rendering_then_matching_gives_the_arguments_back() {
        for (template, args) in [
            ("access denied: %s", vec!["bob"]),
            ("Missing %s parameter in the request.", vec!["name"]),
            ("The finding filter with key %s is invalid.", vec!["k.e.y"]),
        ] {
            assert_eq!(match_args(template, &render(template, &args)), Some(args));
        }
    }

    #[test]
    fn counts_placeholders() {
        assert_eq!(placeholder_count("%s %d {} s%"), 3);
        assert_eq!(placeholder_count("no placeholders"), 0);
    }

    #[test]
    fn the_last_placeholder_takes_everything_up_to_the_closing_literal() {
        assert_eq!(match_args("error: %s.", "error: a.b."), Some(vec!["a.b"]));
        assert_eq!(match_args("%s and %s.", "x and y.z."), Some(vec!["x", "y.z"]));
    }
}
