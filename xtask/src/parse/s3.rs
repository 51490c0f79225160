//! S3: a reStructuredText grid table (code, description, status). Cells wrap over several lines;
//! a code cell ending in `\` continues on the next line without a space.

use super::{content_stamp, Doc, Row};

pub const DOC: &str = "s3.rst";

/// Where the columns of a grid table start and end: the byte offsets of its `+` corners.
fn corners(border: &str) -> Vec<usize> {
    border.char_indices().filter(|&(_, c)| c == '+').map(|(i, _)| i).collect()
}

fn is_border(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('+') && line.chars().all(|c| matches!(c, '+' | '-' | '='))
}

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
    let lines: Vec<&str> = rst.lines().collect();
    let first_border =
        lines.iter().position(|line| is_border(line)).ok_or_else(|| format!("{DOC}: no grid table"))?;
    let columns = corners(lines[first_border]);
    if columns.len() != 4 {
        return Err(format!("{DOC} line {}: expected a three-column table", first_border + 1));
    }
    let mut rows = Vec::new();
    let mut cells: [Vec<&str>; 3] = Default::default();
    let mut row_start = 0;
    let mut past_header = false;
    for (index, line) in lines.iter().enumerate().skip(first_border + 1) {
        let line_no = index as u32 + 1;
        if is_border(line) {
            if past_header {
                rows.push(row(&cells, row_start)?);
            }
            past_header |= line.contains('=');
            cells = Default::default();
            continue;
        }
        if line.trim().is_empty() {
            break;
        }
        if cells[0].is_empty() && cells[1].is_empty() {
            row_start = line_no;
        }
        for (column, cell) in cells.iter_mut().enumerate() {
            let (start, end) = (columns[column], columns[column + 1]);
            let text = line.get(start..=end).filter(|t| t.starts_with('|') && t.ends_with('|')).ok_or_else(
                || format!("{DOC} line {line_no}: cell borders are not where the table's corners are"),
            )?;
            let text = text[1..text.len() - 1].trim();
            if !text.is_empty() {
                cell.push(text);
            }
        }
    }
    Ok(Doc { snapshot: content_stamp(&[rst]), rows })
}

fn row(cells: &[Vec<&str>; 3], line: u32) -> Result<Row, String> {
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
