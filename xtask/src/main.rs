//! `cargo xtask regen [--check]`: regenerates every vendor crate's `src/generated.rs` from the
//! documents and overlays in `docs/vendor/`; with `--check`, writes nothing and fails naming each
//! stale file.

mod emit;
mod model;
mod overlay;
mod parse;
mod regen;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask regen [--check]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["regen"] => false,
        ["regen", "--check"] => true,
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let root = regen::workspace_root();
    match regen::run(&root, check) {
        Ok(report) => {
            for line in report {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
