//! `byline bench`: the figures it prints add up, whatever the speed of the machine.

use std::io::Write;
use std::process::{Command, Stdio};

const DOCS: &[&str] = &[
    "Flooding in the northern province of Kessaly has killed at least 14 people, officials \
     said on Tuesday.\n\nThe governor, Maria Ostrander, said rescue teams were still searching. \
     \"We have never seen water rise this fast,\" she said.",
    "Prime Minister Tomas Hallberg said on Monday that his government would not raise fuel \
     taxes this year.",
    "Two soldiers were wounded when a roadside bomb hit their convoy, the army said.",
];

fn corpus() -> String {
    DOCS.iter()
        .enumerate()
        .map(|(i, t)| {
            let text = serde_json::to_string(t).unwrap();
            format!("{{\"id\": \"d{i}\", \"text\": {text}}}\n")
        })
        .collect()
}

fn bench(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("bench")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn json_report_counts_documents_bytes_and_stages() {
    let (code, out, err) = bench(
        &[
            "--json",
            "--stages",
            "--serialize",
            "--repeat",
            "3",
            "--threads",
            "2",
        ],
        &corpus(),
    );
    assert_eq!(code, 0, "stderr: {err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let bytes: usize = DOCS.iter().map(|d| d.len()).sum();
    assert_eq!(v["documents"], DOCS.len() * 3);
    assert_eq!(v["bytes"], bytes * 3);
    assert_eq!(v["threads"], 2);
    assert!(v["mb_per_s"].as_f64().unwrap() > 0.0);
    assert!(v["docs_per_s"].as_f64().unwrap() > 0.0);
    assert!(v["construction_ms"].as_f64().unwrap() >= 0.0);
    if cfg!(target_os = "linux") {
        assert!(v["peak_rss_bytes"].as_u64().unwrap() > 0);
    }
    let stages = v["stage_seconds"].as_object().unwrap();
    let names: Vec<&str> = stages.keys().map(String::as_str).collect();
    for s in [
        "text",
        "gazetteer",
        "entities",
        "casualties",
        "quotes",
        "json",
    ] {
        assert!(names.contains(&s), "missing stage {s} in {names:?}");
    }
}

#[test]
fn disabled_stages_are_not_reported() {
    let (code, out, _) = bench(
        &[
            "--json",
            "--stages",
            "--disable",
            "quotes",
            "--disable",
            "casualties",
        ],
        &corpus(),
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let stages = v["stage_seconds"].as_object().unwrap();
    assert!(stages.contains_key("entities"));
    assert!(!stages.contains_key("quotes"));
    assert!(!stages.contains_key("casualties"));
    assert!(!stages.contains_key("json"));
}

#[test]
fn table_report_names_the_figures() {
    let (code, out, _) = bench(&[], &corpus());
    assert_eq!(code, 0);
    for field in ["throughput", "documents/s", "construction", "peak RSS"] {
        assert!(out.contains(field), "no {field} in:\n{out}");
    }
}

#[test]
fn empty_or_bad_input_is_an_error() {
    let (code, _, err) = bench(&[], "");
    assert_eq!(code, 2);
    assert!(err.contains("no documents"));
    let (code, _, err) = bench(&[], "not json\n{\"id\": 1}\n");
    assert_eq!(code, 2);
    assert!(err.contains("skipped 2 lines"));
    let (code, _, err) = bench(&["--disable", "text"], &corpus());
    assert_eq!(code, 2);
    assert!(err.contains("not a stage"));
}
