//! Library part of the `byline` command: the input record readers, shared by the binary and
//! by the fuzz targets (`fuzz/`), so the JSONL parser can be fuzzed without a process.

#![warn(missing_docs)]

pub mod records;

use byline::{ExtractorBuilder, Stage};

/// Switches off the stages named by `--disable` (gazetteer, entities, casualties, quotes);
/// an unknown name, or the text stage, is an error that says which names are valid.
pub fn disable_stages(
    mut builder: ExtractorBuilder,
    names: &[String],
) -> std::io::Result<ExtractorBuilder> {
    for name in names {
        match Stage::parse(name) {
            Some(s) if s != Stage::Text => builder = builder.disable(s),
            _ => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!(
                        "--disable {name}: not a stage (gazetteer, entities, casualties, quotes)"
                    ),
                ))
            }
        }
    }
    Ok(builder)
}
