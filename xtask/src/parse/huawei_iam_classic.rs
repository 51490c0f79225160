//! Huawei Cloud IAM, classic codes (`IAM.*` and 1100-1120): the classic IAM "Error Codes" page as
//! Open Telekom Cloud publishes it, a reStructuredText grid table (status, error code, error
//! message, description, measure) whose cells wrap over lines and hold `**bold**`. Messages are
//! templates with Python's named placeholders (`%(key)s`).

use super::{content_stamp, grid_table, rst_plain_text, Doc, Row};

pub const DOC: &str = "huawei-iam-classic-errors.rst";

pub fn parse(rst: &str) -> Result<Doc, String> {
    let mut rows = Vec::new();
    for grid in grid_table(DOC, rst, 5)? {
        let line = grid.line;
        // A wrapped cell's lines join with one space; bold reads as its words.
        let cell = |column: usize| rst_plain_text(&grid.cells[column].join(" "));
        let (status, code) = (cell(0), cell(1));
        let http_status = status
            .parse::<u16>()
            .ok()
            .filter(|s| (100..600).contains(s))
            .ok_or_else(|| format!("{DOC} line {line}: `{status}` is not an HTTP status"))?;
        let well_formed = code.strip_prefix("IAM.").map_or(code.len() == 4, |n| n.len() == 4)
            && code.trim_start_matches("IAM.").chars().all(|c| c.is_ascii_digit());
        if !well_formed {
            return Err(format!("{DOC} line {line}: `{code}` is not an `IAM.nnnn` or four-digit code"));
        }
        let mut row = Row::new(&code, cell(3), DOC, line);
        row.http_status = Some(http_status);
        row.wire_message = Some(cell(2));
        row.remediation = Some(cell(4)).filter(|measure| !measure.is_empty());
        let spans = &grid.spans;
        row.places = crate::model::Places {
            code: Some(spans[1]),
            status: Some(spans[0]),
            message: Some(spans[2]),
            title: None,
            description: Some(spans[3]),
            remediation: Some(spans[4]),
        };
        rows.push(row);
    }
    Ok(Doc { snapshot: content_stamp(&[rst]), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENT: &str = "Error Codes\n===========\n\n+-----+----------+--------------------------+--------------------+---------------+\n| Status Code | Error Code | Error Message | Description | Measure |\n+=====+==========+==========================+====================+===============+\n| 400 | 1105     | The value of **x_type**  | The value of       | Check         |\n|     |          | must match.              | **x_type** must    | **x_type**.   |\n|     |          |                          | match.             |               |\n+-----+----------+--------------------------+--------------------+---------------+\n| 400 | IAM.0007 | Request parameter        | The request        | Check the     |\n|     |          | %(key)s is invalid.      | parameter is       | parameter.    |\n|     |          |                          | invalid.           |               |\n+-----+----------+--------------------------+--------------------+---------------+\n";

    fn fragment() -> String {
        // The header row's cells are wider than its border says; only body rows are read.
        FRAGMENT.replace(
            "| Status Code | Error Code | Error Message | Description | Measure |",
            "| S   | Code     | Message                  | Description        | Measure       |",
        )
    }

    #[test]
    fn reads_wrapped_cells_as_one_text_and_bold_as_its_words() {
        let doc = parse(&fragment()).unwrap();
        assert_eq!(doc.rows.len(), 2);
        let first = &doc.rows[0];
        assert_eq!((first.wire.as_str(), first.http_status, first.line), ("1105", Some(400), 7));
        assert_eq!(first.wire_message.as_deref(), Some("The value of x_type must match."));
        assert_eq!(first.description, "The value of x_type must match.");
        assert_eq!(first.remediation.as_deref(), Some("Check x_type."));
        assert_eq!(doc.rows[1].wire_message.as_deref(), Some("Request parameter %(key)s is invalid."));
    }

    #[test]
    fn a_code_of_another_shape_is_an_error() {
        let broken = fragment().replace("| IAM.0007 |", "| IAM-0007 |");
        assert!(parse(&broken).unwrap_err().contains("`IAM-0007` is not"));
    }
}
