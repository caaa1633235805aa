//! Parquet articles: rows named by file and row, a bad row reported and the rest read, the
//! Spark job's articles table taken as already clean, a statements table and a non-Parquet
//! file refused with their reason.

use std::path::Path;
use std::sync::Arc;

use dictum_ingest::{read_path, Body, Format, Item, Options, Place};
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type};
use parquet::file::writer::SerializedFileWriter;

/// Writes a table of optional string columns (and an optional int32 `statements` column).
fn table(path: &Path, columns: &[(&str, Vec<Option<&str>>)], statements: Option<Vec<i32>>) {
    let mut schema = String::from("message spark_schema {");
    for (name, _) in columns {
        schema.push_str(&format!(" optional binary {name} (STRING);"));
    }
    if statements.is_some() {
        schema.push_str(" optional int32 statements;");
    }
    schema.push_str(" }");
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&schema).unwrap());
    let file = std::fs::File::create(path).unwrap();
    let mut w = SerializedFileWriter::new(file, schema, Default::default()).unwrap();
    let mut group = w.next_row_group().unwrap();
    for (_, vals) in columns {
        let present: Vec<ByteArray> = vals.iter().flatten().map(|s| ByteArray::from(*s)).collect();
        let defs: Vec<i16> = vals.iter().map(|v| i16::from(v.is_some())).collect();
        let mut col = group.next_column().unwrap().unwrap();
        col.typed::<ByteArrayType>()
            .write_batch(&present, Some(&defs), None)
            .unwrap();
        col.close().unwrap();
    }
    if let Some(n) = statements {
        let mut col = group.next_column().unwrap().unwrap();
        col.typed::<Int32Type>()
            .write_batch(&n, Some(&vec![1; n.len()]), None)
            .unwrap();
        col.close().unwrap();
    }
    group.close().unwrap();
    w.close().unwrap();
}

fn read(path: &Path) -> Vec<Item> {
    read_path(path, None, &Options::default()).collect()
}

#[test]
fn rows_are_articles_and_a_bad_row_does_not_stop_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.parquet");
    table(
        &path,
        &[
            ("id", vec![Some("a1"), Some("a2"), None]),
            (
                "text",
                vec![Some("Title\nBody."), None, Some("Other\nText.")],
            ),
            ("html", vec![None, None, None]),
            ("outlet", vec![Some("Nordpress"), None, None]),
            ("section", vec![Some("world"), None, None]),
        ],
        None,
    );
    let items = read(&path);
    assert_eq!(items.len(), 3);
    let Item::Doc(a) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert_eq!(a.doc, "a1");
    assert_eq!(a.origin, format!("{}#row 1", path.display()));
    assert_eq!(a.body, Body::Text("Title\nBody.".into()));
    assert_eq!(a.outlet.as_deref(), Some("Nordpress"));
    assert!(!a.clean, "an ordinary table is cleaned as usual");
    assert!(
        a.extra.is_empty(),
        "columns dictum does not read are left out"
    );
    let Item::Error(e) = &items[1] else {
        panic!("{:?}", items[1])
    };
    assert_eq!(e.place, Place::Row(2));
    assert_eq!(
        e.to_string(),
        format!(
            "{}#row 2: the article has neither a \"text\" nor an \"html\" field",
            path.display()
        )
    );
    let Item::Doc(c) = &items[2] else {
        panic!("{:?}", items[2])
    };
    assert_eq!(c.doc, "feed:3", "no id: the file stem and the row");
}

#[test]
fn the_spark_articles_table_is_already_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("part-00000.snappy.parquet");
    table(
        &path,
        &[
            ("doc", vec![Some("b-01")]),
            ("text", vec![Some("Title\nKOTKA, May 2 – Body.")]),
            ("published", vec![Some("2024-05-02")]),
            ("published_from", vec![Some("dateline")]),
            ("place", vec![Some("Kotka")]),
        ],
        Some(vec![0]),
    );
    let items = read(&path);
    let Item::Doc(d) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert!(d.clean);
    assert_eq!(d.doc, "b-01");
    assert_eq!(d.extra["place"], "Kotka");
    assert_eq!(d.extra["published_from"], "dateline");
}

#[test]
fn statements_tables_and_other_files_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let stmts = dir.path().join("s.parquet");
    table(
        &stmts,
        &[("kind", vec![Some("direct")]), ("text", vec![Some("x")])],
        None,
    );
    let items = read(&stmts);
    assert_eq!(items.len(), 1);
    let Item::Error(e) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert!(e.to_string().contains("a statements table"), "{e}");

    let fake = dir.path().join("fake.parquet");
    std::fs::write(&fake, b"{\"text\": \"not parquet\"}\n").unwrap();
    let items = read(&fake);
    assert_eq!(items.len(), 1);
    let Item::Error(e) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert!(e.to_string().contains("not a readable Parquet file"), "{e}");

    // Parquet cannot come from a stream.
    let bytes = std::fs::read(&stmts).unwrap();
    let items: Vec<Item> =
        dictum_ingest::read_bytes(&bytes, Some(Format::Parquet), "-", &Options::default())
            .collect();
    let Item::Error(e) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert!(e.to_string().contains("not from a stream"), "{e}");
    assert_eq!(Format::sniff(&bytes), Format::Parquet);
}
