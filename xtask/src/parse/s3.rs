//! S3: a reStructuredText grid table (code, description, status). Cells wrap over several lines;
//! a code cell ending in `\` continues on the next line without a space.

use super::{content_stamp, Doc, Row};

pub const DOC: &str = "s3.rst";

/// Joins the lines of one code cell: a line ending in `\` runs on into the next one.
fn join_code(segments: &[&str]) -> String {
    let mut code = String::new();
    for segment in segments {
        if let Some(continued) = code.strip_suffix('\\') {
            code = format!("{continued}{segment}");
        } else {
            if !code.is_empty() {
                code.push(' ');
            }
            code.push_str(segment);
        }
    }
    code
}

pub fn parse(rst: &str) -> Result<Doc, String> {
    let rows = super::grid_table(DOC, rst, 3)?
        .into_iter()
        .map(|grid| row(&grid.cells, &grid.spans, grid.line))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Doc { snapshot: content_stamp(&[rst]), rows })
}

fn row(cells: &[Vec<&str>], spans: &[(u32, u32)], line: u32) -> Result<Row, String> {
    let code = join_code(&cells[0]);
    let description = cells[1].join(" ");
    let status = cells[2].join(" ");
    if code.is_empty() || code.contains(char::is_whitespace) {
        return Err(format!("{DOC} line {line}: `{code}` is not an error code"));
    }
    let http_status = status
        .parse::<u16>()
        .ok()
        .filter(|s| (100..600).contains(s))
        .ok_or_else(|| format!("{DOC} line {line}: `{status}` is not an HTTP status"))?;
    let mut spec = Row::new(code.clone(), description, DOC, line);
    spec.name = Some(code);
    spec.http_status = Some(http_status);
    // A wrapped cell cites every line it runs over.
    spec.places.code = Some(spans[0]);
    spec.places.description = Some(spans[1]);
    spec.places.status = Some(spans[2]);
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = r"
   +-----------------------------------+--------------------------------------------------------+---------+
   | Error Code                        | Error Description                                      | Error   |
   +===================================+========================================================+=========+
   | AccessDenied                      | Access denied                                          | 403     |
   +-----------------------------------+--------------------------------------------------------+---------+
   | IllegalVersioningConfigurationEx\ | Indicates that the versioning configuration specified  | 400     |
   | ception                           | in the request is invalid                              |         |
   +-----------------------------------+--------------------------------------------------------+---------+
   | InternalFailure                   | The request processing has failed because of an        | 500     |
   |                                   | unknown error, exception or failure                    |         | 
   +-----------------------------------+--------------------------------------------------------+---------+
   | NoSuchUpload                      | The specified multipart upload does not exis. The      | 404     |
   |                                   | upload ID might be invalid, or the multipart upload    |         |
   |                                   | might have been aborted or completed                   |         |
   +-----------------------------------+--------------------------------------------------------+---------+
";

    #[test]
    fn joins_backslash_continued_codes_without_a_space() {
        let doc = parse(FRAGMENT).unwrap();
        assert_eq!(doc.rows[1].wire, "IllegalVersioningConfigurationException");
        assert_eq!(doc.rows[1].name.as_deref(), Some("IllegalVersioningConfigurationException"));
        assert_eq!(
            join_code(&["IncorrectNumberOfFilesInPostRe\\", "quest"]),
            "IncorrectNumberOfFilesInPostRequest"
        );
    }

    #[test]
    fn joins_wrapped_descriptions_with_one_space_and_keeps_typos() {
        let doc = parse(FRAGMENT).unwrap();
        assert_eq!(doc.rows.len(), 4);
        assert_eq!(
            doc.rows[3].description,
            "The specified multipart upload does not exis. The upload ID might be invalid, or the multipart upload might have been aborted or completed"
        );
        assert_eq!(
            doc.rows[2].description,
            "The request processing has failed because of an unknown error, exception or failure"
        );
        assert_eq!((doc.rows[0].http_status, doc.rows[0].line), (Some(403), 5));
        assert_eq!(doc.rows[3].http_status, Some(404));
    }

    #[test]
    fn misaligned_cells_are_an_error() {
        let broken =
            FRAGMENT.replace("| AccessDenied                      |", "| AccessDenied                     |");
        assert!(parse(&broken).unwrap_err().contains("cell borders"));
    }
}
