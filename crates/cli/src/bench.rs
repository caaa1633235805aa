//! `dictum bench`.
use std::process::ExitCode;
#[derive(clap::Args, Debug)]
pub struct Args {
    pub dir: std::path::PathBuf,
}
pub fn run(_a: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet")
}
