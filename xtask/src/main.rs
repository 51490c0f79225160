//! Maintainer tasks:
//!
//! - `cargo xtask regen [--check]`: regenerates every vendor crate's `src/generated.rs` from the
//!   documents and overlays in `docs/vendor/`; with `--check`, writes nothing and fails naming
//!   each stale file.
//! - `cargo xtask bless`: rewrites the golden bodies and insta snapshots under `golden/` from
//!   the current code, for review with `git diff golden/`.
//! - `cargo xtask public-api [--bless]`: compares every library crate's public API with its
//!   listing in `golden/public-api/` (with `--bless`, rewrites the listings).

mod citations;
mod emit;
mod model;
mod names;
mod overlay;
mod parse;
mod public_api;
mod regen;
mod vendors;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask regen [--check] | cargo xtask bless | cargo xtask public-api [--bless]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["regen"] => false,
        ["regen", "--check"] => true,
        ["bless"] => return bless(),
        ["public-api"] => return report(public_api::run(&regen::workspace_root(), false)),
        ["public-api", "--bless"] => return report(public_api::run(&regen::workspace_root(), true)),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    report(regen::run(&regen::workspace_root(), check))
}

/// Prints a task's report, or its error on stderr.
fn report(result: Result<Vec<String>, String>) -> ExitCode {
    match result {
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

/// Runs the conformance suite's golden tests in writing mode.
fn bless() -> ExitCode {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args(["test", "--package", "conformance", "--test", "golden"])
        .env("CLOUD_ERRORS_BLESS", "1")
        .env("INSTA_UPDATE", "always")
        .env_remove("CI")
        .current_dir(regen::workspace_root())
        .status();
    match status {
        Ok(status) if status.success() => {
            println!("golden bodies and snapshots rewritten; review them with `git diff golden/`");
            ExitCode::SUCCESS
        }
        Ok(_) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: cannot run cargo: {err}");
            ExitCode::FAILURE
        }
    }
}
