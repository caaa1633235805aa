//! The reports table as Parquet (`dictum export --format parquet`): one row group per 65,536
//! reports, snappy-compressed, the same columns as the CSV and JSON Lines exports, and the
//! same schema as the Spark job's statements table (`deploy/spark/`), which has the database
//! ids (`statement`, `report`, `person`, `person_name`, `copy_of`) null and `month` as its
//! partition directory.

use std::io::Write;
use std::sync::Arc;

use anyhow::{Context, Result};
use dictum_store::ExportRow;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// The schema, documented in README.md; strings are UTF-8. Every column is optional, as Spark
/// writes them, and `month` comes last, where Spark puts the partition column of its
/// statements table when reading it: both tables read as one.
pub const SCHEMA: &str = "message report {
    optional int64 statement;
    optional int64 report;
    optional binary kind (STRING);
    optional binary text (STRING);
    optional binary speaker (STRING);
    optional int64 person;
    optional binary person_name (STRING);
    optional binary cue (STRING);
    optional binary source (STRING);
    optional binary doc (STRING);
    optional binary url (STRING);
    optional binary title (STRING);
    optional binary outlet (STRING);
    optional binary published (STRING);
    optional binary content (STRING);
    optional int64 copy_of;
    optional binary month (STRING);
}";

/// Rows per row group.
const GROUP: usize = 65_536;

pub struct ParquetSink<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    rows: Vec<ExportRow>,
}

impl<W: Write + Send> ParquetSink<W> {
    pub fn new(out: W) -> Result<Self> {
        let schema = Arc::new(parse_message_type(SCHEMA).context("the Parquet schema")?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        Ok(ParquetSink {
            writer: SerializedFileWriter::new(out, schema, props)
                .context("cannot start the Parquet file")?,
            rows: Vec::with_capacity(GROUP),
        })
    }

    pub fn push(&mut self, row: ExportRow) -> Result<()> {
        self.rows.push(row);
        if self.rows.len() >= GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let mut group = self.writer.next_row_group()?;
        let ints: [fn(&ExportRow) -> Option<i64>; 4] = [
            |r| Some(r.statement),
            |r| Some(r.report),
            |r| r.person,
            |r| r.copy_of,
        ];
        let strs: [fn(&ExportRow) -> Option<&str>; 13] = [
            |r| Some(&r.kind),
            |r| Some(&r.text),
            |r| r.speaker.as_deref(),
            |r| r.person_name.as_deref(),
            |r| r.cue.as_deref(),
            |r| r.source.as_deref(),
            |r| Some(&r.doc),
            |r| r.url.as_deref(),
            |r| r.title.as_deref(),
            |r| r.outlet.as_deref(),
            |r| r.published.as_deref(),
            |r| r.month.as_deref(),
            |r| Some(&r.content),
        ];
        // Columns in schema order: which getter (every column is optional).
        enum Col {
            Int(usize),
            Str(usize),
        }
        let order = [
            Col::Int(0),
            Col::Int(1),
            Col::Str(0),
            Col::Str(1),
            Col::Str(2),
            Col::Int(2),
            Col::Str(3),
            Col::Str(4),
            Col::Str(5),
            Col::Str(6),
            Col::Str(7),
            Col::Str(8),
            Col::Str(9),
            Col::Str(10),
            Col::Str(12),
            Col::Int(3),
            Col::Str(11),
        ];
        for col in order {
            let mut w = group
                .next_column()?
                .context("the Parquet schema has fewer columns than the rows")?;
            match col {
                Col::Int(i) => {
                    let vals: Vec<Option<i64>> = rows.iter().map(ints[i]).collect();
                    let present: Vec<i64> = vals.iter().flatten().copied().collect();
                    let defs: Vec<i16> = vals.iter().map(|v| i16::from(v.is_some())).collect();
                    w.typed::<Int64Type>()
                        .write_batch(&present, Some(&defs[..]), None)?;
                }
                Col::Str(i) => {
                    let vals: Vec<Option<&str>> = rows.iter().map(strs[i]).collect();
                    let present: Vec<ByteArray> = vals
                        .iter()
                        .flatten()
                        .map(|s| ByteArray::from(s.as_bytes().to_vec()))
                        .collect();
                    let defs: Vec<i16> = vals.iter().map(|v| i16::from(v.is_some())).collect();
                    w.typed::<ByteArrayType>()
                        .write_batch(&present, Some(&defs[..]), None)?;
                }
            }
            w.close()?;
        }
        group.close()?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.writer
            .close()
            .context("cannot finish the Parquet file")?;
        Ok(())
    }
}
